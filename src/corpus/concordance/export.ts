/**
 * Concordance lines as files: CSV (for a spreadsheet: BOM, formula cells neutralised) and
 * JSON Lines, one line each with its left context, keyword, right context and record.
 */
import { spreadsheetCsv } from "../../files/spreadsheet-csv.js";
import type { ConcordanceLine } from "./concordance.js";

export const concordanceExportFormats = ["csv", "jsonl"] as const;
export type ConcordanceExportFormat = (typeof concordanceExportFormats)[number];

export const concordanceColumns = ["left", "keyword", "right", "document_id", "title", "date", "party"] as const;
export type ConcordanceRow = Record<(typeof concordanceColumns)[number], string>;

/** One row per line; several parties joined with " | ". */
export function concordanceRow(l: ConcordanceLine): ConcordanceRow {
  return {
    left: l.left,
    keyword: l.keyword,
    right: l.right,
    document_id: l.documentId,
    title: l.title,
    date: l.date ?? "",
    party: l.parties.join(" | "),
  };
}

export function exportConcordance(lines: readonly ConcordanceLine[], format: ConcordanceExportFormat): string {
  const rows = lines.map(concordanceRow);
  if (format === "csv") return spreadsheetCsv(rows, concordanceColumns);
  return rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
}
