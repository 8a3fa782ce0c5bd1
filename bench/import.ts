/**
 * Issue 11's import measure: the largest file the service takes — a 19.5 MB CSV of about two
 * million rows, each a problem, and a JSON list of the same size (import-file.ts) — sent to POST /api/facts/import with
 * dryRun
 * to `motionera serve` (the bundled CLI, its import thread), while /healthz and a search are
 * asked every 50 ms (import-load.ts). Figures: the time to the answer, the service's peak RSS
 * over its RSS before, and the probes' p95 and slowest. Baselines from the same run: the first
 * step of the import as it was before (the file decoded and parsed whole, by csv-parse/sync or
 * JSON.parse, in a fresh process: import-child.ts), and the same probes with no import running.
 * Linux only (RSS from /proc). BENCH_IMPORT=0 skips it.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { largeFactsCsv, largeFactsJson, largeFileKey, multipartBody } from "./import-file.js";
import { importWhileProbing, percentile, probe, startService, type ImportRun } from "./import-load.js";
import { printTable, type Row } from "./stats.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "..", "..");
const token = "bench";
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

interface Case {
  format: "CSV" | "JSON";
  file: { bytes: Uint8Array; rows: number };
  name: string;
  baseline: string;
}

export async function benchImport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-import-"));
  try {
    const cases: Case[] = [
      { format: "CSV", file: largeFactsCsv(), name: "stor.csv", baseline: "csv-parse/sync of the file alone" },
      { format: "JSON", file: largeFactsJson(), name: "stor.json", baseline: "JSON.parse of the file alone" },
    ];
    const db = join(dir, "db.json");
    copyFileSync(join(repo, "corpus", "motionera.json"), db);
    for (const c of cases) {
      const path = join(dir, c.name);
      writeFileSync(path, c.file.bytes);
      const { contentType, body } = await multipartBody(
        { name: c.name, bytes: c.file.bytes },
        { key: largeFileKey, sourceTitle: "Testtabell", publisher: "Testutgivare", asOf: "2025", dryRun: "true" },
      );
      const bodyPath = join(dir, `${c.name}.body`);
      writeFileSync(bodyPath, body);

      // A fresh service for each file: its import thread starts with the import, as it would.
      const service = await startService(join(repo, "bin", "motionera.js"), db, token);
      let run: ImportRun;
      let idle: number[];
      try {
        // Warm (the search index is built on the first search), then the probes with nothing else running.
        await probe(service.url, () => true, 0, 6);
        idle = await probe(service.url, () => true, 50, 40);
        run = await importWhileProbing(service, bodyPath, { contentType, route: "api/facts/import", token });
      } finally {
        await service.stop();
      }
      const problems = (run.body as { detail?: string }).detail?.match(/(\d+) fel:/)?.[1];
      if (run.status !== 422 || Number(problems) !== c.file.rows)
        throw new Error(`the ${c.format} import answered ${run.status} (${problems} problems for ${c.file.rows} rows)`);

      const child = spawnSync(process.execPath, [join(here, "import-child.js"), path], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`the baseline exited with ${child.status}: ${child.stderr}`);
      const base = JSON.parse(child.stdout) as { ms: number; records: number; peakOverKb: number };

      const p95 = percentile(run.latencies, 0.95);
      const max = Math.max(...run.latencies);
      const idleP95 = percentile(idle, 0.95);
      const idleMax = Math.max(...idle);
      const rows: Row[] = [
        {
          measure: "peak RSS over the service's RSS before",
          figure: mb(run.peakOverBefore),
          baseline: c.baseline,
          baselineFigure: mb(base.peakOverKb * 1024),
          ratio: run.peakOverBefore / (base.peakOverKb * 1024),
          target: "≤ 200 MB",
          ok: run.peakOverBefore <= 200 * 1024 * 1024,
        },
        {
          measure: "time to the answer (422, every row counted)",
          figure: s(run.seconds),
          baseline: c.baseline,
          baselineFigure: s(base.ms / 1000),
          ratio: run.seconds / (base.ms / 1000),
          target: "≤ 30 s (request timeout)",
          ok: run.seconds <= 30,
        },
        {
          measure: `/healthz and search during the import, p95 of ${run.latencies.length}`,
          figure: ms(p95),
          baseline: "the same probes, no import",
          baselineFigure: ms(idleP95),
          ratio: p95 / idleP95,
          target: "≤ 100 ms",
          ok: p95 <= 100,
        },
        {
          measure: "the same, slowest",
          figure: ms(max),
          baseline: "the same probes, no import",
          baselineFigure: ms(idleMax),
          ratio: max / idleMax,
          target: "≤ 100 ms",
          ok: max <= 100,
        },
      ];
      printTable(
        `Import: ${(c.file.bytes.length / 1024 / 1024).toFixed(1)} MB ${c.format}, ${c.file.rows} rows, each ` +
          `a problem, POST /api/facts/import (dryRun) to motionera serve; RSS ${mb(run.rssBefore)} before`,
        rows,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImport();
