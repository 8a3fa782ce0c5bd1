/**
 * Called by the entry point (bin/motionera.js) before the rest of the program loads: for
 * `motionera campaign`, start the worker threads at once, so they load the writers, parse
 * the fonts and warm up while the main thread loads the command line and checks the
 * request. Only a head start: getting it wrong costs threads, never a result (the campaign
 * takes them only if they fit; unused ones never keep the process alive).
 */
import { availableParallelism } from "node:os";
import { prestartWorkers } from "./pool.js";
import type { Format } from "../render/index.js";

function option(argv: readonly string[], long: string, short?: string): string | undefined {
  let found: string | undefined;
  argv.forEach((a, i) => {
    if (a === long || (short && a === short)) found = argv[i + 1];
    else if (a.startsWith(`${long}=`)) found = a.slice(long.length + 1);
  });
  return found;
}

/** With `latch`, the command's tuning latch (loading/tuning-latch.ts), which the workers join. */
export function prestartForArgv(argv: readonly string[], latch?: SharedArrayBuffer): void {
  if (argv[2] !== "campaign" || argv.includes("--help") || argv.includes("-h")) return;
  const workers = Number(option(argv, "--workers") ?? availableParallelism());
  if (!Number.isInteger(workers) || workers < 2 || workers > 64) return;
  const formats = (option(argv, "--format", "-f") ?? "docx,pdf").split(",").map((f) => f.trim().toLowerCase());
  const warm = (["docx", "pdf"] as Format[]).filter((f) => formats.includes(f));
  const db = option(argv, "--db");
  const templatesDir = option(argv, "--templates");
  prestartWorkers(workers, { ...(db ? { db } : {}), ...(templatesDir ? { templatesDir } : {}) }, warm, latch);
}
