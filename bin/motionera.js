#!/usr/bin/env node
// Entry point only: the CLI is compiled and bundled from src/ into dist/cli/ when the package
// is installed (npm's `prepare` step).
import { existsSync } from "node:fs";

const dir = new URL("../dist/cli/", import.meta.url);
if (!existsSync(new URL("main.js", dir))) {
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
// Zod extended for OpenAPI before any module makes a schema: the bundle's chunks reach zod
// directly, so only loading the extension first, as its own entry, fixes the order.
await import(new URL("zod.js", dir).href);
// A draft with a PDF: let the PDF writer load on the second core while the rest loads here.
if (process.argv[2] === "draft") (await import(new URL("pdf-thread.js", dir).href)).prestartForArgv(process.argv);
// A campaign: start its worker threads now, so they warm up while the rest loads and checks the request.
if (process.argv[2] === "campaign")
  (await import(new URL("campaign-prestart.js", dir).href)).prestartForArgv(process.argv);
const { main } = await import(new URL("main.js", dir).href);
process.exitCode = await main(process.argv);
