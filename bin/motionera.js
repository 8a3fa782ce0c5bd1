#!/usr/bin/env node
// Entry point only: the CLI is compiled from src/ into dist/ when the package is installed.
import { existsSync } from "node:fs";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("motionera: the program is not built yet. Run `npm install` (or `npm run build`) in the project folder.\n");
  process.exit(70);
}
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv);
