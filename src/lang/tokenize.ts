/**
 * Words of a Swedish text with their offsets: runs of Unicode letters, combining marks and
 * digits (å ä ö é kept; hyphens, apostrophes and punctuation split words). Search and tagging
 * take their words from here, and Swedish stop words ("och", "att", "för") are listed here.
 */
import { stopwords } from "@orama/stopwords/swedish";

/** One word of a text and where it stands (UTF-16 offsets into the string it was taken from). */
export interface Token {
  /** The word as written. */
  word: string;
  start: number;
  end: number;
}

const wordSource = /[\p{L}\p{M}\p{N}]+/u.source;

/**
 * A fresh global pattern matching one word, for loops that cannot afford a Token per word
 * (indexing a corpus): each caller holds its own, so no two loops share `lastIndex`.
 */
export function wordPattern(): RegExp {
  return new RegExp(wordSource, "gu");
}

const pattern = wordPattern();

export interface TokenizeOptions {
  /** Longer words are junk (base64, URLs without separators) and left out; by default none is. */
  maxLength?: number;
}

/** The words of a text with their offsets, in order. */
export function tokenize(s: string, options?: TokenizeOptions): Token[] {
  const max = options?.maxLength ?? Infinity;
  const out: Token[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
    if (m[0].length <= max) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const stopSet: ReadonlySet<string> = new Set(stopwords);

/** Whether a lower-case word is a Swedish stop word ("och", "att", "det"). */
export function isStopWord(lower: string): boolean {
  return stopSet.has(lower);
}
