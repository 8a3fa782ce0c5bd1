/**
 * The jobs of the import thread (import-threads.ts): the costly, store-free parts of an
 * import — reading an uploaded multipart body, reading and checking a file of facts, reading
 * and tagging a document for the corpus, writing the answer as JSON. The same function runs them on the thread
 * (import-worker.ts) or, where no built worker script exists, in the caller's thread.
 */
import type { ChunkInput, FileReading, ImportInput } from "../corpus/import/import-files.js";
import type { Overrides } from "../corpus/import/overrides.js";
import type { Fact } from "../domain/fact.js";
import type { FactImportRequest, FactImportResult } from "../facts/import/import-facts.js";

/** A file from a multipart body: its name and bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A multipart body's fields by name, each with every value it was given, in order. */
export type UploadedForm = Record<string, (string | UploadedFile)[]>;

export type ImportJob =
  /** A multipart/form-data body to split into its fields (null: it is not one). */
  | { kind: "form"; body: Uint8Array; contentType: string }
  /** A file of facts to read, check and plan against the key's facts so far (import-facts.ts). */
  | { kind: "facts"; request: FactImportRequest; known: readonly Fact[] }
  /** A document to read and tag for the corpus (import-files.ts). */
  | { kind: "document"; input: ImportInput; overrides: Overrides; now: string }
  /** Several files (paths) to read and tag, one after another: a batched import's chunk (import-files.ts). */
  | { kind: "documents"; inputs: ChunkInput[]; overrides: Overrides; now: string }
  /** An answer to write as JSON (UTF-8): a plan or a record may carry megabytes of text. */
  | { kind: "json"; value: unknown };

export type ImportResult =
  | { kind: "form"; form: UploadedForm | null }
  | { kind: "facts"; result: FactImportResult }
  | { kind: "document"; readings: FileReading[] }
  | { kind: "documents"; readings: FileReading[][] }
  | { kind: "json"; bytes: Uint8Array };

/** A Buffer may be a view into a shared pool; a transferable needs its own ArrayBuffer. */
const own = (data: Uint8Array): Uint8Array =>
  data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();

/** Splits a multipart/form-data body with the platform's parser (undici, through Response). */
async function readForm(body: Uint8Array, contentType: string): Promise<UploadedForm | null> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
  const fields: UploadedForm = {};
  for (const [name, value] of form) {
    const v =
      typeof value === "string" ? value : { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
    fields[name] ??= [];
    fields[name].push(v);
  }
  return fields;
}

export async function runImportJob(job: ImportJob): Promise<ImportResult> {
  switch (job.kind) {
    case "form":
      return { kind: "form", form: await readForm(job.body, job.contentType) };
    // Loaded when first needed: a process that only drafts never loads the importers.
    case "facts": {
      const { checkFactFile } = await import("../facts/import/import-facts.js");
      return { kind: "facts", result: await checkFactFile(job.request, job.known) };
    }
    case "document": {
      const { readAndTag } = await import("../corpus/import/import-files.js");
      return { kind: "document", readings: await readAndTag(job.input, job.overrides, new Date(job.now)) };
    }
    case "documents": {
      const { readChunkInput } = await import("../corpus/import/import-files.js");
      const readings: FileReading[][] = [];
      for (const input of job.inputs) readings.push(await readChunkInput(input, job.overrides, new Date(job.now)));
      return { kind: "documents", readings };
    }
    case "json":
      // TextEncoder gives bytes of their own (a small Buffer would be a view into a shared pool).
      return { kind: "json", bytes: new TextEncoder().encode(JSON.stringify(job.value)) };
  }
}

/** The buffers a job carries, to transfer rather than copy (the sender no longer uses them). */
export function jobTransfer(job: ImportJob): ArrayBuffer[] {
  if (job.kind === "form") return [job.body.buffer as ArrayBuffer];
  if (job.kind === "facts") return [job.request.bytes.buffer as ArrayBuffer];
  if (job.kind === "json" || job.kind === "documents") return [];
  return typeof job.input === "string" ? [] : [job.input.bytes.buffer as ArrayBuffer];
}

/** Makes a job's buffers transferable (each its own ArrayBuffer). */
export function ownBuffers(job: ImportJob): ImportJob {
  if (job.kind === "form") return { ...job, body: own(job.body) };
  if (job.kind === "facts") return { ...job, request: { ...job.request, bytes: own(job.request.bytes) } };
  if (job.kind === "json" || job.kind === "documents") return job;
  return typeof job.input === "string" ? job : { ...job, input: { ...job.input, bytes: own(job.input.bytes) } };
}

/** The buffers of a result to transfer back: the files of a form. */
export function resultTransfer(result: ImportResult): ArrayBuffer[] {
  if (result.kind === "json") return [result.bytes.buffer as ArrayBuffer];
  if (result.kind !== "form" || !result.form) return [];
  return Object.values(result.form).flatMap((vs) =>
    vs.flatMap((v) => (typeof v === "string" ? [] : [v.bytes.buffer as ArrayBuffer])),
  );
}
