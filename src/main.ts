/**
 * The program's composition root: the command line, given the web service it starts with
 * `motionera serve`. The only module that reaches both edges (src/cli and src/server); bundled
 * through src/command-line.ts (dist/cli/command-line.cjs).
 */
import { commandTable } from "./cli/command-table.js";
import { main as runCommandLine } from "./cli/main.js";

export const main = (argv: string[]): Promise<number> =>
  runCommandLine(
    argv,
    {
      // Loaded only when the service starts, so other commands never load the server.
      startService: async (workspace, listen, options) =>
        (await import("./server/serve.js")).startServer(workspace, listen, options),
    },
    commandTable,
  );
