/**
 * Importing a file of facts, the one core behind `motionera facts import` and
 * `POST /api/facts/import`, in two steps:
 *
 * - `checkFactFile` reads the file (CSV, JSON or a saved Kolada response) row by row, checks
 *   every row against the catalog's definition of the key, and either throws one
 *   `fact_import_invalid` (the first problems with their line and column, and how many there
 *   were) or plans what would change (new, changed, unchanged) against the key's facts so far.
 *   It touches no store, so it can run on a worker thread (src/threads/import-threads.ts);
 *   what it keeps is bounded whatever the row count (validate.ts).
 * - `importFacts` gives it the key's facts, and records the plan in one store write when
 *   asked to. One bad row rejects the whole file: nothing is written.
 */
import { extname } from "node:path";
import { DecodeError, detectEncoding } from "../../lang/decode-text.js";
import { MotioneraError, type FactImportIssue } from "../../domain/errors.js";
import { attempt, throwProblems, type FieldProblem } from "../../domain/field-problem.js";
import { sourceSchema, type Fact, type Source } from "../../domain/fact.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import type { NewFact, Store } from "../../store/store.js";
import { activeFactCatalog, type FactDefinition } from "../catalog.js";
import { storeCatalog, type FactCatalog } from "../fact-catalog.js";
import { refuseDerived } from "../record-fact.js";
import { FactRegistry } from "../registry.js";
import type { ColumnOptions } from "./columns.js";
import { readCsv } from "./csv.js";
import { fileProblem, FirstByPlace, IssueList, maxListedIssues } from "./issues.js";
import { readJson } from "./json.js";
import { koladaPublisher, koladaTitle } from "./kolada.js";
import { planImport, type ChangeKind, type PlannedFact } from "./plan.js";
import type { SkippedRow, Table, TableFormat, TableSink } from "./table.js";
import { RowChecker } from "./validate.js";
import { importProblems } from "../../messages.sv.js";

/** Larger files are refused: a table of 290 municipalities over many years is far smaller. */
export const maxImportBytes = 20 * 1024 * 1024;

/** The problem of a file whose check needed more memory than the import thread has (src/threads/import-threads.ts). */
export const memoryIssue = (limitMb: number): FactImportIssue => ({ problem: importProblems.tooMuchMemory(limitMb) });

/** The problem of a file over the limit. */
export const tooLarge = (bytes: number): FactImportIssue => ({
  problem: importProblems.tooLarge((bytes / 1024 / 1024).toFixed(1), maxImportBytes / 1024 / 1024),
});

export interface FactImportRequest extends ColumnOptions {
  /** The catalog key every value is stored under. */
  key: string;
  /** The file's name: shown in messages; its extension tells CSV from JSON. */
  fileName: string;
  bytes: Uint8Array;
  /** The source; required except for Kolada files, whose source is Kolada itself. */
  sourceTitle?: string | undefined;
  publisher?: string | undefined;
  sourceDate?: string | undefined;
  url?: string | undefined;
  /** The date the values describe; required except for Kolada files (each value has its period). */
  asOf?: string | undefined;
  /** Record the facts; otherwise only plan (a dry run). */
  commit: boolean;
  /**
   * The key's definition from the store's catalog, set by `importFacts` so a check on another
   * thread (whose module state has only the shipped keys) reads the file as the store's key.
   */
  definition?: FactDefinition;
}

export interface FactImportResult {
  file: string;
  key: string;
  label: string;
  format: Table["format"];
  encoding: Table["encoding"];
  delimiter?: Table["delimiter"];
  columns?: Table["columns"];
  kpi?: string;
  source: Source;
  facts: PlannedFact[];
  /** The first rows left out (at most `maxListedIssues`); `counts.skipped` says how many in all. */
  skipped: SkippedRow[];
  counts: Record<ChangeKind | "skipped", number>;
  /** How many facts were (or, in a dry run, would be) stored. */
  recorded: number;
  committed: boolean;
}

/** Checks a file against the key's facts so far (see checkFactFile); may run on another thread. */
export type FactFileCheck = (req: FactImportRequest, known: readonly Fact[]) => Promise<FactImportResult>;

function invalid(field: string, problem: string): never {
  throw new MotioneraError({ code: "input_invalid", field, problem });
}

/** The file's text encoding, or the problem with it as a file (too large, a spreadsheet, binary). */
function encodingOf(file: string, bytes: Uint8Array): Table["encoding"] {
  if (bytes.length > maxImportBytes) fileProblem(file, tooLarge(bytes.length));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) fileProblem(file, { problem: importProblems.zipArchive });
  try {
    return detectEncoding(bytes);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    fileProblem(file, {
      problem: e.problem.reason === "binary" ? importProblems.binary : importProblems.undecodable,
    });
  }
}

const piece = 1 << 20;

/** The decoded text in pieces of about 1 MB (the decoder drops a UTF-8 byte order mark). */
function* textPieces(bytes: Uint8Array, encoding: Table["encoding"]): Generator<string> {
  const decoder = new TextDecoder(encoding);
  for (let at = 0; at < bytes.length; at += piece)
    yield decoder.decode(bytes.subarray(at, at + piece), { stream: true });
  yield decoder.decode();
}

/** JSON by extension, or by its first character when the extension says nothing. */
function isJson(file: string, bytes: Uint8Array, encoding: Table["encoding"]): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return true;
  if ([".csv", ".tsv", ".txt", ".tab"].includes(ext)) return false;
  for (const text of textPieces(bytes, encoding)) {
    const start = text.replace(/^[\s\uFEFF]+/, "");
    if (start) return start[0] === "[" || start[0] === "{";
  }
  return false;
}

/** The file's source from the request; every problem with it at once (title, publisher, date, URL). */
function sourceOf(req: FactImportRequest, kolada: boolean, kpi: string | undefined): Source {
  const title = req.sourceTitle?.trim() || (kolada ? koladaTitle(kpi ?? importProblems.unknownKpi) : undefined);
  const publisher = req.publisher?.trim() || (kolada ? koladaPublisher : undefined);
  const problems: FieldProblem[] = [];
  const missing = (field: string, problem: string) =>
    problems.push({ path: [field], details: { code: "input_invalid", field, problem } });
  if (!title) missing("sourceTitle", importProblems.sourceTitleMissing(kolada));
  if (!publisher) missing("publisher", importProblems.publisherMissing(kolada));
  const parsed = sourceSchema.safeParse({
    title: title ?? "-",
    publisher: publisher ?? "-",
    date: req.sourceDate ?? null,
    ...(req.url ? { url: req.url } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "date" ? "sourceDate" : String(issue.path[0] ?? "source");
      if (!problems.some((p) => p.path[0] === field)) missing(field, issue.message);
    }
  }
  throwProblems(problems);
  if (!parsed.success) throw new Error("a source with problems passed");
  return parsed.data;
}

const requireAsOf = (req: FactImportRequest) => {
  if (req.asOf === undefined) invalid("asOf", importProblems.asOfMissing);
};

/** The key's definition, if facts may be imported for it; the request's as-of checked. */
export function importableKey(
  req: Pick<FactImportRequest, "key" | "asOf" | "definition">,
  catalog: FactCatalog = activeFactCatalog(),
): FactDefinition {
  const problems: FieldProblem[] = [];
  // The import thread gets the definition with the request (its own catalog is the shipped one).
  const def = req.definition?.key === req.key ? req.definition : catalog.get(req.key);
  if (!def)
    problems.push({
      path: ["key"],
      details: {
        code: "unknown_fact_key",
        key: req.key,
        suggestions: catalog.suggest(req.key),
      },
    });
  else attempt(problems, ["key"], () => refuseDerived(def));
  if (req.asOf !== undefined && !partialDateSchema.safeParse(req.asOf).success) {
    problems.push({
      path: ["asOf"],
      details: { code: "input_invalid", field: "asOf", problem: importProblems.asOfFormat },
    });
  }
  throwProblems(problems);
  if (!def) throw new Error("an unknown key passed");
  return def;
}

/** Counts and what would be stored, from a plan. */
function tally(facts: readonly PlannedFact[], skipped: number): Pick<FactImportResult, "counts" | "recorded"> {
  const counts = { new: 0, changed: 0, unchanged: 0, skipped };
  let recorded = 0;
  for (const f of facts) {
    counts[f.kind]++;
    if (f.record) recorded++;
  }
  return { counts, recorded };
}

/**
 * Reads and checks a file and plans it against `known` (the key's facts so far); writes
 * nothing. Throws `fact_import_invalid` for a file with problems, `input_invalid` for a
 * request missing what the file needs (source, as-of).
 */
export async function checkFactFile(req: FactImportRequest, known: readonly Fact[]): Promise<FactImportResult> {
  const def = importableKey(req);
  const file = req.fileName;
  const encoding = encodingOf(file, req.bytes);

  const issues = new IssueList(file);
  const skipped = new FirstByPlace<SkippedRow>(maxListedIssues);
  let checker: RowChecker | undefined;
  // A request that lacks what a CSV or plain JSON file needs: said once the file has been read
  // through, unless the file itself cannot be read (that is said first).
  let refused: unknown;
  let rowsRead = 0;
  let skippedRead = 0;
  const sink: TableSink = {
    issues,
    start(format: TableFormat) {
      if (format !== "kolada") {
        try {
          sourceOf(req, false, undefined);
          requireAsOf(req);
        } catch (e) {
          refused = e;
          return;
        }
      }
      checker = new RowChecker(def, req.asOf, issues, skipped);
    },
    row(row) {
      rowsRead++;
      checker?.add(row);
    },
    skip(row) {
      skippedRead++;
      skipped.add(row);
    },
  };

  let table: Pick<Table, "format" | "delimiter" | "columns" | "kpi">;
  if (isJson(file, req.bytes, encoding))
    table = readJson(file, new TextDecoder(encoding).decode(req.bytes), def, req, sink);
  else table = { format: "csv", ...readCsv(file, textPieces(req.bytes, encoding), def, req, sink) };
  if (refused !== undefined) throw refused;
  const kolada = table.format === "kolada";
  const source = sourceOf(req, kolada, table.kpi);
  if (!kolada) requireAsOf(req);
  if (!checker) throw new Error("a reader handed over no rows without starting");

  checker.finish();
  if (issues.count === 0 && checker.rows.length === 0) {
    issues.add({ problem: rowsRead === 0 && skippedRead === 0 ? importProblems.noRows : importProblems.noValues });
  }
  issues.throwIfAny();

  const facts = planImport(checker.rows, def, new FactRegistry(known));
  return {
    file,
    key: def.key,
    label: def.label,
    format: table.format,
    encoding,
    ...(table.delimiter ? { delimiter: table.delimiter } : {}),
    ...(table.columns ? { columns: table.columns } : {}),
    ...(table.kpi ? { kpi: table.kpi } : {}),
    source,
    facts,
    skipped: [...skipped.items],
    ...tally(facts, skipped.total),
    committed: false,
  };
}

const sameFacts = (a: readonly Fact[], b: readonly Fact[]) =>
  a.length === b.length && a.every((f, i) => f.id === b[i]!.id);

export interface ImportFactsOptions {
  /** Where the file is checked: on this thread unless given (the CLI and the service pass the import thread). */
  check?: FactFileCheck;
}

export async function importFacts(
  store: Store,
  req: FactImportRequest,
  { check = checkFactFile }: ImportFactsOptions = {},
): Promise<FactImportResult> {
  const def = importableKey(req, await storeCatalog(store));
  req = { ...req, definition: def };
  const factsOfKey = async () => (await store.facts()).filter((f) => f.key === def.key);
  const known = await factsOfKey();
  const result = await check(req, known);
  if (!req.commit) return result;

  // The plan was made against `known`; if the key's facts changed meanwhile, plan again.
  const now = await factsOfKey();
  const facts = sameFacts(known, now)
    ? result.facts
    : planImport(
        result.facts.map((f) => ({ ...f, subject: { subject: f.subject, scope: f.scope, name: f.subjectName } })),
        def,
        new FactRegistry(now),
      );
  const toRecord = facts.filter((f) => f.record);
  if (toRecord.length > 0) {
    const news: NewFact[] = toRecord.map((f) => ({
      subject: f.subject,
      key: def.key,
      value: f.value,
      asOf: f.asOf,
      source: result.source,
    }));
    await store.addFacts(news);
  }
  return { ...result, facts, ...tally(facts, result.counts.skipped), committed: true };
}
