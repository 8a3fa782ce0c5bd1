/**
 * `corpus import`: each file is read, auto-tagged and checked on its own; the records of
 * the files that succeeded are stored in atomic writes, one per batch (`importStream`; one
 * write in all for `importFiles`). A file whose text was imported before (same content hash)
 * updates its record and keeps its id, or is skipped when nothing in it changed.
 *
 * Reading and tagging a file (`readAndTag`) is the costly part and touches no store, so the
 * CLI and the service run it on the import thread (src/threads/import-threads.ts), one file
 * at a time; ids and the write happen here.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { corpusDocumentSchema, type CorpusDocument } from "../../domain/corpus-document.js";
import { isMotioneraError, type ErrorDetails } from "../../domain/errors.js";
import { slug } from "../../lang/slug.js";
import type { Store } from "../../store/store.js";
import { tagText, type TagResult } from "../tagging/index.js";
import type { Overrides } from "./overrides.js";
import type { ReadProblem } from "../../domain/read-problem.js";
import { ReadError, readText, textOf, textExtensions } from "./read-text.js";
import {
  isStructuredName,
  readableZipEntries,
  readStructured,
  sizeLimitOf,
  type ZipRange,
} from "./structured/read-structured.js";
import { recordFromStructure } from "./structured/structured-record.js";

/** Whether the import reads a file of this name (a folder's other files are passed over). */
const isImportable = (name: string) => isStructuredName(name) || textExtensions.includes(extname(name).toLowerCase());

export type ImportProblem = { kind: "read"; problem: ReadProblem } | { kind: "invalid"; details: ErrorDetails };

export type ImportOutcome =
  | {
      file: string;
      ok: true;
      action: "added" | "updated" | "unchanged";
      record: CorpusDocument;
      /** The tagger's reading of the text; absent for a record with no text (a `dokumentlista` entry). */
      tags?: TagResult;
      encoding?: string;
      /** The source holds only metadata (a `dokumentlista`): the full text needs the `dokumentstatus` file. */
      metadataOnly?: boolean;
    }
  | { file: string; ok: false; problem: ImportProblem };

/** A file to import: its path, or (an upload) its name and bytes. */
export type ImportInput = string | { name: string; bytes: Uint8Array };

/**
 * What reading and tagging gives for one document of a file (a file of text is one document; a zip, a
 * `dokumentlista` or a ParlaMint sitting are many): its record (but for the id), or why not.
 */
export type FileReading =
  | { file: string; ok: true; record: CorpusDocument; tags?: TagResult; encoding?: string; metadataOnly?: boolean }
  | { file: string; ok: false; problem: ImportProblem };

/** Reads and tags one file's documents (see readAndTag); may run on another thread. */
export type ReadFile = (input: ImportInput, overrides: Overrides, now: Date) => Promise<FileReading[]>;

/** A part of a batched import's chunk: a file (its path), or a range of a zip's entries (a large zip, in parts). */
export type ChunkInput = string | { zip: string; range: ZipRange };

/** Reads and tags several files, in order: a chunk of a batched import (on the import thread). */
export type ReadFiles = (inputs: ChunkInput[], overrides: Overrides, now: Date) => Promise<FileReading[][]>;

/** Reads and tags one part of a chunk (see readAndTag). */
export function readChunkInput(input: ChunkInput, overrides: Overrides, now: Date): Promise<FileReading[]> {
  if (typeof input === "string") return readAndTag(input, overrides, now);
  return readStructuredFile(input.zip, overrides, now, input.range);
}

export interface ImportOptions {
  dryRun?: boolean;
  overrides?: Overrides;
  now?: Date;
  /** Where each file is read and tagged: on this thread unless given. */
  read?: ReadFile;
}

const nameOf = (input: ImportInput) => (typeof input === "string" ? input : input.name);

export function contentHash(text: string): string {
  return createHash("sha256").update(text.trim(), "utf8").digest("hex");
}

const overrideFields = [
  "kind",
  "level",
  "municipality",
  "county",
  "parties",
  "authors",
  "addressee",
  "outlet",
  "date",
  "title",
  "summary",
  "topics",
] as const;

/** A record from the tagger's inferences, the user's overrides, and the file; every field's origin in provenance. */
export function recordFrom(
  text: string,
  file: string,
  format: string,
  tags: TagResult,
  overrides: Overrides,
  id: string,
  at: Date,
): CorpusDocument {
  const tagging: NonNullable<CorpusDocument["tagging"]> = {};
  const provenance: NonNullable<CorpusDocument["provenance"]> = {};
  const pick = <K extends (typeof overrideFields)[number]>(
    field: K,
    inferred: { value: unknown; confidence: number; evidence: string },
  ) => {
    if (overrides[field] !== undefined) {
      tagging[field] = { confidence: 1, evidence: "angivet vid importen" };
      provenance[field] = "override";
      return overrides[field];
    }
    provenance[field] = "tagger";
    tagging[field] = {
      confidence: Math.round(inferred.confidence * 100) / 100,
      evidence: inferred.evidence.slice(0, 300),
    };
    return inferred.value;
  };
  const kind = pick("kind", tags.kind) as CorpusDocument["kind"];
  const municipality = pick("municipality", tags.municipality) as CorpusDocument["municipality"];
  const county = pick("county", tags.county) as CorpusDocument["county"];
  const parties = pick("parties", tags.parties) as string[];
  const authors = pick("authors", tags.authors) as CorpusDocument["authors"];
  const addressee = pick("addressee", tags.addressee) as string | null;
  const outlet = overrides.outlet;
  const date = pick("date", tags.date) as CorpusDocument["date"];
  const title = pick("title", tags.title) as string;
  for (const [field, inferred] of [
    ["proposals", tags.proposals],
    ["questions", tags.questions],
    ["arguments", tags.arguments],
  ] as const) {
    tagging[field] = {
      confidence: Math.round(inferred.confidence * 100) / 100,
      evidence: inferred.evidence.slice(0, 300),
    };
    provenance[field] = "tagger";
  }
  const designation = tags.designation.value;
  if (designation) provenance.designation = "tagger";
  const who = authors.map((a) => a.name).join(", ") || parties.join(", ") || "okänd avsändare";
  return {
    id,
    kind,
    level: pick("level", tags.level) as CorpusDocument["level"],
    municipality,
    county,
    parties,
    authors,
    ...(addressee ? { addressee } : {}),
    ...(outlet ? { outlet } : {}),
    date,
    title,
    summary: pick("summary", tags.summary) as string,
    topics: pick("topics", tags.topics) as CorpusDocument["topics"],
    arguments: tags.arguments.value,
    proposals: tags.proposals.value,
    questions: tags.questions.value,
    facts: [],
    source: { title, publisher: outlet ?? who, date, reference: basename(file) },
    fullText: text,
    contentHash: contentHash(text),
    imported: { file: basename(file), at: at.toISOString(), format },
    tagging,
    ...(designation ? { designation } : {}),
    provenance,
  };
}

/** What only some sources of one document state: a record updated from another source keeps them. */
const sourceOnlyFields = ["decisions", "category", "committee", "designation", "externalId"] as const;

/**
 * The fields of a record from a structured source (Riksdagen's dokumentstatus, Swerik's TEI) that the new reading of
 * the same document lacks: the decisions a dokumentstatus file gives stay when Swerik's TEI of it is imported after.
 */
function kept(
  previous: CorpusDocument | undefined,
  draft: CorpusDocument,
): { fields: Partial<CorpusDocument>; provenance?: Pick<CorpusDocument, "provenance"> } {
  if (!previous?.provenance || !draft.provenance) return { fields: {} };
  const fields: Record<string, unknown> = {};
  const provenance = { ...draft.provenance };
  for (const f of sourceOnlyFields)
    if (draft[f] === undefined && previous[f] !== undefined) {
      fields[f] = previous[f];
      provenance[f] = previous.provenance[f] ?? "structure";
    }
  return { fields: fields as Partial<CorpusDocument>, provenance: { provenance } };
}

function newId(
  doc: Pick<CorpusDocument, "date" | "municipality" | "county" | "level" | "kind">,
  hash: string,
  taken: Set<string>,
): string {
  const where = doc.municipality?.name ?? doc.county?.name ?? doc.level;
  const base = [doc.date ?? "odaterad", slug(where, 30), slug(doc.kind), hash.slice(0, 8)].join("-");
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/**
 * Same record apart from when and from which file it was imported (the full text compared as a string, not stringified
 * again).
 */
function sameContent(a: CorpusDocument, b: CorpusDocument): boolean {
  const strip = ({ imported: _i, fullText: _t, ...rest }: CorpusDocument) => JSON.stringify(rest);
  return a.fullText === b.fullText && strip(a) === strip(b);
}

function problemOf(e: unknown): ImportProblem {
  if (e instanceof ReadError) return { kind: "read", problem: e.problem };
  if (isMotioneraError(e)) return { kind: "invalid", details: e.details };
  throw e;
}

/**
 * A structured file's bytes, its size checked first. Read synchronously: these files are small (a zip at most
 * `maxZipBytes`), read on the import thread, where a thread-pool round trip per call costs more than the read.
 */
function bytesOf(file: string): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new ReadError({
      reason: "unreadable",
      detail: (e as NodeJS.ErrnoException).code === "ENOENT" ? "filen finns inte" : (e as Error).message,
    });
  }
  const limit = sizeLimitOf(file);
  if (size > limit) throw new ReadError({ reason: "too_large", bytes: size, limitBytes: limit });
  if (size === 0) throw new ReadError({ reason: "empty" });
  return new Uint8Array(readFileSync(file));
}

/** A structured file's documents, each with its record from the structure and the tagger (structured-record.ts). */
async function readStructuredFile(
  input: ImportInput,
  overrides: Overrides,
  now: Date,
  range?: ZipRange,
): Promise<FileReading[]> {
  const file = nameOf(input);
  const dir = dirname(file);
  const at = (name: string) => (dir === "." ? name : `${dir}/${name}`);
  let readings: ReturnType<typeof readStructured>;
  try {
    readings = readStructured(basename(file), typeof input === "string" ? bytesOf(file) : input.bytes, range);
  } catch (e) {
    return [{ file, ok: false, problem: problemOf(e) }];
  }
  return readings.map((r): FileReading => {
    if (!r.ok) return { file: at(r.name), ok: false, problem: { kind: "read", problem: r.problem } };
    try {
      const { record, tags } = recordFromStructure(r.doc, overrides, now);
      return {
        file: at(r.doc.name),
        ok: true,
        record,
        ...(tags ? { tags } : {}),
        ...(r.doc.metadataOnly ? { metadataOnly: true } : {}),
      };
    } catch (e) {
      return { file: at(r.doc.name), ok: false, problem: problemOf(e) };
    }
  });
}

/**
 * Reads a file, tags it and makes its records with the id "pending": one for a file of text, one per document of a
 * structured file (structured/read-structured.ts). Refusals are returned, not thrown.
 */
export async function readAndTag(input: ImportInput, overrides: Overrides, now: Date): Promise<FileReading[]> {
  const file = nameOf(input);
  if (isStructuredName(file)) return readStructuredFile(input, overrides, now);
  try {
    const { text, format, encoding } =
      typeof input === "string" ? await readText(input) : await textOf(input.name, input.bytes);
    const tags = tagText(text, { fileName: basename(file) });
    return [
      {
        file,
        ok: true,
        record: recordFrom(text, file, format, tags, overrides, "pending", now),
        tags,
        ...(encoding ? { encoding } : {}),
      },
    ];
  } catch (e) {
    return [{ file, ok: false, problem: problemOf(e) }];
  }
}

/** The files to import: a folder stands for the files below it that the import reads (hidden ones left out). */
export async function expandFolders(inputs: readonly ImportInput[]): Promise<ImportInput[]> {
  const out: ImportInput[] = [];
  for (const input of inputs) {
    if (typeof input !== "string" || !(await stat(input).catch(() => undefined))?.isDirectory()) {
      out.push(input);
      continue;
    }
    const entries = await readdir(input, { recursive: true, withFileTypes: true });
    out.push(
      ...entries
        .filter((e) => e.isFile() && !e.name.startsWith(".") && isImportable(e.name))
        .map((e) => join(e.parentPath, e.name))
        .sort(),
    );
  }
  return out;
}

/** What an import did, in counts (the outcomes themselves go to `onOutcome` one by one). */
export interface ImportSummary {
  /** Files read (a folder counts its files). */
  files: number;
  added: number;
  updated: number;
  /** Documents already stored with the same content (same hash, same record): skipped, nothing written. */
  unchanged: number;
  failed: number;
  /** Writes made (one per batch). */
  batches: number;
}

/** One write of a batch, for progress and figures. */
export interface BatchWritten {
  documents: number;
  /** Milliseconds of the store's write, and of the index update after it (when the store has an index file). */
  storeMs: number;
  indexMs: number;
}

export interface StreamOptions extends ImportOptions {
  /** Documents per write (each write atomic: all of the batch or none); default: one write at the end. */
  batchSize?: number;
  /** Reads chunks of files (paths) at once, one chunk ahead of the one being stored; else `read`, file by file. */
  readMany?: ReadFiles;
  /** Each document's outcome, as it comes. */
  onOutcome?: (outcome: ImportOutcome) => void;
  /** After each file: how many files are done of how many. */
  onProgress?: (done: number, total: number) => void;
  /** After each write. */
  onBatch?: (batch: BatchWritten) => void;
  /**
   * Called after each write with the records written and the store's revisions before and after it (the search
   * index update, corpus/import/import-batches.ts).
   */
  afterWrite?: (records: readonly CorpusDocument[], before: string, after: string) => Promise<void>;
}

/**
 * Imports files in batches: each file read and tagged on its own (`read`), one write per `batchSize` new or changed
 * documents, so a large collection is never held whole; a document already stored with the same content hash is
 * skipped, so running the same import again after an interruption adds nothing twice.
 */
export async function importStream(
  store: Store,
  files: readonly ImportInput[],
  options: StreamOptions = {},
): Promise<ImportSummary> {
  const now = options.now ?? new Date();
  const read = options.read ?? readAndTag;
  const batchSize = Math.max(1, options.batchSize ?? Number.POSITIVE_INFINITY);
  // Only ids and hashes are held, never the records: a document already stored is read when a file gives its hash.
  const existing = await store.documentHashes();
  const byHash = new Map<string, string>();
  const taken = new Set<string>();
  for (const d of existing) {
    taken.add(d.id);
    if (d.contentHash) byHash.set(d.contentHash, d.id);
  }
  const summary: ImportSummary = { files: 0, added: 0, updated: 0, unchanged: 0, failed: 0, batches: 0 };
  let toStore = new Map<string, CorpusDocument>();

  const overrides = options.overrides ?? {};
  // The files to read, each chunk let go once stored (a collection's paths are not held to its end).
  const { chunks, total } = await chunksOf(await expandFolders(files), options.readMany !== undefined);
  const readChunk = (chunk: Part[]): Promise<FileReading[][]> => {
    const many = options.readMany;
    // Uploads (bytes, not paths) are read one by one with `read`; paths and zip parts in one job.
    const p =
      many && chunk.every((x) => typeof x.input === "string" || "zip" in x.input)
        ? many(
            chunk.map((x) => x.input as ChunkInput),
            overrides,
            now,
          )
        : Promise.all(chunk.map((x) => read(x.input as ImportInput, overrides, now)));
    p.catch(() => undefined); // awaited below; a chunk read ahead must not fail unhandled meanwhile
    return p;
  };
  let done = 0;
  // Chunks read ahead of the one being stored (`readAhead`: the import threads never wait for this one).
  const ahead: Promise<FileReading[][]>[] = [];
  let next = 0;
  const fill = () => {
    while (ahead.length < readAhead && next < chunks.length) ahead.push(readChunk(chunks[next++]!));
  };
  for (let c = 0; c < chunks.length; c++) {
    fill();
    const readings = await ahead.shift()!;
    fill();
    const parts = chunks[c]!;
    for (const [k, fileReadings] of readings.entries()) {
      for (const reading of fileReadings) {
        const outcome = await place(reading);
        if (!outcome.ok) summary.failed++;
        else summary[outcome.action]++;
        options.onOutcome?.(outcome);
        if (toStore.size >= batchSize) await flush();
      }
      const part = parts[k]!;
      if (part.last) summary.files++;
      done += part.units;
      options.onProgress?.(done, total);
    }
    chunks[c] = [];
  }
  await flush();
  return summary;

  async function flush(): Promise<void> {
    if (options.dryRun || toStore.size === 0) return;
    const records = [...toStore.values()];
    toStore = new Map();
    const t0 = performance.now();
    const before = options.afterWrite ? await store.revision() : "";
    await store.putDocuments(records);
    const t1 = performance.now();
    if (options.afterWrite) await options.afterWrite(records, before, await store.revision());
    summary.batches++;
    options.onBatch?.({ documents: records.length, storeMs: t1 - t0, indexMs: performance.now() - t1 });
  }

  /** A reading's outcome: its id (kept from the record with its content hash, else new) and what the write does. */
  async function place(reading: FileReading): Promise<ImportOutcome> {
    const file = reading.file;
    if (!reading.ok) return { file, ok: false, problem: reading.problem };
    const { record: draft, tags, encoding, metadataOnly } = reading;
    const hash = draft.contentHash!;
    const previousId = byHash.get(hash);
    const previous =
      previousId === undefined ? undefined : (toStore.get(previousId) ?? (await store.document(previousId)));
    // A list's metadata never replaces the record of the document's own file, which has its text.
    if (previous && metadataOnly && previous.fullText !== undefined && draft.fullText === undefined)
      return { file, ok: true, action: "unchanged", record: previous, metadataOnly };
    const id = previous?.id ?? newId(draft, hash, taken);
    const carried = kept(previous, draft);
    const parsed = corpusDocumentSchema.safeParse({ ...carried.fields, ...draft, ...carried.provenance, id });
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      return {
        file,
        ok: false,
        problem: {
          kind: "invalid",
          details: { code: "input_invalid", field: i.path.map(String).join("."), problem: i.message },
        },
      };
    }
    const record = parsed.data;
    const action = previous
      ? sameContent(previous, record)
        ? "unchanged"
        : "updated"
      : toStore.has(id)
        ? "unchanged"
        : "added";
    taken.add(id);
    byHash.set(hash, id);
    if (action !== "unchanged") toStore.set(id, record);
    return {
      file,
      ok: true,
      action,
      record,
      ...(tags ? { tags } : {}),
      ...(encoding ? { encoding } : {}),
      ...(metadataOnly ? { metadataOnly } : {}),
    };
  }
}

/** At most so many files, and so many bytes, in a chunk read at once (a larger file or a zip goes alone). */
const chunkFiles = 100;
/** Chunks read ahead of the one being stored. */
const readAhead = 3;
const chunkBytes = 8 * 1024 * 1024;

/** Entries of a zip read in one part (a zip is read again for each part: fewer, larger parts). */
const zipPartEntries = 500;

/** One part of a chunk: what to read, how many files it counts for in the progress, whether it ends its file. */
interface Part {
  input: ImportInput | ChunkInput;
  units: number;
  last: boolean;
}

/**
 * The inputs in chunks to read at once, and how many files they count for (a zip: its entries). One by one unless
 * `together`; together, by count and size, a large zip of paths in parts of `zipPartEntries` entries, each alone.
 */
async function chunksOf(
  inputs: readonly ImportInput[],
  together: boolean,
): Promise<{ chunks: Part[][]; total: number }> {
  if (!together) return { chunks: inputs.map((input) => [{ input, units: 1, last: true }]), total: inputs.length };
  const chunks: Part[][] = [];
  let chunk: Part[] = [];
  let bytes = 0;
  let total = 0;
  const close = () => {
    if (chunk.length > 0) chunks.push(chunk);
    chunk = [];
    bytes = 0;
  };
  for (const input of inputs) {
    if (typeof input === "string" && extname(input).toLowerCase() === ".zip") {
      const entries = await zipEntries(input);
      close();
      if (entries === undefined || entries <= zipPartEntries) chunks.push([{ input, units: entries ?? 1, last: true }]);
      else
        for (let from = 0; from < entries; from += zipPartEntries) {
          const to = Math.min(entries, from + zipPartEntries);
          chunks.push([{ input: { zip: input, range: { from, to } }, units: to - from, last: to === entries }]);
        }
      total += entries ?? 1;
      continue;
    }
    const size =
      typeof input === "string" ? ((await stat(input).catch(() => undefined))?.size ?? 0) : input.bytes.byteLength;
    if (chunk.length >= chunkFiles || (chunk.length > 0 && bytes + size > chunkBytes)) close();
    chunk.push({ input, units: 1, last: true });
    bytes += size;
    total++;
  }
  close();
  return { chunks, total };
}

/** How many entries of a zip the import reads; undefined when it cannot tell (the read then says why). */
async function zipEntries(file: string): Promise<number | undefined> {
  try {
    if ((await stat(file)).size > sizeLimitOf(file)) return undefined;
    return readableZipEntries(new Uint8Array(await readFile(file)));
  } catch {
    return undefined;
  }
}

/** Imports files in one write (all of them or none) and returns every outcome, records included. */
export async function importFiles(
  store: Store,
  files: readonly ImportInput[],
  options: ImportOptions = {},
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  await importStream(store, files, { ...options, onOutcome: (o) => outcomes.push(o) });
  return outcomes;
}
