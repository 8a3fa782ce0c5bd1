/**
 * The whole command line as one CommonJS script (dist/cli/command-line.cjs), which bin/motionera.js
 * runs with its V8 code cache (src/loading/cached-script.ts). The worker threads' bundles are
 * built beside it (src/loading/worker-entry.ts).
 *
 * zod's OpenAPI extension comes first, before any module makes a schema (src/domain/zod.ts).
 */
import { z } from "./domain/zod.js";
import { prestartForArgv as prestartPdfThread } from "./render/pdf-thread.js";
import type { EarlyWorker } from "./threads/early-worker.js";

export { main } from "./main.js";

/** Worker threads bin/motionera.js started before this bundle loaded. */
export interface StartedEarly {
  pdfWorker?: EarlyWorker;
}

/**
 * What a command needs before its command line is parsed:
 * - a head start for the commands that use worker threads: a draft with a PDF starts the PDF thread (or takes the
 *   worker bin/motionera.js started before this bundle loaded, src/render/pdf-prestart.ts), a campaign its workers,
 *   so they load while the rest of the command loads and checks the request;
 * - a draft (one document) has zod check without compiling its validators first. zod 4 compiles an object schema
 *   into a function (`new Function`) the first time it checks a value, which a process that checks one request and
 *   reads one database never repays: reading the shipped database took about 6 ms instead of 10–13 ms, a whole
 *   draft 3–4 % less (README, "Speed"). A campaign and the service check enough to gain from compiling.
 */
export async function prepare(argv: readonly string[], started: StartedEarly = {}): Promise<void> {
  if (argv[2] === "draft") {
    z.config({ jitless: true });
    prestartPdfThread(argv, started.pdfWorker);
  }
  if (argv[2] === "campaign") (await import("./campaign/campaign-prestart.js")).prestartForArgv(argv);
}
