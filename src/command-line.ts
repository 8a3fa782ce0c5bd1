/**
 * The whole command line as one CommonJS script (dist/cli/command-line.cjs), which bin/motionera.js
 * runs with its V8 code cache (src/loading/cached-script.ts) for every command but `draft` (src/draft-line.ts). The
 * worker threads' bundles are built beside it (src/loading/worker-entry.ts).
 */
import { prepareDraft, type StartedEarly } from "./command-prepare.js"; // first: it loads the extended zod

export type { StartedEarly } from "./command-prepare.js";
export { main } from "./main.js";

/**
 * What a command needs before its command line is parsed: a draft's (command-prepare.ts), and a campaign's head
 * start: its workers start loading while the rest of the command loads and checks the request.
 */
export async function prepare(argv: readonly string[], started: StartedEarly = {}): Promise<void> {
  await prepareDraft(argv, started);
  if (argv[2] === "campaign") (await import("./campaign/campaign-prestart.js")).prestartForArgv(argv, started.latch);
}
