#!/usr/bin/env node
// Entry point only: the CLI is compiled and bundled from src/ into dist/cli/ when the package
// is installed (npm's `prepare` step).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = new URL("../dist/cli/", import.meta.url);
if (!existsSync(new URL("command-line.cjs", dir))) {
  process.stderr.write(
    "motionera: the program is not built yet. Run `npm install` (or `npm run build`) in the project folder.\n",
  );
  process.exit(70);
}
// V8's tiering for a command that lives a few seconds (src/cli/v8-tuning.ts); first, so it applies to all code.
(await import(new URL("v8-tuning.js", dir).href)).tuneForCommand(process.argv);
// A corpus import: run again in a child with glibc's mmap threshold fixed, so its memory stays flat
// (src/cli/import-allocator.ts). Before anything else loads: this process only waits.
if (process.argv[2] === "corpus" && process.argv[3] === "import") {
  const allocator = await import(new URL("import-allocator.js", dir).href);
  if (allocator.wantsFixedMmap(process.argv)) {
    process.exitCode = await allocator.runWithFixedMmap(process.argv);
    process.exit();
  }
  allocator.stopWithParent();
}
// A draft with a PDF: its PDF thread starts first, so the worker's own start overlaps with loading the rest.
const pdfWorker =
  process.argv[2] === "draft"
    ? (await import(new URL("pdf-prestart.js", dir).href)).startEarlyPdfWorker(process.argv)
    : undefined;
// The command line: one script run with its V8 code cache (src/loading/cached-script.ts), made by `npm run build`.
const { loadCachedScript, savesCodeCache } = await import(new URL("cached-script.js", dir).href);
const commandLine = loadCachedScript(fileURLToPath(new URL("command-line.cjs", dir)));
// Before the command line is parsed: worker threads start (a draft's PDF, a campaign), settings per command.
await commandLine.exports.prepare(process.argv, { pdfWorker });
process.exitCode = await commandLine.exports.main(process.argv);
// `npm run build` runs a campaign and a draft this way to make the caches (src/cli/build-code-cache.ts).
if (savesCodeCache()) commandLine.saveCache();
