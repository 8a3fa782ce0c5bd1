/**
 * Every occurrence of a pattern in a text, as a concordance line: the left context (up to
 * `words` words and `chars` characters, cut at a word, "…" where it was cut), the keyword as
 * written, the right context likewise, and the words either side (nearest first, lower case)
 * to sort by.
 *
 * The text is not taken apart whole: the pattern's needle (needleOf) finds the places a match
 * can begin, and only the words at those places and around a match are read. Words are what
 * the project's tokenizer calls words (runs of letters, marks and digits; src/lang/tokenize.ts).
 */
import { needleOf, wordMatches, type Pattern } from "./pattern.js";

export interface ContextWidth {
  /** Words either side. */
  words: number;
  /** Characters either side at most. */
  chars: number;
}

export const defaultWidth: ContextWidth = { words: 8, chars: 80 };

/** Where an occurrence lies in its text (UTF-16 offsets), and the words of one side when a sort needs them. */
export interface Hit {
  /** The keyword: its first word's start and last word's end. */
  start: number;
  end: number;
  /** The words before (nearest first, lower case), when asked for. */
  before?: string[];
  /** The words after, when asked for. */
  after?: string[];
}

/** Where a hit's context lies: from the first word of the left context to the last of the right. */
interface Context {
  /** Start of the left context: its first word, or 0 when it reaches the text's start. */
  from: number;
  /** End of the right context: its last word's end, or the text's end when it reaches it. */
  to: number;
  /** More words lie before `from` / after `to`. */
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface Occurrence {
  start: number;
  end: number;
  left: string;
  keyword: string;
  right: string;
  /** The words before the keyword, nearest first, lower case (up to the context's words). */
  leftWords: string[];
  /** The words after it, nearest first. */
  rightWords: string[];
}

const ellipsis = "…";
const squash = (s: string) => s.replace(/\s+/g, " ");
const wordChar = /[\p{L}\p{M}\p{N}]/u;
/** A word beginning exactly at lastIndex. */
const wordHere = /[\p{L}\p{M}\p{N}]+/uy;
/** The next word at or after lastIndex. */
const nextWord = /[\p{L}\p{M}\p{N}]+/gu;

const isWordChar = (text: string, i: number) => i >= 0 && i < text.length && wordChar.test(text[i]!);

/** The word that begins at `i`: its end, or -1 when none does. */
function wordEndAt(text: string, i: number): number {
  wordHere.lastIndex = i;
  return wordHere.test(text) ? wordHere.lastIndex : -1;
}

/** The next word at or after `i`, or undefined. */
function wordFrom(text: string, i: number): { start: number; end: number } | undefined {
  nextWord.lastIndex = i;
  const m = nextWord.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** The last word that ends at or before `i`, or undefined. */
function wordBefore(text: string, i: number): { start: number; end: number } | undefined {
  let e = i;
  while (e > 0 && !isWordChar(text, e - 1)) e--;
  if (e === 0) return undefined;
  let s = e;
  while (s > 0 && isWordChar(text, s - 1)) s--;
  return { start: s, end: e };
}

/** The tail of `s` of at most `max` characters, starting at a word; "…" before it when cut. */
function keepEnd(s: string, max: number, cutBefore: boolean): string {
  let t = squash(s).trim();
  let cut = cutBefore;
  if (t.length > max) {
    t = t.slice(t.length - max);
    const space = t.indexOf(" ");
    t = space >= 0 ? t.slice(space + 1) : t;
    cut = true;
  }
  return cut && t ? `${ellipsis} ${t}` : t;
}

/** The head of `s` of at most `max` characters, ending at a word; "…" after it when cut. */
function keepStart(s: string, max: number, cutAfter: boolean): string {
  let t = squash(s).trim();
  let cut = cutAfter;
  if (t.length > max) {
    t = t.slice(0, max);
    const space = t.lastIndexOf(" ");
    t = space > 0 ? t.slice(0, space) : t;
    cut = true;
  }
  return cut && t.trim() ? `${t} ${ellipsis}` : t;
}

/**
 * Up to `n` words before `start` (nearest first, lower case), where the first of them begins, and whether more
 * lie before.
 */
function walkBack(text: string, start: number, n: number, keep: boolean) {
  const words: string[] = [];
  let from = start;
  let count = 0;
  for (let w = wordBefore(text, start); w && count < n; w = wordBefore(text, w.start)) {
    if (keep) words.push(text.slice(w.start, w.end).toLowerCase());
    from = w.start;
    count++;
  }
  const cut = count === n && wordBefore(text, from) !== undefined;
  return { words, from: cut ? from : 0, cut };
}

/** Up to `n` words after `end`; where the last of them ends; whether more lie after. */
function walkOn(text: string, end: number, n: number, keep: boolean) {
  const words: string[] = [];
  let to = end;
  let count = 0;
  for (let w = wordFrom(text, end); w && count < n; w = wordFrom(text, w.end)) {
    if (keep) words.push(text.slice(w.start, w.end).toLowerCase());
    to = w.end;
    count++;
  }
  const cut = count === n && wordFrom(text, to) !== undefined;
  return { words, to: cut ? to : text.length, cut };
}

/** The context of a hit, `words` words either side. */
function contextOf(text: string, h: Hit, words: number): Context {
  const back = walkBack(text, h.start, words, false);
  const on = walkOn(text, h.end, words, false);
  return { from: back.from, to: on.to, cutBefore: back.cut, cutAfter: on.cut };
}

/**
 * The occurrences of `p` in `text` (NFC, as imported texts are), not overlapping, in order; with `words` of one
 * side (`sortBy`) kept for sorting.
 */
export function hitsIn(text: string, p: Pattern, words: number, sortBy?: "before" | "after"): Hit[] {
  const needle = needleOf(p);
  if (!needle.test(text)) return [];
  const find = needleOf(p, true);
  const first = p.words[0]!;
  const out: Hit[] = [];
  find.lastIndex = 0;
  for (let m = find.exec(text); m !== null; m = find.exec(text)) {
    const start = m.index;
    // A match begins a word (the needle is the first word or its key, which begins it).
    if (isWordChar(text, start - 1)) continue;
    let end = wordEndAt(text, start);
    // The needle matched the whole first word as written: no need to read it again.
    let ok = !p.inflections && end - start === first.form.length;
    if (!ok) ok = wordMatches(text.slice(start, end).toLowerCase(), first, p.inflections);
    for (let k = 1; k < p.words.length && ok; k++) {
      const w = wordFrom(text, end);
      ok = w !== undefined && wordMatches(text.slice(w.start, w.end).toLowerCase(), p.words[k]!, p.inflections);
      if (w) end = w.end;
    }
    if (!ok) {
      find.lastIndex = start + 1;
      continue;
    }
    const hit: Hit = { start, end };
    if (sortBy === "before") hit.before = walkBack(text, start, words, true).words;
    if (sortBy === "after") hit.after = walkOn(text, end, words, true).words;
    out.push(hit);
    find.lastIndex = end;
  }
  return out;
}

/** The line of a hit, `width.words` words either side cut to `width.chars` characters. */
export function lineOf(text: string, h: Hit, width: ContextWidth): { left: string; keyword: string; right: string } {
  const c = contextOf(text, h, width.words);
  return {
    left: keepEnd(text.slice(c.from, h.start), width.chars, c.cutBefore),
    keyword: squash(text.slice(h.start, h.end)),
    right: keepStart(text.slice(h.end, c.to), width.chars, c.cutAfter),
  };
}

/** The occurrences of `p` in `text` as lines. */
export function occurrencesIn(text: string, p: Pattern, width: ContextWidth = defaultWidth): Occurrence[] {
  return hitsIn(text, p, width.words).map((h) => ({
    ...lineOf(text, h, width),
    leftWords: walkBack(text, h.start, width.words, true).words,
    rightWords: walkOn(text, h.end, width.words, true).words,
    start: h.start,
    end: h.end,
  }));
}
