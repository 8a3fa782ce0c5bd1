/**
 * The import thread: imports of facts and corpus documents, from the command line and the
 * web service, do their reading, parsing and checking on a worker thread (import-worker.ts),
 * so the thread that answers /healthz, searches and drafts is never held up by one. A job
 * given an AbortSignal (a request that timed out or went away) stops when it fires: the
 * thread is terminated mid-job and replaced.
 *
 * One thread, one job at a time: a process holds one import's worth of memory, and the
 * thread's heap is limited (`importHeapLimitMb`), so even a file built to exhaust it fails
 * with a reason instead of growing the process. The service also reads one upload at a time
 * (`importTurn`), so waiting imports hold no bodies.
 *
 * Module state: one pool per process, started on first use (most processes never import);
 * an idle thread keeps no process alive. Where no built worker script exists (tests running
 * the TypeScript sources), jobs run in the calling thread.
 */
import { availableParallelism } from "node:os";
import type { FileReading, ReadFile, ReadFiles } from "../corpus/import/import-files.js";
import { memoryReadProblem } from "../corpus/import/read-text.js";
import { MotioneraError, type ErrorDetails } from "../domain/errors.js";
import { memoryIssue, type FactFileCheck } from "../facts/import/import-facts.js";
import { fileProblem } from "../facts/import/issues.js";
import {
  jobTransfer,
  ownBuffers,
  runImportJob,
  type ImportJob,
  type ImportResult,
  type UploadedForm,
} from "./import-jobs.js";
import { builtWorker, type WorkerEntry } from "../loading/worker-entry.js";
import { Turnstile } from "./turnstile.js";
import { WorkerJobError, WorkerPool } from "./worker-pool.js";

/**
 * The import thread's heap (old generation) limit. Checking the largest file of facts (20 MB)
 * needs far less; tagging the largest plain-text document (19 MB of text) needs most of it
 * (RELIABILITY.md has the figures).
 */
export const importHeapLimitMb = 512;

let pool: WorkerPool<ImportJob, ImportResult> | undefined;

/**
 * A batched import's chunks (`readManyOnImportThread`) are read on threads of their own, two where the machine has
 * two cores: the calling thread mostly waits for them (it stores and indexes a batch in a fraction of the time
 * the batch takes to read and tag), and the service's one import thread stays free for uploads.
 */
export const importChunkThreads = Math.max(1, Math.min(2, availableParallelism()));
let chunkPool: WorkerPool<ImportJob, ImportResult> | undefined;
const uploads = new Turnstile(1);

/** The worker beside this module (import-worker), or undefined when running from TypeScript sources. */
const importWorker = (): WorkerEntry | undefined => builtWorker(import.meta.url, "import-worker");

/** Whether jobs run on the import thread (false: in the calling thread, see the module comment). */
export const onImportThread = (): boolean => importWorker() !== undefined;

/** The service's uploads wait here for their turn, before their body is read; call the function returned when done. */
export const importTurn = (signal?: AbortSignal): Promise<() => void> => uploads.enter(signal);

/** The import thread ran out of heap: the job needed more than `importHeapLimitMb`. */
export class ImportMemoryError extends Error {
  constructor() {
    super(`the import needed more than ${importHeapLimitMb} MB`);
  }
}

async function run(job: ImportJob, signal: AbortSignal | undefined): Promise<ImportResult> {
  const entry = importWorker();
  if (!entry) {
    signal?.throwIfAborted();
    const result = await runImportJob(job);
    signal?.throwIfAborted();
    return result;
  }
  const limits = { maxOldGenerationSizeMb: importHeapLimitMb, maxYoungGenerationSizeMb: 8 };
  let on: WorkerPool<ImportJob, ImportResult>;
  if (job.kind === "documents") {
    chunkPool ??= new WorkerPool<ImportJob, ImportResult>({
      ...entry,
      size: importChunkThreads,
      perWorker: 1,
      resourceLimits: limits,
    });
    on = chunkPool;
  } else {
    pool ??= new WorkerPool<ImportJob, ImportResult>({ ...entry, size: 1, perWorker: 1, resourceLimits: limits });
    on = pool;
  }
  const sendable = ownBuffers(job);
  try {
    return await on.run(sendable, jobTransfer(sendable), signal);
  } catch (e) {
    if (e instanceof WorkerJobError && e.details !== undefined) throw new MotioneraError(e.details as ErrorDetails);
    if ((e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") throw new ImportMemoryError();
    throw e;
  }
}

/**
 * A multipart/form-data body's fields, read on the import thread; null when it is not one. The body is handed over
 * (transferred).
 */
export async function readUploadedForm(
  body: Uint8Array,
  contentType: string,
  signal?: AbortSignal,
): Promise<UploadedForm | null> {
  const r = await run({ kind: "form", body, contentType }, signal);
  if (r.kind !== "form") throw new Error(`unexpected ${r.kind} result`);
  return r.form;
}

/** A value written as JSON (UTF-8) on the import thread: an answer may carry megabytes of text. */
export async function jsonOnImportThread(value: unknown, signal?: AbortSignal): Promise<Uint8Array> {
  const r = await run({ kind: "json", value }, signal);
  if (r.kind !== "json") throw new Error(`unexpected ${r.kind} result`);
  return r.bytes;
}

/** Checks a file of facts on the import thread (the request's bytes are handed over); for importFacts. */
export const checkOnImportThread =
  (signal?: AbortSignal): FactFileCheck =>
  async (request, known) => {
    try {
      const r = await run({ kind: "facts", request, known }, signal);
      if (r.kind !== "facts") throw new Error(`unexpected ${r.kind} result`);
      return r.result;
    } catch (e) {
      if (e instanceof ImportMemoryError) fileProblem(request.fileName, memoryIssue(importHeapLimitMb));
      throw e;
    }
  };

/** Reads and tags a document on the import thread (uploaded bytes are handed over); for importFiles. */
export const readOnImportThread =
  (signal?: AbortSignal): ReadFile =>
  async (input, overrides, now): Promise<FileReading[]> => {
    try {
      const r = await run({ kind: "document", input, overrides, now: now.toISOString() }, signal);
      if (r.kind !== "document") throw new Error(`unexpected ${r.kind} result`);
      return r.readings;
    } catch (e) {
      if (e instanceof ImportMemoryError)
        return [
          {
            file: typeof input === "string" ? input : input.name,
            ok: false,
            problem: { kind: "read", problem: memoryReadProblem(importHeapLimitMb) },
          },
        ];
      throw e;
    }
  };

/**
 * Reads and tags several files (paths) on the import thread in one job, for a batched import (importStream): the thread
 * reads the next chunk while this one stores the last. A chunk that runs the thread out of memory is read again file
 * by file, so only the file that needs too much fails.
 */
export const readManyOnImportThread =
  (signal?: AbortSignal): ReadFiles =>
  async (inputs, overrides, now): Promise<FileReading[][]> => {
    try {
      const r = await run({ kind: "documents", inputs, overrides, now: now.toISOString() }, signal);
      if (r.kind !== "documents") throw new Error(`unexpected ${r.kind} result`);
      return r.readings;
    } catch (e) {
      if (!(e instanceof ImportMemoryError)) throw e;
      if (inputs.length === 1) {
        const only = inputs[0]!;
        const file = typeof only === "string" ? only : only.zip;
        return [[{ file, ok: false, problem: { kind: "read", problem: memoryReadProblem(importHeapLimitMb) } }]];
      }
      const read = readManyOnImportThread(signal);
      const out: FileReading[][] = [];
      for (const input of inputs) out.push(...(await read([input], overrides, now)));
      return out;
    }
  };

/**
 * How many import threads were started (a thread stopped for an aborted job is replaced), and how many jobs they hold:
 * for tests and figures.
 */
export function importThreadState(): { threadsStarted: number; jobsRunning: number } {
  return { threadsStarted: pool?.spawned ?? 0, jobsRunning: pool?.running ?? 0 };
}

/** Stops the import thread (tests; a process that imports ends without it). */
export async function closeImportThread(): Promise<void> {
  const p = pool;
  const c = chunkPool;
  pool = undefined;
  chunkPool = undefined;
  await Promise.all([p?.close(), c?.close()]);
}
