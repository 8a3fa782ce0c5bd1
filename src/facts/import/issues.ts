/**
 * Problems found in a file of facts: collected over the whole file, so the user sees every
 * bad row at once, then thrown as one error. One problem rejects the whole file.
 */
import { MotioneraError, type FactImportIssue } from "../../domain/errors.js";

/** At most this many problems are listed; the error says how many there were in all. */
export const maxListedIssues = 20;

function byPlace(a: FactImportIssue, b: FactImportIssue): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.entry ?? 0) - (b.entry ?? 0);
}

export function importError(file: string, issues: readonly FactImportIssue[]): MotioneraError {
  const sorted = [...issues].sort(byPlace);
  return new MotioneraError({ code: "fact_import_invalid", file, issues: sorted.slice(0, maxListedIssues), total: issues.length });
}

/** A problem with the file as a whole (unreadable, no header, no value column): nothing more to check. */
export function fileProblem(file: string, issue: FactImportIssue): never {
  throw importError(file, [issue]);
}

export class IssueList {
  readonly #issues: FactImportIssue[] = [];

  constructor(readonly file: string) {}

  add(issue: FactImportIssue): void {
    this.#issues.push(issue);
  }

  get count(): number {
    return this.#issues.length;
  }

  /** Throws the collected problems, if any. */
  throwIfAny(): void {
    if (this.#issues.length > 0) throw importError(this.file, this.#issues);
  }
}
