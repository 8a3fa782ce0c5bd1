/**
 * The concordance of a pattern over records: every occurrence as a line (keyword in context,
 * with its record), sorted, one page of them, and the counts per year and party over all.
 * Pure: the records come in (in the order the search gave them), the result goes out.
 */
import { CountsBuilder, type ConcordanceCounts } from "./counts.js";
import { defaultWidth, hitsIn, lineOf, type ContextWidth, type Hit } from "./lines.js";
import type { Pattern } from "./pattern.js";
import { compareLines, sortKey, type ConcordanceSort, type Sortable } from "./sort.js";
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

/** An occurrence kept for sorting: where it is, and its sort key; its line is made only if it is given. */
interface Kept extends Sortable {
  doc: ConcordanceDoc;
  field: TextField;
  text: string;
  hit: Hit;
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
  const sort = options.sort ?? "date";
  const counts = new CountsBuilder();
  // Only the words a sort needs are read now; a line's context is read when the line is given.
  const side = sort === "left" ? "before" : sort === "right" ? "after" : undefined;
  const kept: Kept[] = [];
  let total = 0;
  let documents = 0;
  let docOrder = 0;
  for (const doc of docs) {
    let inDoc = 0;
    for (const { field, text } of textsOf(doc)) {
      for (const hit of hitsIn(text, pattern, width.words, side)) {
        if (kept.length < keep) {
          const key = sort === "date" ? "" : sortKey((sort === "left" ? hit.before : hit.after) ?? []);
          kept.push({ key, date: doc.date, docOrder, position: inDoc, doc, field, text, hit });
        }
        inDoc++;
      }
    }
    if (inDoc > 0) {
      counts.add(doc, inDoc);
      total += inDoc;
      documents++;
    }
    docOrder++;
  }
  kept.sort(compareLines(sort));
  const offset = Math.max(0, options.offset ?? 0);
  const page = kept.slice(offset, options.limit === undefined ? undefined : offset + Math.max(0, options.limit));
  return {
    total,
    documents,
    truncated: total > kept.length,
    kept: kept.length,
    lines: page.map((k): ConcordanceLine => {
      const { left, keyword, right } = lineOf(k.text, k.hit, width);
      return {
        left,
        keyword,
        right,
        documentId: k.doc.id,
        title: k.doc.title,
        kind: k.doc.kind,
        date: k.doc.date,
        parties: [...k.doc.parties],
        field: k.field,
      };
    }),
    counts: counts.counts(),
  };
}
