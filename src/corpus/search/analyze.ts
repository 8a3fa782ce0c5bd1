/**
 * The search's text pipeline, one for indexing and querying alike, built from src/lang: words
 * (./tokenize.ts; the text NFC-normalised), lower-cased, Swedish stop words dropped, and what is
 * left stemmed with the one Swedish stemmer (Snowball, without the tagger's definite forms, so
 * a saved index and the queries against it keep the same stems). Words longer than 48
 * characters are junk (base64, URLs without separators) and not indexed.
 */
import { stem } from "../../lang/stem.js";
import { isStopWord, tokenize, wordPattern, type Token } from "../../lang/tokenize.js";

const maxTokenLength = 48;

/** The index's loops run on one pattern of their own (no Token per word on this hot path). */
const tokenPattern = wordPattern();

/** A word whose stem a search matched: where it stands, lower-cased, and its stem. */
export interface StemHit extends Omit<Token, "word"> {
  lower: string;
  stem: string;
}

/**
 * The words of an (already NFC) text with their offsets, and of them the ones whose stem is
 * in `matched`. Swedish Snowball stems only ever drop a suffix, so a word can only have a
 * stem that begins it: the stemmer runs just for words that begin with a matched stem.
 */
export function findStems(
  text: string,
  matched: ReadonlySet<string>,
): { words: { start: number; end: number }[]; hits: StemHit[] } {
  const words: { start: number; end: number }[] = [];
  const hits: StemHit[] = [];
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
    if (!maybe || isStopWord(lower)) continue;
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
    if (isStopWord(lower)) continue;
    into.push(stem(lower));
  }
  return into;
}

/** The lower-cased words of a text, stop words included (for queries). */
export function words(text: string): string[] {
  return tokenize(text.normalize("NFC"), { maxLength: maxTokenLength }).map((t) => t.word.toLowerCase());
}
