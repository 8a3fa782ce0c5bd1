/**
 * Importing a file of facts, the one core function behind `motionera facts import` and
 * `POST /api/facts/import`: read the file (CSV, JSON or a saved Kolada response) into rows,
 * check every row against the catalog's definition of the key, and either throw one
 * `fact_import_invalid` listing every problem with its line and column, or plan what would
 * change (new, changed, unchanged) and, when asked to, record it all in one store write.
 * One bad row rejects the whole file: nothing is written.
 */
import { extname } from "node:path";
import { decodeText, ReadError } from "../../corpus/import/read-text.js";
import { MotioneraError, type FactImportIssue } from "../../domain/errors.js";
import { sourceSchema, type Source } from "../../domain/fact.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import { nearest } from "../../lang/nearest.js";
import type { NewFact, Store } from "../../store/store.js";
import { factCatalog, factDefinition } from "../catalog.js";
import { refuseDerived } from "../record-fact.js";
import { FactRegistry } from "../registry.js";
import type { ColumnOptions } from "./columns.js";
import { readCsv } from "./csv.js";
import { fileProblem, importError } from "./issues.js";
import { readJson } from "./json.js";
import { koladaPublisher, koladaTitle } from "./kolada.js";
import { planImport, type ChangeKind, type PlannedFact } from "./plan.js";
import type { SkippedRow, Table } from "./table.js";
import { checkRows } from "./validate.js";

/** Larger files are refused: a table of 290 municipalities over many years is far smaller. */
export const maxImportBytes = 20 * 1024 * 1024;

/** The problem of a file over the limit. */
export const tooLarge = (bytes: number): FactImportIssue => ({ problem: `filen är ${(bytes / 1024 / 1024).toFixed(1)} MB, mer än gränsen ${maxImportBytes / 1024 / 1024} MB` });

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
  skipped: SkippedRow[];
  counts: Record<ChangeKind | "skipped", number>;
  /** How many facts were (or, in a dry run, would be) stored. */
  recorded: number;
  committed: boolean;
}

function invalid(field: string, problem: string): never {
  throw new MotioneraError({ code: "input_invalid", field, problem });
}

function decode(file: string, bytes: Uint8Array): { text: string; encoding: Table["encoding"] } {
  if (bytes.length > maxImportBytes) fileProblem(file, tooLarge(bytes.length));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) fileProblem(file, { problem: "filen är ett Excel- eller zip-arkiv, inte text; spara kalkylbladet som CSV (CSV UTF-8 eller semikolonavgränsad) och importera den filen" });
  try {
    return decodeText(bytes);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    fileProblem(file, {
      problem: e.problem.reason === "binary" ? "filen innehåller binära data, inte text; spara tabellen som CSV eller JSON" : "texten är varken UTF-8 eller Windows-1252; spara filen som CSV UTF-8",
    });
  }
}

/** JSON by extension, or by its first character when the extension says nothing. */
function isJson(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return true;
  if ([".csv", ".tsv", ".txt", ".tab"].includes(ext)) return false;
  return /^[\s\uFEFF]*[[{]/.test(text);
}

function sourceOf(req: FactImportRequest, kolada: boolean, kpi: string | undefined): Source {
  const title = req.sourceTitle?.trim() || (kolada ? koladaTitle(kpi ?? "okänt nyckeltal") : undefined);
  const publisher = req.publisher?.trim() || (kolada ? koladaPublisher : undefined);
  const what = kolada ? "" : " (krävs för CSV- och JSON-filer; bara Kolada-filer har en egen källa)";
  if (!title) invalid("sourceTitle", `källans titel saknas${what}`);
  if (!publisher) invalid("publisher", `källans utgivare saknas${what}`);
  const parsed = sourceSchema.safeParse({ title, publisher, date: req.sourceDate ?? null, ...(req.url ? { url: req.url } : {}) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    invalid(issue.path[0] === "date" ? "sourceDate" : String(issue.path[0] ?? "source"), issue.message);
  }
  return parsed.data;
}

export async function importFacts(store: Store, req: FactImportRequest): Promise<FactImportResult> {
  const def = factDefinition(req.key);
  if (!def) throw new MotioneraError({ code: "unknown_fact_key", key: req.key, suggestions: nearest(req.key, factCatalog.map((d) => d.key)) });
  refuseDerived(def);
  if (req.asOf !== undefined && !partialDateSchema.safeParse(req.asOf).success) invalid("asOf", "datum skrivs ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD");

  const file = req.fileName;
  const { text, encoding } = decode(file, req.bytes);
  const read: Omit<Table, "encoding"> & { issues: FactImportIssue[] } = isJson(file, text) ? readJson(file, text, def, req) : { format: "csv", ...readCsv(file, text, def, req) };
  const kolada = read.format === "kolada";
  const { kpi, delimiter } = read;
  const source = sourceOf(req, kolada, kpi);
  if (!kolada && req.asOf === undefined) invalid("asOf", "datum som värdena avser saknas (krävs för CSV- och JSON-filer; en Kolada-fil har ett år per värde)");

  const checked = checkRows(read.rows, def, req.asOf);
  const issues: FactImportIssue[] = [...read.issues, ...checked.issues];
  if (issues.length === 0 && checked.rows.length === 0) {
    issues.push({ problem: read.rows.length === 0 && read.skipped.length === 0 ? "filen har inga rader med värden under rubrikraden" : "filen har inget värde att importera (alla rader saknar värde)" });
  }
  if (issues.length > 0) throw importError(file, issues);

  const facts = planImport(checked.rows, def, new FactRegistry(await store.facts()));
  const toRecord = facts.filter((f) => f.record);
  if (req.commit && toRecord.length > 0) {
    const news: NewFact[] = toRecord.map((f) => ({ subject: f.subject, key: def.key, value: f.value, asOf: f.asOf, source }));
    await store.addFacts(news);
  }
  const skipped = [...read.skipped, ...checked.skipped].sort((a, b) => a.line - b.line || (a.entry ?? 0) - (b.entry ?? 0));
  const count = (k: ChangeKind) => facts.filter((f) => f.kind === k).length;
  return {
    file,
    key: def.key,
    label: def.label,
    format: read.format,
    encoding,
    ...(delimiter ? { delimiter } : {}),
    ...(read.columns ? { columns: read.columns } : {}),
    ...(kpi ? { kpi } : {}),
    source,
    facts,
    skipped,
    counts: { new: count("new"), changed: count("changed"), unchanged: count("unchanged"), skipped: skipped.length },
    recorded: toRecord.length,
    committed: req.commit,
  };
}
