/**
 * The Swedish text pipeline, one for indexing and querying alike: tokens are runs of Unicode
 * letters and digits (å ä ö é kept, text NFC-normalised), lower-cased, Swedish stop words
 * dropped, and what is left stemmed with the Snowball stemmer. Only Orama's stemmer function
 * is used: its own tokenizer splits words at å/ä/ö.
 */
import { stemmer } from "@orama/stemmers/swedish";
import { stopwords } from "@orama/stopwords/swedish";

const stopSet: ReadonlySet<string> = new Set(stopwords);

/** Tokens longer than this are junk (base64, URLs without separators): not indexed. */
const maxTokenLength = 48;

const tokenPattern = /[\p{L}\p{M}\p{N}]+/gu;

/** Stems are cached: a corpus repeats a small vocabulary many times over. */
const stemCache = new Map<string, string>();
const stemCacheLimit = 500_000;

/** The lower-cased word's stem (the word itself for digits and very short words). */
export function stem(lower: string): string {
  let s = stemCache.get(lower);
  if (s !== undefined) return s;
  s = lower.length < 3 || /^\p{N}+$/u.test(lower) ? lower : stemmer(lower);
  if (s.length === 0) s = lower;
  if (stemCache.size >= stemCacheLimit) stemCache.clear();
  stemCache.set(lower, s);
  return s;
}

export function isStopWord(lower: string): boolean {
  return stopSet.has(lower);
}

/** One word of a text, where it stands (UTF-16 offsets into the NFC text), and its stem. */
export interface Token {
  start: number;
  end: number;
  lower: string;
  stem: string;
}

/**
 * The words of an (already NFC) text with their offsets, and of them the ones whose stem is
 * in `matched`. Swedish Snowball stems only ever drop a suffix, so a word can only have a
 * stem that begins it: the stemmer runs just for words that begin with a matched stem.
 */
export function findStems(text: string, matched: ReadonlySet<string>): { words: { start: number; end: number }[]; hits: Token[] } {
  const words: { start: number; end: number }[] = [];
  const hits: Token[] = [];
  const stems = [...matched];
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(text); m !== null; m = tokenPattern.exec(text)) {
    const word = m[0];
    if (word.length > maxTokenLength) continue;
    const start = m.index;
    const end = start + word.length;
    words.push({ start, end });
    if (stems.length === 0) continue;
    const lower = word.toLowerCase();
    let maybe = false;
    for (const s of stems) {
      if (lower.startsWith(s)) {
        maybe = true;
        break;
      }
    }
    if (!maybe || stopSet.has(lower)) continue;
    const st = stem(lower);
    if (matched.has(st)) hits.push({ start, end, lower, stem: st });
  }
  return { words, hits };
}

/** The stems of a text in order, stop words left out: what the index holds for it. */
export function analyze(text: string, into: string[] = []): string[] {
  const t = text.normalize("NFC");
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(t); m !== null; m = tokenPattern.exec(t)) {
    const word = m[0];
    if (word.length > maxTokenLength) continue;
    const lower = word.toLowerCase();
    if (stopSet.has(lower)) continue;
    into.push(stem(lower));
  }
  return into;
}

/** The lower-cased words of a text, stop words included (for queries). */
export function words(text: string): string[] {
  const t = text.normalize("NFC");
  const out: string[] = [];
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(t); m !== null; m = tokenPattern.exec(t)) {
    if (m[0].length <= maxTokenLength) out.push(m[0].toLowerCase());
  }
  return out;
}
