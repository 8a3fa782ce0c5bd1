/**
 * CSV files of facts as Swedish spreadsheets export them: `;`, `,` or tab separated (found
 * in the header line), quoted fields (with separators, quotes and line breaks inside), UTF-8
 * with or without BOM or Windows-1252, CRLF or LF. The first row names the columns; the
 * parser is csv-parse, fed the text in pieces, each record handed on as it is parsed and
 * never kept. Line numbers are the lines of the file as an editor shows them.
 */
import { CsvError, Parser } from "csv-parse";
import { municipalityNamed } from "../../data/places.js";
import { isMotioneraError } from "../../domain/errors.js";
import type { FactDefinition } from "../catalog.js";
import { chooseColumns, type ColumnOptions } from "./columns.js";
import { fileProblem } from "./issues.js";
import { withoutStacks } from "./no-stacks.js";
import type { Table, TableSink } from "./table.js";
import { importProblems } from "../../messages.sv.js";

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
  return /^\d{3,4}$/.test(q) || municipalityNamed(q) !== undefined;
}

const newlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * Text in pieces with every line ending as LF, so csv-parse counts lines as an editor does
 * (it counts CR and LF apart); a CR at the end of one piece may be the first half of a CRLF.
 */
function* lfOnly(chunks: Iterable<string>): Generator<string> {
  let carry = "";
  for (const chunk of chunks) {
    let s = carry + chunk;
    carry = "";
    if (s.endsWith("\r")) {
      carry = "\r";
      s = s.slice(0, -1);
    }
    if (s) yield s.replace(/\r\n?/g, "\n");
  }
  if (carry) yield "\n";
}

/**
 * What csv-parse's stream wraps (its `api`): parses a piece, handing each record to `push`; returns the error, if any.
 */
interface ParserCore {
  parse(
    piece: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): Error | undefined;
}

export type CsvTable = Required<Pick<Table, "delimiter" | "columns">>;

/**
 * Reads decoded CSV text, given in pieces, row by row into the sink. Problems with the file as
 * a whole (no header, no value column, a broken quote) are thrown, and end the reading.
 */
export function readCsv(
  file: string,
  chunks: Iterable<string>,
  def: FactDefinition,
  options: ColumnOptions,
  sink: TableSink,
): CsvTable {
  const pieces = lfOnly(chunks)[Symbol.iterator]();
  const first = pieces.next();
  const head = first.done ? "" : first.value.replace(/^\uFEFF+/, "");
  const delimiter = detectDelimiter(head);
  let table: CsvTable | undefined;
  let subject = 0;
  let value = 0;
  let headers: string[] = [];

  const onRecord = (record: string[], lines: number) => {
    if (!table) {
      headers = record.map((h) => h.trim());
      const chosen = chooseColumns(headers, def, options, "column", looksLikeMunicipality);
      if (!chosen.ok) fileProblem(file, chosen.issue);
      ({ subject, value } = chosen.columns);
      table = { delimiter, columns: { subject: headers[subject]!, value: headers[value]! } };
      sink.start("csv");
      return;
    }
    if (record.every((cell) => cell.trim() === "")) return;
    // `lines` is the line the record ends on; a quoted line break inside moves its start up.
    let line = lines;
    for (const cell of record) if (cell.includes("\n")) line -= newlines(cell);
    const missing = subject >= record.length ? subject : value >= record.length ? value : undefined;
    if (missing !== undefined) {
      const sep = delimiter === "\t" ? "tab" : delimiter;
      const problem = () => importProblems.tooFewColumns(record.length, sep);
      sink.issues.note(line, undefined, () => ({
        line,
        column: headers[missing]!,
        columnKind: "column",
        problem: problem(),
      }));
      return;
    }
    sink.row({
      line,
      columnKind: "column",
      subject: { text: record[subject] ?? "", column: table.columns.subject },
      value: { raw: record[value]!, column: table.columns.value },
    });
  };

  // csv-parse's parser core, without the stream around it: each piece is parsed at once and
  // each record handed to `push` as it ends, when `parser.info.lines` is the line it ends on.
  const parser = new Parser({ delimiter, relax_column_count: true, skip_empty_lines: true, bom: true });
  const core = (parser as unknown as { api: ParserCore }).api;
  const push = (record: string[]) => onRecord(record, parser.info.lines);
  const close = () => undefined;
  try {
    withoutStacks(() => {
      for (let p = first; ; p = pieces.next()) {
        const err = core.parse(
          p.done ? undefined : Buffer.from(p === first ? head : p.value),
          p.done === true,
          push,
          close,
        );
        if (err) throw err;
        if (p.done) break;
      }
    });
  } catch (e) {
    if (isMotioneraError(e) || !(e instanceof CsvError)) throw e;
    const err = e as CsvError & { lines?: number };
    const problem =
      err.code === "CSV_INVALID_CLOSING_QUOTE" || err.code === "CSV_QUOTE_NOT_CLOSED"
        ? importProblems.badQuotes
        : importProblems.notCsv(err.message);
    fileProblem(file, { ...(err.lines ? { line: err.lines } : {}), problem });
  }
  if (!table) fileProblem(file, { problem: importProblems.emptyCsv });
  return table;
}
