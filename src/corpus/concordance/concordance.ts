/**
 * The concordance of a pattern over records: every occurrence as a line (keyword in context,
 * with its record), sorted, one page of them, and the counts per year and party over all.
 * Pure: the records come in (in the order the search gave them), the result goes out.
 */
import { CountsBuilder, type ConcordanceCounts } from "./counts.js";
import { defaultWidth, occurrencesIn, type ContextWidth } from "./lines.js";
import type { Pattern } from "./pattern.js";
import { compareLines, type ConcordanceSort } from "./sort.js";
import { textsOf, type ConcordanceDoc, type TextField } from "./texts.js";

/** Lines kept for sorting, paging and export; past this many the rest are only counted. */
export const maxLines = 50_000;

export interface ConcordanceLine {
  left: string;
  keyword: string;
  right: string;
  documentId: string;
  title: string;
  kind: string;
  date: string | null;
  parties: string[];
  /** Which of the record's texts the line is from. */
  field: TextField;
}

/** A line with what sorting needs. */
interface Kept extends ConcordanceLine {
  leftWords: string[];
  rightWords: string[];
  docOrder: number;
  position: number;
}

export interface ConcordanceOptions {
  sort?: ConcordanceSort;
  width?: Partial<ContextWidth>;
  /** Lines to give (default all kept); `offset` lines skipped first. */
  limit?: number;
  offset?: number;
  /** Lines to keep at most (default `maxLines`). */
  keep?: number;
}

export interface Concordance {
  /** Every occurrence, also those past `keep`. */
  total: number;
  /** Records with at least one occurrence. */
  documents: number;
  /** Set when there were more occurrences than lines kept: sorting and export cover the first `kept`. */
  truncated: boolean;
  kept: number;
  lines: ConcordanceLine[];
  counts: ConcordanceCounts;
}

export function concordance(
  docs: Iterable<ConcordanceDoc>,
  pattern: Pattern,
  options: ConcordanceOptions = {},
): Concordance {
  const width: ContextWidth = { ...defaultWidth, ...options.width };
  const keep = options.keep ?? maxLines;
  const counts = new CountsBuilder();
  const kept: Kept[] = [];
  let total = 0;
  let documents = 0;
  let docOrder = 0;
  for (const d of docs) {
    let inDoc = 0;
    for (const { field, text } of textsOf(d)) {
      for (const o of occurrencesIn(text, pattern, width)) {
        if (kept.length < keep)
          kept.push({
            left: o.left,
            keyword: o.keyword,
            right: o.right,
            documentId: d.id,
            title: d.title,
            kind: d.kind,
            date: d.date,
            parties: [...d.parties],
            field,
            leftWords: o.leftWords,
            rightWords: o.rightWords,
            docOrder,
            position: inDoc,
          });
        inDoc++;
      }
    }
    if (inDoc > 0) {
      counts.add(d, inDoc);
      total += inDoc;
      documents++;
    }
    docOrder++;
  }
  kept.sort(compareLines(options.sort ?? "date"));
  const offset = Math.max(0, options.offset ?? 0);
  const page = kept.slice(offset, options.limit === undefined ? undefined : offset + Math.max(0, options.limit));
  return {
    total,
    documents,
    truncated: total > kept.length,
    kept: kept.length,
    lines: page.map(({ leftWords: _l, rightWords: _r, docOrder: _d, position: _p, ...line }): ConcordanceLine => line),
    counts: counts.counts(),
  };
}
