/**
 * Checks every row of a file against the catalog's definition of the key: who it is about
 * (a subject within the key's scopes), the value (the key's type), the as-of date, and that
 * no subject is given two different values for the same date. Every problem is counted,
 * with its line and column, so the user can fix the whole file at once.
 *
 * Rows are checked one at a time as the readers produce them, so a file is never held as a
 * list of rows: what is kept is bounded whatever the file holds — the values to import (at
 * most `maxImportValues`), the first problems and skipped rows (issues.ts), and the texts of
 * places already looked up.
 */
import type { FactImportIssue } from "../../domain/errors.js";
import type { FactValue } from "../../domain/fact.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import type { FactDefinition } from "../catalog.js";
import { formatFactValue } from "../format-value.js";
import { FirstByPlace, maxListedIssues, type IssueList } from "./issues.js";
import { SubjectLookup, type ImportSubject } from "./subject.js";
import type { SkippedRow, TableRow } from "./table.js";
import { importValue, type ValueResult } from "./values.js";
import { importProblems } from "../../messages.sv.js";

/**
 * The most values one file may import: every municipality, county and the country (312
 * places) for 64 periods. A Kolada file has one value per place and year; a CSV or plain
 * JSON file, one per place.
 */
export const maxImportValues = 20_000;

/** A row that passed every check. */
export interface CheckedRow {
  line: number;
  entry?: number;
  subject: ImportSubject;
  value: FactValue;
  asOf: string;
}

const sameValue = (a: FactValue, b: FactValue) => a.type === b.type && a.value === b.value;

/** Cell texts whose reading is remembered, per import (a file repeats its values, its bad ones most of all). */
const rememberedValues = 10_000;

/** Checks rows one by one; problems go to the import's IssueList, skipped rows to a capped list. */
export class RowChecker {
  /** The rows that passed, each place and date once. */
  readonly rows: CheckedRow[] = [];
  readonly #seen = new Map<string, CheckedRow>();
  readonly #subjects: SubjectLookup;
  readonly #values = new Map<string, ValueResult>();
  /** The first row with a value past `maxImportValues`, if any. */
  #overLimit: TableRow | undefined;

  constructor(
    readonly def: FactDefinition,
    /** The import's date, for rows that do not carry their own (Kolada's period does). */
    readonly asOf: string | undefined,
    readonly issues: IssueList,
    readonly skipped: FirstByPlace<SkippedRow> = new FirstByPlace<SkippedRow>(maxListedIssues),
  ) {
    this.#subjects = new SubjectLookup(def);
  }

  /** Checks a row (readers call it inside `withoutStacks`: see no-stacks.ts). */
  add(row: TableRow): void {
    const { def, issues } = this;
    const entry = row.entry;
    const at = (
      cell: { column?: string; line?: number },
      problem: string,
      suggestions?: string[],
    ): FactImportIssue => ({
      line: cell.line ?? row.line,
      ...(entry !== undefined ? { entry } : {}),
      ...(cell.column !== undefined ? { column: cell.column, columnKind: row.columnKind } : {}),
      problem,
      ...(suggestions?.length ? { suggestions } : {}),
    });
    const subjectLine = row.subject.line ?? row.line;
    const subject = this.#subjects.resolve(row.subject.text, issues.listed(subjectLine, entry));
    if (!subject.ok) issues.note(subjectLine, entry, () => at(row.subject, subject.problem, subject.suggestions));
    const value = this.#value(row.value.raw);
    const valueLine = row.value.line ?? row.line;
    if (value.ok === false) issues.note(valueLine, entry, () => at(row.value, value.problem));
    const date = row.asOf ?? this.asOf;
    const dateOk = date !== undefined && partialDateSchema.safeParse(date).success;
    if (date === undefined) issues.note(row.line, entry, () => at({}, importProblems.rowAsOfMissing));
    if (!subject.ok || value.ok === false || !dateOk) return;
    const where = { line: row.line, ...(entry !== undefined ? { entry } : {}), subject: subject.subject.name };
    if (value.ok === "empty") {
      if (this.skipped.keeps(row.line, entry)) this.skipped.add({ ...where, reason: importProblems.noValue });
      else this.skipped.count();
      return;
    }

    const id = `${subject.subject.subject}\u0000${date}`;
    const before = this.#seen.get(id);
    if (before) {
      if (sameValue(before.value, value.value)) {
        if (this.skipped.keeps(row.line, entry))
          this.skipped.add({ ...where, reason: importProblems.sameValueAs(before.line) });
        else this.skipped.count();
      } else {
        const shown = (v: FactValue) => formatFactValue(v, def);
        issues.note(valueLine, entry, () =>
          at(
            row.value,
            importProblems.conflictingValue(subject.subject.name, shown(before.value), before.line, shown(value.value)),
          ),
        );
      }
      return;
    }
    if (this.rows.length >= maxImportValues) {
      this.#overLimit ??= row;
      return;
    }
    const checked: CheckedRow = {
      line: row.line,
      ...(entry !== undefined ? { entry } : {}),
      subject: subject.subject,
      value: value.value,
      asOf: date,
    };
    this.#seen.set(id, checked);
    this.rows.push(checked);
  }

  #value(raw: TableRow["value"]["raw"]): ValueResult {
    if (typeof raw !== "string") return importValue(this.def, raw);
    const known = this.#values.get(raw);
    if (known) return known;
    const read = importValue(this.def, raw);
    if (this.#values.size < rememberedValues) this.#values.set(raw, read);
    return read;
  }

  /** After the last row: a file with more values than one import takes is refused. */
  finish(): void {
    const row = this.#overLimit;
    if (!row) return;
    const problem: FactImportIssue = {
      line: row.line,
      ...(row.entry !== undefined ? { entry: row.entry } : {}),
      problem: importProblems.tooManyValues(maxImportValues),
    };
    this.issues.add(problem);
  }
}
