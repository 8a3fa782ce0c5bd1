/**
 * What a draft needs before its command line is parsed, in both bundles bin/motionera.js runs: the whole command
 * line (src/command-line.ts) and the draft's (src/draft-line.ts).
 *
 * zod's OpenAPI extension comes first, before any module makes a schema (src/domain/zod.ts).
 */
import { z } from "./domain/zod.js";
import { prestartForArgv as prestartPdfThread } from "./render/pdf-thread.js";
import type { EarlyWorker } from "./threads/early-worker.js";

/** What bin/motionera.js started before this bundle loaded. */
export interface StartedEarly {
  pdfWorker?: EarlyWorker;
  /** The command's tuning latch (loading/tuning-latch.ts), for the worker threads it starts now to join. */
  latch?: SharedArrayBuffer;
}

/**
 * What a draft needs before its command line is parsed (the whole command line adds a campaign's head start):
 * - a draft with a PDF starts the PDF thread (or takes the worker bin/motionera.js started before this bundle loaded,
 *   src/render/pdf-prestart.ts), so it loads while the rest of the command loads and checks the request;
 * - a draft (one document) has zod check without compiling its validators first. zod 4 compiles an object schema
 *   into a function (`new Function`) the first time it checks a value, which a process that checks one request and
 *   reads one database never repays: reading the shipped database took about 6 ms instead of 10–13 ms, a whole
 *   draft 3–4 % less (README, "Speed"). A campaign and the service check enough to gain from compiling.
 */
export async function prepareDraft(argv: readonly string[], started: StartedEarly = {}): Promise<void> {
  if (argv[2] !== "draft") return;
  z.config({ jitless: true });
  prestartPdfThread(argv, started.pdfWorker);
}
