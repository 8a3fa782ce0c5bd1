/**
 * One `motionera campaign` in a fresh process, for bench/campaign.ts: the bundled CLI
 * (dist/cli/command-line.cjs with its code cache, as bin/motionera.js runs it, with its worker head start) on all 290
 * municipalities × DOCX + PDF, written to a folder. The summary JSON goes to stdout as the
 * CLI prints it; a last line on stderr gives the wall time from process start (loading the
 * code counts) and the process's peak RSS (main thread and workers: threads share it).
 */
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const [workers, outDir, formats, template] = process.argv.slice(2);
const dir = new URL("../cli/", import.meta.url);
const argv = [
  process.execPath,
  "motionera",
  "campaign",
  "--template",
  template ?? "kast-avtal",
  "--author",
  "Anna Andersson (L), ledamot i kommunfullmäktige",
  "--date",
  "2026-11-24",
  "--format",
  formats ?? "docx,pdf",
  "--out",
  outDir!,
  "--workers",
  workers!,
  "--json",
];
// As bin/motionera.js does, in its order.
const start = createRequire(import.meta.url)(
  fileURLToPath(new URL("start.cjs", dir)),
) as typeof import("../src/loading/start.js");
const latch = start.newLatch(1);
start.loadNodeModules();
const commandLine = start.loadCachedScript(fileURLToPath(new URL("command-line.cjs", dir)));
const { main, prepare } = commandLine.exports as {
  main: (argv: string[]) => Promise<number>;
  prepare: (argv: readonly string[], started: { latch: SharedArrayBuffer }) => Promise<void>;
};
await prepare(argv, { latch });
start.bundleLoaded(latch);
const code = await main(argv);
// Every thread's CPU time (the process's), user and system.
const cpu = process.cpuUsage();
process.stderr.write(
  `\nBENCH ${JSON.stringify({
    code,
    wallMs: performance.now(),
    cpuMs: (cpu.user + cpu.system) / 1000,
    systemMs: cpu.system / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
