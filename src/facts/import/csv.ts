/**
 * CSV files of facts as Swedish spreadsheets export them: `;`, `,` or tab separated (found
 * in the header line), quoted fields (with separators, quotes and line breaks inside), UTF-8
 * with or without BOM or Windows-1252, CRLF or LF. The first row names the columns; the
 * parser is csv-parse. Line numbers are the lines of the file as an editor shows them.
 */
import { parse } from "csv-parse/sync";
import { findMunicipality } from "../../data/places.js";
import type { FactImportIssue } from "../../domain/errors.js";
import type { FactDefinition } from "../catalog.js";
import { chooseColumns, type ColumnOptions } from "./columns.js";
import { fileProblem } from "./issues.js";
import type { Table, TableRow } from "./table.js";

export type Delimiter = ";" | "," | "\t";

/** The separator the header line uses most, outside quotes; `;` wins a tie (Swedish Excel). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n") break;
    else if (!quoted && (c === ";" || c === "," || c === "\t")) counts[c]++;
  }
  let best: Delimiter = ";";
  for (const d of ["\t", ","] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** A header cell that is really a municipality: the file has no header row. */
function looksLikeMunicipality(cell: string): boolean {
  const q = cell.trim();
  if (/^\d{3,4}$/.test(q)) return true;
  try {
    findMunicipality(q);
    return true;
  } catch {
    return false;
  }
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

const newlines = (s: string) => s.split("\n").length - 1;

/** Parses decoded CSV text into the rows to check. Problems with the file as a whole are thrown. */
export function readCsv(file: string, text: string, def: FactDefinition, options: ColumnOptions): Pick<Table, "delimiter" | "columns" | "rows" | "skipped"> & { issues: FactImportIssue[] } {
  // One line ending everywhere, so csv-parse counts lines as an editor does (it counts CR and LF apart).
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(normalized);
  let records: CsvRecord[];
  try {
    records = parse(normalized, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as CsvRecord[];
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const problem = err.code === "CSV_INVALID_CLOSING_QUOTE" || err.code === "CSV_QUOTE_NOT_CLOSED"
      ? "citattecknen i raden stämmer inte: ett fält som börjar med \" ska sluta med \" (skriv \"\" för ett citattecken inuti)"
      : `filen kan inte läsas som CSV (${err.message})`;
    fileProblem(file, { ...(err.lines ? { line: err.lines } : {}), problem });
  }
  const [header, ...body] = records;
  if (!header) fileProblem(file, { problem: "filen är tom; första raden ska namnge kolumnerna (till exempel Kommun;Värde)" });
  const headers = header.record.map((h) => h.trim());
  const chosen = chooseColumns(headers, def, options, "column", looksLikeMunicipality);
  if (!chosen.ok) fileProblem(file, chosen.issue);
  const { subject, value } = chosen.columns;
  const subjectName = headers[subject]!;
  const valueName = headers[value]!;

  const rows: TableRow[] = [];
  const issues: FactImportIssue[] = [];
  for (const { record, info } of body) {
    if (record.every((cell) => cell.trim() === "")) continue;
    // info.lines is the line the record ends on; a quoted line break inside moves its start up.
    const line = info.lines - record.reduce((n, cell) => n + newlines(cell), 0);
    const missing = [subject, value].find((i) => i >= record.length);
    if (missing !== undefined) {
      issues.push({ line, column: headers[missing]!, columnKind: "column", problem: `raden har ${record.length === 1 ? "bara en kolumn" : `bara ${record.length} kolumner`}, så kolumnen saknas (är avgränsaren "${delimiter === "\t" ? "tab" : delimiter}" rätt?)` });
      continue;
    }
    rows.push({
      line,
      columnKind: "column",
      subject: { text: record[subject] ?? "", column: subjectName },
      value: { raw: record[value]!, column: valueName },
    });
  }
  return { delimiter, columns: { subject: subjectName, value: valueName }, rows, skipped: [], issues };
}
