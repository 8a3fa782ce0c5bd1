#!/usr/bin/env node
// Entry point only: the CLI is compiled and bundled from src/ into dist/cli/ when the package is installed (npm's
// `prepare` step). CommonJS (bin/package.json), like all a command loads before it runs: Node's ES-module loader
// would cost every command a few milliseconds (README, "Speed").
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

const dir = join(__dirname, "..", "dist", "cli");
if (!existsSync(join(dir, "command-line.cjs")) || !existsSync(join(dir, "start.cjs"))) {
  process.stderr.write(
    "motionera: the program is not built yet. Run `npm install` (or `npm run build`) in the project folder.\n",
  );
  process.exit(70);
}
// V8's tuning for a command that lives a few seconds (src/loading/v8-tuning.ts), a draft's early PDF thread and the
// bundles' loader: one small bundle (src/loading/start.ts). Every command but `serve` tunes V8 once it and the worker
// threads it starts as it loads have loaded their bundles, so all start on Node's code cache and their own
// (src/loading/tuning-latch.ts).
const start = require(join(dir, "start.cjs"));
const latch = start.tunesCommand(process.argv) ? start.newLatch(1, process.argv[2] === "draft") : undefined;
// A draft with a PDF: its PDF thread starts first of all, so the worker's own start overlaps with loading the rest.
const pdfWorker = process.argv[2] === "draft" ? start.startEarlyPdfWorker(process.argv, latch) : undefined;
start.loadNodeModules();

async function run() {
  // A corpus import: run again in a child with glibc's mmap threshold fixed, so its memory stays flat
  // (src/cli/import-allocator.ts). Before anything else loads: this process only waits.
  if (process.argv[2] === "corpus" && process.argv[3] === "import") {
    const allocator = await import(pathToFileURL(join(dir, "import-allocator.js")).href);
    if (allocator.wantsFixedMmap(process.argv)) {
      process.exitCode = await allocator.runWithFixedMmap(process.argv);
      process.exit();
    }
    allocator.stopWithParent();
  }
  // The command line: one script run with its V8 code cache (src/loading/cached-script.ts), made by `npm run build`;
  // a draft's own, smaller one for `motionera draft` (src/draft-line.ts).
  const script = process.argv[2] === "draft" && existsSync(join(dir, "draft-line.cjs")) ? "draft-line" : "command-line";
  const commandLine = start.loadCachedScript(join(dir, `${script}.cjs`));
  // Before the command line is parsed: worker threads start (a draft's PDF, a campaign), settings per command.
  await commandLine.exports.prepare(process.argv, { pdfWorker, latch });
  if (latch) start.bundleLoaded(latch);
  process.exitCode = await commandLine.exports.main(process.argv);
  // `npm run build` runs a campaign and a draft this way to make the caches (src/cli/build-code-cache.ts).
  if (start.savesCodeCache()) commandLine.saveCache();
}

run().catch((error) => {
  process.exitCode = 70;
  throw error;
});
