/**
 * Shared text handling for the auto-tagger: normalising extracted text, splitting it into
 * sentences, tokenising words with their offsets, and Swedish stemming (Snowball, via
 * @orama/stemmers, plus two rules for definite forms the Snowball stemmer leaves alone).
 */
import { stemmer } from "@orama/stemmers/swedish";

/**
 * Text as extracted from .txt/.md/.docx/.pdf made uniform: NFC, "\n" line ends, no
 * zero-width characters or soft hyphens, non-breaking spaces and tabs as plain spaces.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\t\u00a0\u2007\u202f\u2009\u200a\u3000]/g, " ")
    .replace(/[\u2028\u2029\f\v]/g, "\n");
}

export interface Token {
  /** The word as written. */
  word: string;
  /** Offset of its first character in the string it was taken from. */
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Words (letters and digits; hyphens and apostrophes split words) with their offsets. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(wordPattern)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const stemCache = new Map<string, string>();

/**
 * Swedish stem of one word, lower-cased: "sexköparna" → "sexköp", "prostituerade" →
 * "prostituer". Beyond Snowball, the definite forms "-et" and "-eln" are reduced
 * ("stödet" → "stöd", "handeln" → "handel") so they meet their base forms.
 */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  const cached = stemCache.get(lower);
  if (cached !== undefined) return cached;
  let s = /^\p{N}+$/u.test(lower) ? lower : stemmer(lower);
  if (s.length >= 5 && s.endsWith("et")) s = s.slice(0, -2);
  else if (s.length >= 5 && s.endsWith("eln")) s = s.slice(0, -1);
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(lower, s);
  return s;
}

/** Abbreviations that end with a full stop without ending a sentence. */
const abbreviations = new Set([
  "bl", "t", "ex", "s", "k", "m", "fl", "dvs", "d", "v", "ca", "kl", "nr", "jfr", "resp", "st", "fr", "o", "p", "e", "f", "a",
  "prof", "dr", "mfl", "osv", "etc", "tel", "ang", "enl", "inkl", "exkl", "kap", "sek", "milj", "mdkr", "mkr", "tkr", "kr", "ff", "ung", "bla", "tex", "pga", "mm", "sk",
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
    if (m[0].startsWith(".") && !m[0].startsWith("..") && (abbreviations.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord))) continue;
    out.push(s.slice(from, endsAt).trim());
    from = m.index + m[0].length;
  }
  const rest = s.slice(from).trim();
  if (rest) out.push(rest);
  return out.filter((x) => x.length > 0);
}

/** Cuts a string to at most `max` characters at a word boundary, adding "…" when cut. */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, "")}…`;
}

/** A quoted snippet for evidence: ”…” around the clipped text. */
export function quote(s: string, max = 60): string {
  return `”${clip(s, max)}”`;
}

/** Rounds a confidence to two decimals and keeps it within 0–1. */
export function conf(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

/** True when the string has letters and none of them is lower case ("DEBATT", "GÖTEBORG"). */
export function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}
