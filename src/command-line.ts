/**
 * The whole command line as one CommonJS script (dist/cli/command-line.cjs), which bin/motionera.js
 * runs with its V8 code cache (src/loading/cached-script.ts). The worker threads' bundles are
 * built beside it (src/loading/worker-entry.ts).
 *
 * zod's OpenAPI extension comes first, before any module makes a schema (src/domain/zod.ts).
 */
import "./domain/zod.js";
import { prestartForArgv as prestartPdfThread } from "./render/pdf-thread.js";

export { main } from "./main.js";

/**
 * A head start for the commands that use worker threads, before the command line is parsed: a
 * draft with a PDF starts the PDF thread, a campaign its workers, so they load while the rest of
 * the command loads and checks the request.
 */
export async function prestart(argv: readonly string[]): Promise<void> {
  if (argv[2] === "draft") prestartPdfThread(argv);
  if (argv[2] === "campaign") (await import("./campaign/campaign-prestart.js")).prestartForArgv(argv);
}
