/**
 * Keyword in context: the ~200 characters of a document's text where the most different
 * matched words stand closest together, with every occurrence of a matched stem marked.
 */
import { findStems } from "./analyze.js";

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight, in order, not overlapping. */
  marks: [number, number][];
}

const ellipsis = "…";

/** Where a sentence may start before `at`: just after ". ", "? ", "! ", "\n", or 0. */
function sentenceStart(text: string, from: number, at: number): number | undefined {
  for (let i = at - 1; i >= Math.max(0, from); i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1; // \n
    if ((c === 32 || c === 9) && i > 0 && /[.!?:;…]/.test(text[i - 1]!)) return i + 1;
  }
  return from <= 0 ? 0 : undefined;
}

/**
 * The snippet of `text` (NFC, segments separated by "\n") around the tokens whose stem is in
 * `matched`; the start of the text, unmarked, when none is.
 */
export function makeSnippet(text: string, matched: ReadonlySet<string>, size = 200): Snippet {
  if (text.length === 0) return { text: "", marks: [] };
  const { words: tokens, hits } = findStems(text, matched);

  let start = 0;
  if (hits.length > 0) {
    // The window (anchored at a hit) holding the most different stems, then the most hits.
    let best = 0;
    let bestDistinct = 0;
    let bestCount = 0;
    const limit = Math.min(hits.length, 400);
    for (let i = 0; i < limit; i++) {
      const seen = new Set<string>();
      let count = 0;
      for (let j = i; j < limit && hits[j]!.end - hits[i]!.start <= size * 0.8; j++) {
        seen.add(hits[j]!.stem);
        count++;
      }
      if (seen.size > bestDistinct || (seen.size === bestDistinct && count > bestCount)) {
        best = i;
        bestDistinct = seen.size;
        bestCount = count;
      }
    }
    const first = hits[best]!.start;
    // Begin at the sentence's start if it is near, else a little before the first hit.
    const s = sentenceStart(text, first - Math.floor(size * 0.45), first);
    if (s !== undefined) start = s;
    else {
      start = Math.max(0, first - Math.floor(size * 0.3));
      const next = tokens.find((t) => t.start >= start);
      start = next ? Math.min(next.start, first) : first;
    }
  }
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    // Cut after a whole word.
    const last = tokens.length > 0 ? lastTokenEndingBefore(tokens, end) : undefined;
    if (last !== undefined && last > start) end = last;
    else {
      const sp = text.lastIndexOf(" ", end);
      if (sp > start + size / 2) end = sp;
    }
  }
  let body = text.slice(start, end).replace(/[\n\r\t]/g, " ");
  const lead = start > 0 ? `${ellipsis}` : "";
  const trimmedEnd = body.replace(/[\s,;:–-]+$/u, "");
  body = trimmedEnd;
  const tail = end < text.length ? ` ${ellipsis}` : "";
  const marks: [number, number][] = [];
  for (const h of hits) {
    if (h.start >= start && h.end <= start + body.length)
      marks.push([h.start - start + lead.length, h.end - start + lead.length]);
  }
  return { text: `${lead}${body}${tail}`, marks };
}

function lastTokenEndingBefore(tokens: readonly { start: number; end: number }[], end: number): number | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.end <= end) {
      found = t.end;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Keep a sentence's closing mark with it.
  return found;
}
