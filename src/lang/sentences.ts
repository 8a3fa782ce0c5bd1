/**
 * Sentences of Swedish prose, as the auto-tagger reads them (titles, att-satser, arguments).
 * Composing places note marks with its own rule on a draft's inlines (src/compose/sentences.ts).
 */

/** Abbreviations that end with a full stop without ending a sentence. */
const abbreviations = new Set([
  "bl",
  "t",
  "ex",
  "s",
  "k",
  "m",
  "fl",
  "dvs",
  "d",
  "v",
  "ca",
  "kl",
  "nr",
  "jfr",
  "resp",
  "st",
  "fr",
  "o",
  "p",
  "e",
  "f",
  "a",
  "prof",
  "dr",
  "mfl",
  "osv",
  "etc",
  "tel",
  "ang",
  "enl",
  "inkl",
  "exkl",
  "kap",
  "sek",
  "milj",
  "mdkr",
  "mkr",
  "tkr",
  "kr",
  "ff",
  "ung",
  "bla",
  "tex",
  "pga",
  "mm",
  "sk",
]);

/**
 * Sentences of a stretch of prose, each trimmed, in order. A sentence ends at ".", "!", "?" or
 * "…" (with closing quotes) before a capital letter, a digit, a quote or a dash; not after
 * an abbreviation ("bl.a.", "t.ex.", "kl.") or an initial.
 */
export function sentences(prose: string): string[] {
  const s = prose.replace(/\s+/g, " ").trim();
  if (s === "") return [];
  const out: string[] = [];
  const boundary = /[.!?…]+["”’»)]*\s+(?=["”“'’«\-–—(]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (const m of s.matchAll(boundary)) {
    const endsAt = m.index + m[0].trimEnd().length;
    const before = s.slice(Math.max(from, m.index - 24), m.index);
    const lastWord = /([\p{L}]+)\.?$/u.exec(before)?.[1] ?? "";
    if (
      m[0].startsWith(".") &&
      !m[0].startsWith("..") &&
      (abbreviations.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord))
    )
      continue;
    out.push(s.slice(from, endsAt).trim());
    from = m.index + m[0].length;
  }
  const rest = s.slice(from).trim();
  if (rest) out.push(rest);
  return out.filter((x) => x.length > 0);
}
