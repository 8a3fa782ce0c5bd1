/**
 * Issue 4's load measures, loopback only and bounded: the service in its own process,
 * autocannon in this one, at 10 and 50 connections, on POST /api/drafts (DOCX),
 * GET /api/corpus/search, and the trivial /healthz on the same server as the ceiling.
 * Baseline for drafting: the same pipeline in process, per core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { projectRoot } from "../src/project-paths.js";
import { renderDocx } from "../src/render/docx.js";
import { Workspace } from "../src/workspace.js";
import { benchRequest } from "./draft-pipeline.js";
import { printTable, type Row } from "./stats.js";

function startService(db: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(projectRoot, "bin", "motionera.js"),
        "serve",
        "--port",
        String(port),
        "--db",
        db,
        "--drafts-per-minute",
        "0",
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    child.once("error", reject);
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("http://")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the service exited with ${code}`)));
  });
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

async function load(
  url: string,
  connections: number,
  seconds: number,
  init: { method?: "GET" | "POST"; body?: string; headers?: Record<string, string> } = {},
): Promise<Load> {
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    method: init.method ?? "GET",
    ...(init.body ? { body: init.body } : {}),
    headers: init.headers ?? {},
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}

export async function benchWebLoad(seconds = Number(process.env.BENCH_WEB_SECONDS ?? 10)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-web-bench-"));
  const db = join(dir, "motionera.json");
  copyFileSync(join(projectRoot, "corpus", "motionera.json"), db);

  // In process, one core: compose + DOCX, warm.
  const ws = await Workspace.open({ db });
  for (let i = 0; i < 50; i++) await renderDocx((await ws.compose(benchRequest)).draft);
  const n = 300;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await renderDocx((await ws.compose(benchRequest)).draft);
  const inProcess = n / ((performance.now() - t0) / 1000);

  const port = 18000 + Math.floor(Math.random() * 1000);
  const service = await startService(db, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const draftInit = {
      method: "POST" as const,
      body: JSON.stringify({ ...benchRequest, format: "docx" }),
      headers: { "content-type": "application/json" },
    };
    await load(`${base}/api/drafts`, 4, 2, draftInit); // warm-up
    await load(`${base}/api/corpus/search?q=sexk%C3%B6pare`, 4, 1);
    const rows: Row[] = [];
    for (const connections of [10, 50]) {
      const health = await load(`${base}/healthz`, connections, seconds);
      const search = await load(`${base}/api/corpus/search?q=sexk%C3%B6pare&party=V`, connections, seconds);
      const drafts = await load(`${base}/api/drafts`, connections, seconds, draftInit);
      const ok = (l: Load) => l.errors === 0 && l.non2xx === 0;
      const fig = (l: Load) =>
        `${Math.round(l.rps)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ` +
        `ms${ok(l) ? "" : `, ${l.errors} errors, ${l.non2xx} non-2xx`}`;
      rows.push(
        {
          measure: `GET /healthz, ${connections} conn.`,
          figure: fig(health),
          baseline: "(the ceiling)",
          baselineFigure: "",
          ratio: 1,
        },
        {
          measure: `GET /api/corpus/search, ${connections} conn.`,
          figure: fig(search),
          baseline: "GET /healthz",
          baselineFigure: `${Math.round(health.rps)} req/s`,
          ratio: search.rps / health.rps,
          target: "≥ 1 000 req/s, no errors",
          ok: search.rps >= 1000 && ok(search),
        },
        {
          measure: `POST /api/drafts (DOCX), ${connections} conn.`,
          figure: fig(drafts),
          baseline: "pipeline in process, one core",
          baselineFigure: `${Math.round(inProcess)} docs/s`,
          ratio: drafts.rps / inProcess,
          target: "≥ 0.6×, no errors",
          ok: drafts.rps / inProcess >= 0.6 && ok(drafts),
        },
      );
    }
    printTable(`Web service under load (loopback, ${seconds} s per run, the service in its own process)`, rows);
  } finally {
    service.kill("SIGINT");
  }
}
