/**
 * A query as people type it: free words and "quoted phrases" (straight or typographic quotes;
 * an unclosed quote runs to the end). Words go through the same pipeline as the index.
 */
import { stem } from "../../lang/stem.js";
import { isStopWord } from "../../lang/tokenize.js";
import { words } from "./analyze.js";

export interface QueryTerm {
  /** The lower-cased word as typed. */
  word: string;
  /** Its stem: what is looked up. */
  stem: string;
}

export interface ParsedQuery {
  /** Free words, stop words left out, in order. */
  free: QueryTerm[];
  /** Each phrase's stems in order, stop words left out; phrases of no searchable word are dropped. */
  phrases: string[][];
  /** The last free word is the query's last word (no phrase after it): searched as a prefix too. */
  prefixLast: boolean;
  /** The text had at least one word, stop words included. */
  hasWords: boolean;
}

const quotes = /["“”„«»]/;

export function parseQuery(text: string): ParsedQuery {
  const parts = text.split(quotes);
  const free: QueryTerm[] = [];
  const phrases: string[][] = [];
  let hasWords = false;
  let lastWasFree = false;
  let lastStop: string | undefined;
  parts.forEach((part, i) => {
    const ws = words(part);
    if (ws.length === 0) return;
    hasWords = true;
    if (i % 2 === 1) {
      const stems = ws.filter((w) => !isStopWord(w)).map((w) => stem(w));
      if (stems.length > 0) phrases.push(stems);
      lastWasFree = false;
      return;
    }
    for (const w of ws) {
      if (isStopWord(w)) {
        lastStop = w;
        lastWasFree = false;
        continue;
      }
      free.push({ word: w, stem: stem(w) });
      lastWasFree = true;
    }
    if (!isStopWord(ws[ws.length - 1]!)) lastStop = undefined;
  });
  // Only stop words ("för", "de"): while typing they are the start of a word, so search the
  // last one as a prefix rather than find nothing.
  if (free.length === 0 && phrases.length === 0 && lastStop !== undefined && lastStop.length >= 2) {
    free.push({ word: lastStop, stem: lastStop });
    lastWasFree = true;
  }
  return { free, phrases, prefixLast: lastWasFree, hasWords };
}
