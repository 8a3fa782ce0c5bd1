/**
 * Checks every row of a file against the catalog's definition of the key: who it is about
 * (a subject within the key's scopes), the value (the key's type), the as-of date, and that
 * no subject is given two different values for the same date. Every problem is collected,
 * with its line and column, so the user can fix the whole file at once.
 */
import type { FactImportIssue } from "../../domain/errors.js";
import type { FactValue } from "../../domain/fact.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import type { FactDefinition } from "../catalog.js";
import { formatFactValue } from "../format-value.js";
import { resolveImportSubject, type ImportSubject } from "./subject.js";
import type { SkippedRow, TableRow } from "./table.js";
import { importValue } from "./values.js";

/** A row that passed every check. */
export interface CheckedRow {
  line: number;
  entry?: number;
  subject: ImportSubject;
  value: FactValue;
  asOf: string;
}

export interface Checked {
  rows: CheckedRow[];
  skipped: SkippedRow[];
  issues: FactImportIssue[];
}

/** `asOf`: the import's date, for rows that do not carry their own (Kolada's period does). */
export function checkRows(rows: readonly TableRow[], def: FactDefinition, asOf: string | undefined): Checked {
  const out: CheckedRow[] = [];
  const skipped: SkippedRow[] = [];
  const issues: FactImportIssue[] = [];
  const seen = new Map<string, CheckedRow>();

  for (const row of rows) {
    const place = (cell: { column?: string; line?: number }) => ({
      line: cell.line ?? row.line,
      ...(row.entry !== undefined ? { entry: row.entry } : {}),
      ...(cell.column !== undefined ? { column: cell.column, columnKind: row.columnKind } : {}),
    });
    const subject = resolveImportSubject(def, row.subject.text);
    if (!subject.ok) issues.push({ ...place(row.subject), problem: subject.problem, ...(subject.suggestions.length ? { suggestions: subject.suggestions } : {}) });
    const value = importValue(def, row.value.raw);
    if (value.ok === false) issues.push({ ...place(row.value), problem: value.problem });
    const date = row.asOf ?? asOf;
    const dateOk = date !== undefined && partialDateSchema.safeParse(date).success;
    if (date === undefined) issues.push({ ...place({}), problem: "datum som värdet avser saknas (ange --as-of)" });
    if (!subject.ok || value.ok === false || !dateOk) continue;
    if (value.ok === "empty") {
      skipped.push({ line: row.line, ...(row.entry !== undefined ? { entry: row.entry } : {}), subject: subject.subject.name, reason: "inget värde" });
      continue;
    }

    const checked: CheckedRow = { line: row.line, ...(row.entry !== undefined ? { entry: row.entry } : {}), subject: subject.subject, value: value.value, asOf: date };
    const id = `${subject.subject.subject}\u0000${date}`;
    const before = seen.get(id);
    if (before) {
      const same = JSON.stringify(before.value) === JSON.stringify(value.value);
      if (same) skipped.push({ line: row.line, ...(row.entry !== undefined ? { entry: row.entry } : {}), subject: subject.subject.name, reason: `samma värde som på rad ${before.line}` });
      else {
        const shown = (v: FactValue) => formatFactValue(v, def);
        issues.push({ ...place(row.value), problem: `${subject.subject.name} har redan värdet ${shown(before.value)} på rad ${before.line}, här ${shown(value.value)}; behåll en av raderna` });
      }
      continue;
    }
    seen.set(id, checked);
    out.push(checked);
  }
  return { rows: out, skipped, issues };
}
