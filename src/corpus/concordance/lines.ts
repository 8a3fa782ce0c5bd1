/**
 * Every occurrence of a pattern in a text, as a concordance line: the left context (up to
 * `words` words and `chars` characters, cut at a word, "…" where it was cut), the keyword as
 * written, the right context likewise, and the words either side (nearest first, lower case)
 * to sort by.
 */
import { tokenize, type Token } from "../../lang/tokenize.js";
import { needleOf, wordMatches, type Pattern } from "./pattern.js";

export interface ContextWidth {
  /** Words either side. */
  words: number;
  /** Characters either side at most. */
  chars: number;
}

export const defaultWidth: ContextWidth = { words: 8, chars: 80 };

export interface Occurrence {
  left: string;
  keyword: string;
  right: string;
  /** The words before the keyword, nearest first, lower case (up to the context's words). */
  leftWords: string[];
  /** The words after it, nearest first. */
  rightWords: string[];
  /** Where the keyword stands in its text (UTF-16 offsets). */
  start: number;
  end: number;
}

const ellipsis = "…";
const squash = (s: string) => s.replace(/\s+/g, " ");

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

/** The positions (token index) where the pattern begins in `tokens`. */
function matchesAt(tokens: readonly Token[], lower: readonly string[], p: Pattern): number[] {
  const out: number[] = [];
  const n = p.words.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = wordMatches(lower[i + k]!, p.words[k]!, p.inflections);
    if (ok) {
      out.push(i);
      i += n - 1; // occurrences do not overlap
    }
  }
  return out;
}

/** The occurrences of `p` in `text` (already NFC), in order. */
export function occurrencesIn(text: string, p: Pattern, width: ContextWidth = defaultWidth): Occurrence[] {
  if (!needleOf(p).test(text)) return [];
  const tokens = tokenize(text);
  const lower = tokens.map((t) => t.word.toLowerCase());
  const n = p.words.length;
  return matchesAt(tokens, lower, p).map((i) => {
    const first = tokens[i]!;
    const last = tokens[i + n - 1]!;
    const from = Math.max(0, i - width.words);
    const to = Math.min(tokens.length, i + n + width.words);
    const leftText = text.slice(from > 0 ? tokens[from]!.start : 0, first.start);
    const rightText = text.slice(last.end, to < tokens.length ? tokens[to - 1]!.end : text.length);
    return {
      left: keepEnd(leftText, width.chars, from > 0),
      keyword: squash(text.slice(first.start, last.end)),
      right: keepStart(rightText, width.chars, to < tokens.length),
      leftWords: lower.slice(from, i).reverse(),
      rightWords: lower.slice(i + n, to),
      start: first.start,
      end: last.end,
    };
  });
}
