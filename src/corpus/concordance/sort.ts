/**
 * The orders a concordance can be read in: by the words before the keyword (nearest first, as
 * Korp sorts the left context), by the words after it, or by date (newest first). Words
 * compare in Swedish order (å ä ö after z; é as e, ü as y); ties fall back on date, record and
 * place. Each line's words become one sort key, made once, so sorting compares plain strings.
 */
export const concordanceSorts = ["date", "left", "right"] as const;
export type ConcordanceSort = (typeof concordanceSorts)[number];

export interface Sortable {
  /** The sort key of the words sorted by (left or right); "" when sorting by date. */
  key: string;
  date: string | null;
  /** The record's place in the order the documents came in. */
  docOrder: number;
  /** The line's place within its record. */
  position: number;
}

/** Letters that do not sort by their code point in Swedish, and where they sort. */
const swedishOrder: Record<string, string> = {
  å: "{",
  ä: "|",
  æ: "|",
  ö: "}",
  ø: "}",
  é: "e",
  è: "e",
  ê: "e",
  ë: "e",
  á: "a",
  à: "a",
  â: "a",
  ü: "y",
  í: "i",
  ì: "i",
  ó: "o",
  ò: "o",
  ô: "o",
  ç: "c",
  ñ: "n",
};
const plain = /^[a-z0-9]*$/;
const special = /[^a-z0-9]/g;

/** One lower-case word as a key that sorts in Swedish order by plain comparison. */
export function wordKey(lower: string): string {
  return plain.test(lower) ? lower : lower.replace(special, (c) => swedishOrder[c] ?? c);
}

/** Words (nearest first) as one key: word by word, a list that runs out first before a longer one. */
export function sortKey(words: readonly string[]): string {
  return words.map(wordKey).join("\u0001");
}

/** Newest first; undated records last; then the order the records came in, then place in the record. */
function compareDate(a: Sortable, b: Sortable): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.docOrder - b.docOrder || a.position - b.position;
}

export function compareLines(sort: ConcordanceSort): (a: Sortable, b: Sortable) => number {
  if (sort === "date") return compareDate;
  return (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : compareDate(a, b));
}
