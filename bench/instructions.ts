/**
 * Instruction counts of the draft bench's in-process cases: a figure a change can be judged by
 * in one run on a shared, noisy machine, where wall-clock medians move with the neighbours'
 * load. `perf stat -e instructions` is not available on these virtual machines (the counter is
 * "not supported"), so each case runs under `valgrind --tool=callgrind` twice, with N documents
 * after the warm-up and with none, and the difference over N is one document's instructions.
 * Node runs with V8's `--predictable`: no concurrent collector or compiler threads, so the
 * collections and optimizations fall the same way every time. Without it the two runs' totals
 * moved by hundreds of millions of instructions from run to run (more than N documents cost: one
 * run counted a negative PDF); with it a repeated pair agreed within 0.3 % (60.0 and 59.8 M a PDF).
 * Still, runs half an hour apart gave docxtemplater 47, 51 and 81 M a document: V8 sizes its heap and schedules
 * collections by elapsed time too, and under valgrind that time follows the machine's load. With
 * `--predictable-gc-schedule` (a fixed heap growth, no idle or memory-reducing collections) four runs of 20
 * documents, two at a time, agreed within 2 M instructions in 9.1 G, where without it they spread over 139 M.
 * BENCH_INSTRUCTIONS=0 skips; BENCH_INSTRUCTIONS_RUNS sets N (default 20).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DraftCase } from "./draft-pipeline.js";

const child = fileURLToPath(new URL("./instructions-child.js", import.meta.url));
const WARMUP = 30;

export function hasValgrind(): boolean {
  return spawnSync("valgrind", ["--version"], { stdio: "ignore" }).status === 0;
}

function totalInstructions(name: DraftCase, runs: number, dir: string): number {
  const out = join(dir, `cg-${name}-${runs}.out`);
  const r = spawnSync(
    "valgrind",
    [
      "--tool=callgrind",
      `--callgrind-out-file=${out}`,
      process.execPath,
      "--predictable",
      "--predictable-gc-schedule",
      child,
      name,
      String(runs),
      String(WARMUP),
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const total = /Collected : (\d+)/.exec(r.stderr)?.[1];
  if (r.status !== 0 || !total)
    throw new Error(`valgrind on ${name} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
  return Number(total);
}

/** Instructions of one run of each case, by case. */
export function instructionsPerRun(
  names: readonly DraftCase[],
  runs = Number(process.env.BENCH_INSTRUCTIONS_RUNS ?? 20),
): Map<DraftCase, number> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-cg-"));
  try {
    const out = new Map<DraftCase, number>();
    for (const name of names) {
      const base = totalInstructions(name, 0, dir);
      out.set(name, (totalInstructions(name, runs, dir) - base) / runs);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "41.2 M" */
export const millions = (n: number) => `${(n / 1e6).toFixed(1)} M`;
