/** The rows a file of facts holds, before they are checked: what each format reader produces. */
import type { IssueList } from "./issues.js";

export interface TableRow {
  /** Line in the file (the header is line 1). */
  line: number;
  /** 1-based entry of a JSON array (a minified file has every entry on line 1). */
  entry?: number;
  /** How the file names where a cell is: CSV columns, JSON fields. */
  columnKind: "column" | "field";
  /** The municipality, county or country, as written; `column` is the header or field name. */
  subject: { text: string; column?: string; line?: number };
  /** The value as written: text from CSV, any JSON scalar from JSON; `line` where it stands, if not the row's. */
  value: { raw: string | number | boolean | null; column?: string; line?: number };
  /** The as-of date of this row (Kolada's period); else the import's. */
  asOf?: string;
}

/** A row left out on purpose (no value, an aggregate the key does not cover, a repeat). */
export interface SkippedRow {
  line: number;
  entry?: number;
  subject?: string;
  reason: string;
}

export type TableFormat = "csv" | "json" | "kolada";

export interface Table {
  format: TableFormat;
  encoding: "utf-8" | "windows-1252";
  /** CSV only: the separator found in the header line. */
  delimiter?: ";" | "," | "\t";
  /** The subject and value column (CSV) or fields (JSON array), as named in the file. */
  columns?: { subject: string; value: string };
  /** Kolada: the KPI id. */
  kpi?: string;
  rows: TableRow[];
  skipped: SkippedRow[];
}

/**
 * Where a reader puts what it finds, as it finds it: a file is never held as a list of rows.
 * `start` comes once, when the format is known and before the first row (CSV: after the
 * header; JSON: after the whole text has been checked as JSON and its fields found).
 */
export interface TableSink {
  readonly issues: IssueList;
  start(format: TableFormat): void;
  row(row: TableRow): void;
  /** A row the reader leaves out on purpose (Kolada: no value, a place the key does not cover). */
  skip(row: SkippedRow): void;
}
