/**
 * Issue 5's campaign measure: all 290 municipalities × DOCX + PDF written to a folder by the
 * bundled CLI, with the worker pool (one thread per core) against the same campaign with
 * --workers 1 (all on the main thread). Each run is a fresh process (bench/campaign-child.ts),
 * so loading code and warming up count, and the peak RSS is that process's own (main thread
 * and workers). Runs alternate (pool, one thread, pool, …); medians reported; the ratio is
 * the speed-up (one thread's time over the pool's).
 *
 * Where the machine has a folder in memory (/dev/shm, tmpfs), the pool's campaign is also written there, in the same
 * alternation. On a disk, creating each file costs the kernel CPU time that varies with what the file system did
 * lately (on this machine's ext4 without a journal, 0.05 to over 1 ms a file: 580 files are up to a sixth of the
 * campaign's CPU); the two rows side by side, with each run's kernel (system) CPU time, show how much of the wall
 * time that was.
 * BENCH_CAMPAIGN_RUNS sets the number of runs per side (default 3).
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, statfsSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { printTable, summarize, type Row } from "./stats.js";

export interface ChildResult {
  wallMs: number;
  /** CPU time of the whole process (every thread), user + system. */
  cpuMs: number;
  /** Of that, the kernel's (system) time: creating and writing the files, mapping memory. */
  systemMs: number;
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
  const { wallMs, maxRssKb, cpuMs, systemMs } = JSON.parse(figures) as {
    wallMs: number;
    maxRssKb: number;
    cpuMs: number;
    systemMs: number;
  };
  const { counts } = JSON.parse(r.stdout) as {
    counts: { documents: number; written: number; skipped: number; failed: number };
  };
  return {
    wallMs,
    cpuMs,
    systemMs,
    maxRssKb,
    documents: counts.documents,
    written: counts.written,
    skipped: counts.skipped + counts.failed,
  };
}

/** Linux's magic number for tmpfs in statfs. */
const TMPFS_MAGIC = 0x01021994;

/** A fresh folder in memory (tmpfs at /dev/shm), or undefined where there is none to write. */
function memoryFolder(): string | undefined {
  try {
    if (statfsSync("/dev/shm").type !== TMPFS_MAGIC) return undefined;
    accessSync("/dev/shm", constants.W_OK);
    return mkdtempSync("/dev/shm/motionera-bench-campaign-");
  } catch {
    return undefined;
  }
}

const median = (xs: number[]) => summarize(xs).median;
const rate = (docs: number, ms: number) => docs / (ms / 1000);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

export async function benchCampaign(runs = Number(process.env.BENCH_CAMPAIGN_RUNS ?? 3)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-campaign-"));
  const cores = availableParallelism();
  const memory = memoryFolder();
  const pool: ChildResult[] = [];
  const inMemory: ChildResult[] = [];
  const one: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    pool.push(runChild(cores, dir));
    if (memory) inMemory.push(runChild(cores, memory));
    one.push(runChild(1, dir));
  }
  rmSync(dir, { recursive: true, force: true });
  if (memory) rmSync(memory, { recursive: true, force: true });
  const p = {
    wall: median(pool.map((r) => r.wallMs)),
    rss: Math.max(...pool.map((r) => r.maxRssKb)),
    docs: pool[0]!.documents,
    systemMs: median(pool.map((r) => r.systemMs)),
  };
  const o = {
    wall: median(one.map((r) => r.wallMs)),
    rss: Math.max(...one.map((r) => r.maxRssKb)),
    docs: one[0]!.documents,
    systemMs: median(one.map((r) => r.systemMs)),
  };
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
      measure: "kernel (system) CPU time of a run, median",
      figure: s(p.systemMs),
      baseline: "one thread",
      baselineFigure: s(o.systemMs),
      ratio: p.systemMs / o.systemMs,
    },
    ...(inMemory.length ? memoryRows(inMemory, p) : []),
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
  if (!memory) console.log("(no folder in memory at /dev/shm: the campaign was written to disk only)");
  printTable(
    `Campaign: 290 municipalities × DOCX + PDF (${p.docs} documents written, ${pool[0]!.skipped} ` +
      `municipalities skipped), ${threads} threads (the main thread and ${threads - 1} ` +
      `worker${threads === 2 ? "" : "s"}) on ${cores} cores vs one thread`,
    rows,
  );
}

/** The pool's campaign written to a folder in memory, beside the same written to disk (`disk`). */
function memoryRows(runs: ChildResult[], disk: { wall: number; docs: number; systemMs: number }): Row[] {
  const wall = median(runs.map((r) => r.wallMs));
  return [
    {
      measure: `documents per second, files in memory (tmpfs; median of ${runs.length})`,
      figure: `${rate(runs[0]!.documents, wall).toFixed(0)}/s`,
      baseline: "files on disk",
      baselineFigure: `${rate(disk.docs, disk.wall).toFixed(0)}/s`,
      ratio: disk.wall / wall,
      target: "≥ 250/s",
      ok: rate(runs[0]!.documents, wall) >= 250,
    },
    {
      measure: "kernel (system) CPU time, files in memory",
      figure: s(median(runs.map((r) => r.systemMs))),
      baseline: "files on disk",
      baselineFigure: s(disk.systemMs),
      ratio: median(runs.map((r) => r.systemMs)) / disk.systemMs,
    },
  ];
}
