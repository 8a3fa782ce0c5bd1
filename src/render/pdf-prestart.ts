/**
 * The PDF thread of one `motionera draft`, started by bin/motionera.js before anything else loads (an ES module of
 * its own, dist/cli/pdf-prestart.js): its worker's own Node start (about 60 ms before any of our code runs in it),
 * the fonts and a small warm-up draft then overlap with loading the command line too, not only with composing the
 * draft. The command line's pool adopts the worker (pdf-thread.ts). Only a head start: a wrong guess costs a thread,
 * never a result.
 */
import type { ResourceLimits } from "node:worker_threads";
import { joinLatch, latchKey } from "../loading/tuning-latch.js";
import { builtWorker } from "../loading/worker-entry.js";
import { startEarlyWorker, type EarlyWorker } from "../threads/early-worker.js";
import type { RenderWorkerData } from "./render-worker.js";

/** What the PDF thread loads before its one job: the PDF writer and fonts, no rehearsal (render-worker.ts). */
export const pdfThreadData: RenderWorkerData = { warm: ["pdf"], rehearse: false };

/**
 * The PDF thread's young generation, kept small: for one document, V8 otherwise grows it to tens of megabytes that
 * the thread touches page by page and, when it stops, gives back, on a machine where the kernel's work on memory was a
 * fifth of a draft's CPU time. One `motionera draft` → DOCX + PDF took 9 % less time with 2 MB (1, 2 and 4 MB
 * measured alike; README, "Speed"). A campaign's or the service's writer threads keep V8's default: they render
 * document after document, and a small young generation would promote more of what each leaves behind.
 */
export const pdfThreadLimits: ResourceLimits = { maxYoungGenerationSizeMb: 2 };

/** Whether the command line asks for a draft with a PDF (the default formats include it). */
export function wantsPdfThread(argv: readonly string[]): boolean {
  if (argv[2] !== "draft") return false;
  const i = argv.findIndex((a) => a === "--format" || a === "-f" || a.startsWith("--format="));
  const list = i < 0 ? "pdf" : argv[i]!.startsWith("--format=") ? argv[i]!.slice(9) : (argv[i + 1] ?? "");
  return /\bpdf\b/i.test(list);
}

/**
 * The PDF thread's worker, started now, when the command line asks for a PDF and a built worker exists. With a
 * `latch`, it joins it and counts down once its bundle has loaded (loading/tuning-latch.ts).
 */
export function startEarlyPdfWorker(argv: readonly string[], latch?: SharedArrayBuffer): EarlyWorker | undefined {
  if (!wantsPdfThread(argv)) return undefined;
  const entry = builtWorker(import.meta.url, "render-worker");
  if (!entry) return undefined;
  if (latch) joinLatch(latch, 1);
  const workerData: RenderWorkerData & { [latchKey]?: SharedArrayBuffer } = {
    ...pdfThreadData,
    ...(latch ? { [latchKey]: latch } : {}),
  };
  return startEarlyWorker(entry.script, { workerData, argv: entry.argv, resourceLimits: pdfThreadLimits });
}
