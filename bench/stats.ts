/** Small, dependency-free measuring tools for the benchmarks: timing loops, percentiles, tables. */
import { performance } from "node:perf_hooks";

export interface Sample {
  median: number;
  p95: number;
  min: number;
  n: number;
}

export function summarize(xs: readonly number[]): Sample {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { median: at(0.5), p95: at(0.95), min: s[0]!, n: s.length };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, each timed alone (milliseconds). */
export async function timeIt(fn: () => unknown, runs: number, warmup = Math.min(50, runs)): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return summarize(xs);
}

/**
 * Times two functions in alternation (A B A B …) so drift on a shared machine hits both alike;
 * returns each one's sample.
 */
export async function timePair(
  a: () => unknown,
  b: () => unknown,
  runs: number,
  warmup = Math.min(30, runs),
): Promise<[Sample, Sample]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const xa: number[] = [];
  const xb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await a();
    xa.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    xb.push(performance.now() - t0);
  }
  return [summarize(xa), summarize(xb)];
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

export interface Row {
  measure: string;
  figure: string;
  baseline: string;
  baselineFigure: string;
  ratio: number;
  target?: string;
  /** True when the ratio meets the target. */
  ok?: boolean;
}

/**
 * A row comparing a time with its baseline's (both in ms); with `max`, the target "≤ max×" (or `label`), met when the
 * ratio is at most `max`.
 */
export function timeRow(
  measure: string,
  figure: number,
  baseline: string,
  base: number,
  max?: number,
  label = `≤ ${max}×`,
): Row {
  const ratio = figure / base;
  return {
    measure,
    figure: ms(figure),
    baseline,
    baselineFigure: ms(base),
    ratio,
    ...(max === undefined ? {} : { target: label, ok: ratio <= max }),
  };
}

export function printTable(title: string, rows: readonly Row[]): void {
  const header = ["measure", "figure", "baseline", "baseline figure", "ratio", "target"];
  const cells = rows.map((r) => [
    r.measure,
    r.figure,
    r.baseline,
    r.baselineFigure,
    `${r.ratio.toFixed(2)}×`,
    r.target ? `${r.target} ${r.ok ? "met" : "MISSED"}` : "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (xs: string[]) => `| ${xs.map((x, i) => x.padEnd(widths[i]!)).join(" | ")} |`;
  process.stdout.write(
    `\n${title}\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n${cells.map(line).join("\n")}\n`,
  );
}
