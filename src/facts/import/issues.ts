/**
 * Problems found in a file of facts: collected over the whole file, so the user sees every
 * bad row at once, then thrown as one error. One problem rejects the whole file.
 *
 * A file may hold millions of bad rows: only the first `maxListedIssues` (by place in the
 * file) are kept, the rest only counted, so memory does not grow with the file; the message
 * ends "… och N fel till".
 */
import { MotioneraError, type FactImportIssue } from "../../domain/errors.js";

/** At most this many problems are listed; the error says how many there were in all. */
export const maxListedIssues = 100;

/** Where something stands in a file: its line, then (JSON) its entry. */
export interface Place {
  line?: number | undefined;
  entry?: number | undefined;
}

const compare = (line: number | undefined, entry: number | undefined, b: Place) =>
  (line ?? 0) - (b.line ?? 0) || (entry ?? 0) - (b.entry ?? 0);
const byPlace = (a: Place, b: Place): number => compare(a.line, a.entry, b);

/**
 * The first `limit` items by place, and how many were added in all. Items mostly arrive in
 * file order, so keeping them sorted costs a comparison each; an item at the same place as
 * one kept comes after it.
 */
export class FirstByPlace<T extends Place> {
  readonly #items: T[] = [];
  #total = 0;

  constructor(readonly limit: number) {}

  /** Whether an item at this place would be kept (so its details are worth working out). */
  keeps(line: number | undefined, entry?: number): boolean {
    const last = this.#items[this.#items.length - 1];
    return this.#items.length < this.limit || (last !== undefined && compare(line, entry, last) < 0);
  }

  /** Counts an item that would not be kept (see `keeps`) without making it. */
  count(): void {
    this.#total++;
  }

  add(item: T): void {
    this.#total++;
    if (!this.keeps(item.line, item.entry)) return;
    let at = this.#items.length;
    while (at > 0 && byPlace(item, this.#items[at - 1]!) < 0) at--;
    this.#items.splice(at, 0, item);
    if (this.#items.length > this.limit) this.#items.pop();
  }

  get total(): number {
    return this.#total;
  }

  get items(): readonly T[] {
    return this.#items;
  }
}

export function importError(file: string, issues: readonly FactImportIssue[], total = issues.length): MotioneraError {
  const sorted = [...issues].sort(byPlace);
  return new MotioneraError({ code: "fact_import_invalid", file, issues: sorted.slice(0, maxListedIssues), total });
}

/** A problem with the file as a whole (unreadable, no header, no value column): nothing more to check. */
export function fileProblem(file: string, issue: FactImportIssue): never {
  throw importError(file, [issue]);
}

/** The problems of one file: the first `maxListedIssues` kept, all counted. */
export class IssueList {
  readonly #first = new FirstByPlace<FactImportIssue>(maxListedIssues);

  constructor(readonly file: string) {}

  /**
   * Whether a problem at this place would be listed. Working out a problem's text and
   * suggestions costs far more than counting it; past the listed ones, only counting matters.
   */
  listed(line: number | undefined, entry?: number): boolean {
    return this.#first.keeps(line, entry);
  }

  add(issue: FactImportIssue): void {
    this.#first.add(issue);
  }

  /** A problem at this place: made (by `make`) only if it will be listed, else only counted. */
  note(line: number | undefined, entry: number | undefined, make: () => FactImportIssue): void {
    if (this.listed(line, entry)) this.#first.add(make());
    else this.#first.count();
  }

  get count(): number {
    return this.#first.total;
  }

  /** Throws the collected problems, if any. */
  throwIfAny(): void {
    if (this.count > 0) throw importError(this.file, this.#first.items, this.count);
  }
}
