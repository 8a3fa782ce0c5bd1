/**
 * The orders a concordance can be read in: by the words before the keyword (nearest first, as
 * Korp sorts the left context), by the words after it, or by date (newest first). Words
 * compare in Swedish order (å ä ö after z); ties fall back on date, record and place.
 */
export const concordanceSorts = ["date", "left", "right"] as const;
export type ConcordanceSort = (typeof concordanceSorts)[number];

export interface Sortable {
  leftWords: readonly string[];
  rightWords: readonly string[];
  date: string | null;
  documentId: string;
  /** The record's place in the order the documents came in. */
  docOrder: number;
  /** The line's place within its record. */
  position: number;
}

const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

/** Word lists compared word by word; a list that runs out first comes first. */
function compareWords(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = collator.compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Newest first; undated records last; then the order the records came in, then place in the record. */
function compareDate(a: Sortable, b: Sortable): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    const c = b.date.localeCompare(a.date);
    if (c !== 0) return c;
  }
  return a.docOrder - b.docOrder || a.position - b.position;
}

export function compareLines(sort: ConcordanceSort): (a: Sortable, b: Sortable) => number {
  switch (sort) {
    case "left":
      return (a, b) => compareWords(a.leftWords, b.leftWords) || compareDate(a, b);
    case "right":
      return (a, b) => compareWords(a.rightWords, b.rightWords) || compareDate(a, b);
    case "date":
      return compareDate;
  }
}
