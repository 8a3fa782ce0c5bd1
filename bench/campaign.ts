/**
 * Issue 5's campaign measure: all 290 municipalities × DOCX + PDF written to a folder by the
 * bundled CLI, with the worker pool (one thread per core) against the same campaign with
 * --workers 1 (all on the main thread). Each run is a fresh process (bench/campaign-child.ts),
 * so loading code and warming up count, and the peak RSS is that process's own (main thread
 * and workers). Runs alternate (pool, one thread, pool, …); medians reported; the ratio is
 * the speed-up (one thread's time over the pool's).
 * BENCH_CAMPAIGN_RUNS sets the number of runs per side (default 3).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { printTable, summarize, type Row } from "./stats.js";

export interface ChildResult {
  wallMs: number;
  /** CPU time of the whole process (every thread), user + system. */
  cpuMs: number;
  documents: number;
  written: number;
  skipped: number;
  maxRssKb: number;
}

const child = fileURLToPath(new URL("./campaign-child.js", import.meta.url));

/** One campaign in a fresh process (campaign-child.ts) with `workers` threads, writing `formats` into `dir`. */
export function runChild(workers: number, dir: string, formats = "docx,pdf"): ChildResult {
  const out = mkdtempSync(join(dir, `w${workers}-`));
  const r = spawnSync(process.execPath, [child, String(workers), out, formats, "kast-avtal"], { encoding: "utf8" });
  rmSync(out, { recursive: true, force: true });
  const figures = /^BENCH (.*)$/m.exec(r.stderr)?.[1];
  if (r.status !== 0 || !figures)
    throw new Error(`campaign child (${workers} workers) exited with ${r.status}: ${r.stderr}`);
  const { wallMs, maxRssKb, cpuMs } = JSON.parse(figures) as { wallMs: number; maxRssKb: number; cpuMs: number };
  const { counts } = JSON.parse(r.stdout) as {
    counts: { documents: number; written: number; skipped: number; failed: number };
  };
  return {
    wallMs,
    cpuMs,
    maxRssKb,
    documents: counts.documents,
    written: counts.written,
    skipped: counts.skipped + counts.failed,
  };
}

const median = (xs: number[]) => summarize(xs).median;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

export async function benchCampaign(runs = Number(process.env.BENCH_CAMPAIGN_RUNS ?? 3)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-campaign-"));
  const cores = availableParallelism();
  const pool: ChildResult[] = [];
  const one: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    pool.push(runChild(cores, dir));
    one.push(runChild(1, dir));
  }
  rmSync(dir, { recursive: true, force: true });
  const p = {
    wall: median(pool.map((r) => r.wallMs)),
    rss: Math.max(...pool.map((r) => r.maxRssKb)),
    docs: pool[0]!.documents,
  };
  const o = {
    wall: median(one.map((r) => r.wallMs)),
    rss: Math.max(...one.map((r) => r.maxRssKb)),
    docs: one[0]!.documents,
  };
  const rate = (docs: number, ms: number) => docs / (ms / 1000);
  const threads = cores;
  const rows: Row[] = [
    {
      measure: `wall time, whole process (median of ${runs})`,
      figure: s(p.wall),
      baseline: "one thread",
      baselineFigure: s(o.wall),
      ratio: o.wall / p.wall,
      target: "speed-up ≥ 1.7×",
      ok: o.wall / p.wall >= 1.7,
    },
    {
      measure: "fastest run",
      figure: s(Math.min(...pool.map((r) => r.wallMs))),
      baseline: "one thread",
      baselineFigure: s(Math.min(...one.map((r) => r.wallMs))),
      ratio: Math.min(...one.map((r) => r.wallMs)) / Math.min(...pool.map((r) => r.wallMs)),
    },
    {
      measure: "documents per second, whole process",
      figure: `${rate(p.docs, p.wall).toFixed(0)}/s`,
      baseline: "one thread",
      baselineFigure: `${rate(o.docs, o.wall).toFixed(0)}/s`,
      ratio: rate(p.docs, p.wall) / rate(o.docs, o.wall),
      target: "≥ 250/s",
      ok: rate(p.docs, p.wall) >= 250,
    },
    {
      measure: "peak RSS, process (main + workers)",
      figure: mb(p.rss),
      baseline: "one thread",
      baselineFigure: mb(o.rss),
      ratio: p.rss / o.rss,
      target: "≤ 250 MB",
      ok: p.rss <= 250 * 1024,
    },
  ];
  printTable(
    `Campaign: 290 municipalities × DOCX + PDF (${p.docs} documents written, ${pool[0]!.skipped} ` +
      `municipalities skipped), ${threads} threads (the main thread and ${threads - 1} ` +
      `worker${threads === 2 ? "" : "s"}) on ${cores} cores vs one thread`,
    rows,
  );
}
