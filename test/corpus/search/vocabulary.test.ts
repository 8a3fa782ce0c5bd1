import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { Vocabulary } from "../../../src/corpus/search/vocabulary.js";
import { generateCorpus, prng } from "../../../bench/corpus-generate.js";
import { corpusDocumentSchema } from "../../../src/domain/corpus-document.js";
import { analyze } from "../../../src/corpus/search/analyze.js";

describe("Vocabulary", () => {
  const r = prng(42);
  const letters = "aeiouåäöklmnprst";
  const words = new Set<string>([
    "sexköp",
    "sexköpslag",
    "sexuell",
    "prostitution",
    "prostituerad",
    "handlingsplan",
    "kommun",
    "kommunal",
    "kast",
  ]);
  while (words.size < 3000) {
    let w = "";
    const len = 2 + Math.floor(r() * 9);
    for (let i = 0; i < len; i++) w += letters[Math.floor(r() * letters.length)];
    words.add(w);
  }
  const terms = [...words];
  const v = new Vocabulary(terms);

  it("finds exact terms and prefixes", () => {
    expect(v.term(v.id("sexköp"))).toBe("sexköp");
    expect(v.id("sexköpare")).toBe(0);
    expect(
      v
        .withPrefix("sexk")
        .map((id) => v.term(id))
        .sort(),
    ).toEqual(["sexköp", "sexköpslag"]);
    expect(v.withPrefix("sexköp").map((id) => v.term(id))).toEqual(["sexköpslag"]);
  });

  it("finds exactly the terms within the edit distance, as a brute-force scan does", () => {
    for (const q of ["prostitusion", "handlingsplaan", "kommunn", "sexköpp", ...terms.slice(0, 60)]) {
      for (const d of [1, 2]) {
        const got = v
          .fuzzy(q, d)
          .map((x) => `${v.term(x.id)}:${x.distance}`)
          .sort();
        const want = terms
          .filter((t) => t !== q && distance(t, q) <= d)
          .map((t) => `${t}:${distance(t, q)}`)
          .sort();
        expect(got).toEqual(want);
      }
    }
  });
});

describe("the benchmark's synthetic corpus", () => {
  it("is valid per the schema, deterministic, and Swedish", () => {
    const docs = generateCorpus(300, 5);
    for (const d of docs) corpusDocumentSchema.parse(d);
    expect(new Set(docs.map((d) => d.id)).size).toBe(300);
    expect(generateCorpus(300, 5)).toEqual(docs);
    expect(docs.some((d) => d.fullText)).toBe(true);
    expect(analyze(docs.map((d) => d.summary).join(" "))).toContain("prostitution");
  });
});
