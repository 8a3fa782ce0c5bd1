/**
 * The concordance's scanner (a needle, then words read only where it is found) against the
 * plain reading (every word of the text in turn), on random texts of Swedish words, case and
 * punctuation; and hostile queries and texts that must neither throw nor hang.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { occurrencesIn, parsePattern } from "../../../src/corpus/concordance/index.js";
import { inflectionKey } from "../../../src/corpus/concordance/pattern.js";
import { tokenize } from "../../../src/lang/tokenize.js";
import { hostileArbitrary, hostileStrings } from "../../security/hostile-strings.js";

const vocabulary = ["stöd", "Stödet", "stöden", "sexköpare", "SEXKÖPARNA", "köp", "av", "sexuell", "tjänst", "ö", "å"];
const glue = [" ", ", ", ". ", " – ", "\n", "(", ")", "-", "”"];

const text = fc
  .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...glue)), { maxLength: 40 })
  .map((parts) => parts.map(([w, g]) => w + g).join(""));
const query = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(" "));

/** Where the pattern begins, reading every word (occurrences not overlapping). */
function plain(t: string, q: string, inflections: boolean): number[] {
  const words = tokenize(t).map((x) => ({ ...x, lower: x.word.toLowerCase() }));
  const p = tokenize(q).map((x) => x.word.toLowerCase());
  const out: number[] = [];
  for (let i = 0; i + p.length <= words.length; i++) {
    const ok = p.every((w, k) => {
      const v = words[i + k]!.lower;
      return v === w || (inflections && inflectionKey(v) === inflectionKey(w));
    });
    if (ok) {
      out.push(words[i]!.start);
      i += p.length - 1;
    }
  }
  return out;
}

describe("the scanner finds what reading every word finds", () => {
  it("as written and with inflections, for words and phrases", () => {
    fc.assert(
      fc.property(text, query, fc.boolean(), (t, q, inflections) => {
        const p = parsePattern(q, inflections)!;
        expect(occurrencesIn(t, p).map((o) => o.start)).toEqual(plain(t, q, inflections));
      }),
      { numRuns: 400 },
    );
  });
});

describe("hostile queries and texts", () => {
  it("never throw, and what they find lies in the text", () => {
    for (const [name, s] of Object.entries(hostileStrings)) {
      const p = parsePattern(s, true);
      const t = `före ${s} efter ${s}`;
      if (!p) continue;
      const os = occurrencesIn(t, p);
      for (const o of os) expect(t.slice(o.start, o.end).length, name).toBeGreaterThan(0);
      expect(() => occurrencesIn(t, parsePattern(s, false)!), name).not.toThrow();
    }
    fc.assert(
      fc.property(hostileArbitrary(), hostileArbitrary(), (q, t) => {
        const p = parsePattern(q, true);
        if (p) occurrencesIn(t, p);
      }),
      { numRuns: 300 },
    );
  });
});
