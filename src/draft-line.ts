/**
 * The draft command as one CommonJS script of its own (dist/cli/draft-line.cjs), which bin/motionera.js runs with its
 * V8 code cache for `motionera draft …`: it holds the draft's code only, not the service, the corpus or the other
 * commands, so a draft reads and deserializes less before it starts (README, "Speed"). The same `prepare` and
 * command line as src/command-line.ts, with one command.
 */
import "./domain/zod.js"; // zod's OpenAPI extension first, before any module makes a schema (as command-line.ts)
import { draftCommandTable } from "./cli/draft-command-table.js";
import { main as runCommandLine } from "./cli/main.js";

export { prepareDraft as prepare, type StartedEarly } from "./command-prepare.js";

/** No service in a draft's program: `serve` is not one of its commands. */
const noService = (): Promise<never> => Promise.reject(new Error("motionera draft does not start the service"));

export const main = (argv: string[]): Promise<number> =>
  runCommandLine(argv, { startService: noService }, draftCommandTable);
