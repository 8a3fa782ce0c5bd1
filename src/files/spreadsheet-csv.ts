/**
 * Every CSV file the project writes (corpus exports, campaign summaries) is made here, for
 * a spreadsheet to open: UTF-8 with a BOM (Excel reads å ä ö only then), a header row,
 * comma-separated, LF between records, quoted where needed.
 *
 * Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a
 * formula (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`), and a leading tab or CR can hide such a
 * start. Cells that begin with one of these six characters get a `'` in front
 * (csv-stringify's `escape_formulas`, OWASP's advice): Excel and LibreOffice show the text
 * as it is, and a reader of the file sees the `'` and what followed it unchanged. Cells
 * holding a CR are always quoted, so no program reads a lone CR as the end of a record.
 */
import { stringify } from "csv-stringify/sync";

/** The characters that make a spreadsheet read a cell as a formula, and the mark put before them. */
export const formulaStarts = ["=", "+", "-", "@", "\t", "\r"] as const;
export const formulaNeutraliser = "'";

export function spreadsheetCsv<C extends string>(rows: readonly Record<C, string>[], columns: readonly C[]): string {
  const body = stringify(rows as Record<C, string>[], {
    header: true,
    columns: [...columns],
    record_delimiter: "unix",
    escape_formulas: true,
    quoted_match: /\r/,
  });
  return `\uFEFF${body}`;
}
