/**
 * The most a campaign can make on this machine: the 290 municipalities' drafts of the campaign bench (kast-avtal,
 * one signer) composed beforehand, then only written as DOCX + PDF, in memory, warm, no files, no start-up, on one
 * worker thread and on one per core. Once with our writers, once with the baseline libraries (docxtemplater filling
 * an equivalent template, pdfkit with its built-in Helvetica). A whole campaign also starts a process, composes
 * and writes files, so its rate is below these; where they are below the ≥ 250/s target, so is any campaign made
 * with writers of the baselines' speed on this machine. Then a bound for each: the CPU time of a whole campaign that
 * writes Markdown only (start-up, composing, files; bench/campaign-child.ts) plus the writers' CPU time for every
 * document (the process's, all threads), spread over all cores with none idle. Runs alternate; medians of
 * BENCH_CAMPAIGN_RUNS (3).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { allMunicipalities } from "../src/data/places.js";
import type { Draft } from "../src/domain/draft.js";
import { Workspace } from "../src/workspace.js";
import { runChild } from "./campaign.js";
import { printTable, summarize, type Row } from "./stats.js";

const workerFile = fileURLToPath(new URL("./campaign-ceiling-worker.js", import.meta.url));

async function composeCampaign(): Promise<Draft[]> {
  const ws = await Workspace.open();
  const drafts: Draft[] = [];
  for (const place of allMunicipalities()) {
    try {
      const composed = await ws.compose({
        template: "kast-avtal",
        municipality: place.name,
        authors: [{ name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" }],
        date: "2026-11-24",
        inputs: {},
      });
      drafts.push(composed.draft);
    } catch {
      // A municipality the template cannot draft is not part of the campaign either.
    }
  }
  return drafts;
}

interface Rate {
  /** Documents per second. */
  perSecond: number;
  /** CPU time of the whole process (every thread: the writers', V8's collector and compiler threads), seconds. */
  cpuSeconds: number;
}

/** Documents per second with `threads` worker threads sharing the drafts (round robin), all starting together. */
async function rate(drafts: readonly Draft[], threads: number, writers: "ours" | "baselines"): Promise<Rate> {
  const shares = Array.from({ length: threads }, (_, t) => drafts.filter((_, i) => i % threads === t));
  const workers = shares.map((share) => new Worker(workerFile, { workerData: { drafts: share, writers } }));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once("message", resolve))));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const done = workers.map(
    (w) =>
      new Promise<{ documents: number }>((resolve, reject) => {
        w.once("message", resolve);
        w.once("error", reject);
      }),
  );
  for (const w of workers) w.postMessage("go");
  const results = await Promise.all(done);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await Promise.all(workers.map((w) => w.terminate()));
  return {
    perSecond: results.reduce((n, r) => n + r.documents, 0) / (ms / 1000),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

export async function benchCampaignCeiling(runs = Number(process.env.BENCH_CAMPAIGN_RUNS ?? 3)): Promise<void> {
  const drafts = await composeCampaign();
  const cores = availableParallelism();
  const figures = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    for (const writers of ["ours", "baselines"] as const) {
      for (const threads of [1, cores]) {
        const key = `${writers}/${threads}`;
        const r = await rate(drafts, threads, writers);
        figures.set(key, [...(figures.get(key) ?? []), r.perSecond]);
        cpu.set(key, [...(cpu.get(key) ?? []), r.cpuSeconds]);
      }
    }
  }
  const med = (k: string) => summarize(figures.get(k)!).median;
  const perSecond = (x: number) => `${x.toFixed(0)}/s`;
  const row = (writers: "ours" | "baselines", label: string): Row => ({
    measure: `${label}, ${cores} threads (median of ${runs})`,
    figure: perSecond(med(`${writers}/${cores}`)),
    baseline: "one thread",
    baselineFigure: perSecond(med(`${writers}/1`)),
    ratio: med(`${writers}/${cores}`) / med(`${writers}/1`),
    target: "≥ 250/s possible",
    ok: med(`${writers}/${cores}`) >= 250,
  });
  // The rest of a campaign in CPU time: the same campaign writing Markdown only (start-up, every compose, the
  // files; the Markdown writer's small cost included), a fresh process each run.
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-ceiling-"));
  const rest = summarize(Array.from({ length: runs }, () => runChild(cores, dir, "md").cpuMs)).median / 1000;
  rmSync(dir, { recursive: true, force: true });
  const documents = drafts.length * 2;
  /**
   * The most a whole campaign can make with these writers: their CPU time for every document (the smaller median of
   * one thread and all threads: the one the campaign could hope for) plus the rest, spread over all cores with none
   * idle. CPU time, not one thread's rate: a thread writing alone has V8's collector and compiler working beside it
   * on the other core, which a campaign that keeps every core busy does not have spare.
   */
  const bound = (writers: "ours" | "baselines"): Row => {
    const medCpu = (k: string) => summarize(cpu.get(k)!).median;
    const writing = Math.min(medCpu(`${writers}/1`), medCpu(`${writers}/${cores}`));
    const seconds = (rest + writing) / cores;
    return {
      measure: `bound from CPU time, ${writers === "ours" ? "our writers" : "baseline libraries"}, ${cores} cores`,
      figure: perSecond(documents / seconds),
      baseline: "CPU: writing + the rest of a campaign",
      baselineFigure: `${writing.toFixed(2)} s + ${rest.toFixed(2)} s`,
      ratio: documents / seconds / 250,
      target: "≥ 250/s possible",
      ok: documents / seconds >= 250,
    };
  };
  printTable(
    `Campaign ceiling: ${drafts.length} drafts composed beforehand, only written (DOCX + PDF, ${documents} ` +
      "documents), in memory, warm",
    [
      row("ours", "our writers (DOCX, PDF with DejaVu Sans)"),
      row("baselines", "baseline libraries (docxtemplater fill, pdfkit Helvetica)"),
      bound("ours"),
      bound("baselines"),
    ],
  );
  process.stdout.write(
    "A whole campaign also loads its code, composes every draft and writes the files: it cannot exceed the\n" +
      "first two rows. The bounds add the CPU time of a campaign that writes Markdown only (start-up, composing,\n" +
      "files) to the writers' CPU time for every document, warm, and spread it over every core without a moment\n" +
      "idle: where a bound says MISSED, ≥ 250 documents/s is beyond this machine with writers of that speed.\n",
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchCampaignCeiling();
