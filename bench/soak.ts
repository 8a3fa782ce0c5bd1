/**
 * Issue 6's soak: the service in its own process on a temp copy of the database, loopback
 * only, for SOAK_SECONDS (default 300) at SOAK_CONNECTIONS (default 50) split over three
 * mixed loads running at once — DOCX drafting, corpus search, and authenticated fact writes,
 * each write unique. Afterwards: zero 5xx, every acknowledged write is in the database file,
 * and the service's RSS at the end is within 10 % of its RSS after the warm-up; p99 of each.
 *
 * `npm run soak` (builds first). The rate limit is switched off: one loopback client would
 * otherwise be limited, which is the limit working, not the service under load.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { projectRoot } from "../src/project-paths.js";
import { databaseSchema } from "../src/store/schema.js";
import { benchRequest } from "./draft-pipeline.js";
import { printTable, type Row } from "./stats.js";

const seconds = Number(process.env.SOAK_SECONDS ?? 300);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 50);
const warmupSeconds = Math.min(30, Math.max(5, Math.round(seconds / 10)));
const token = "soak-token";

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
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, MOTIONERA_TOKEN: token },
      },
    );
    child.once("error", reject);
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("http://")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the service exited with ${code}`)));
  });
}

/** The service's resident set size in MB, from /proc. */
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Outcome {
  label: string;
  result: autocannon.Result;
}

const run = (label: string, opts: autocannon.Options): Promise<Outcome> =>
  new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve({ label, result }))));

export async function soak(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "motionera-soak-"));
  const db = join(dir, "motionera.json");
  copyFileSync(join(projectRoot, "corpus", "motionera.json"), db);
  const port = 19000 + Math.floor(Math.random() * 1000);
  const service = await startService(db, port);
  const base = `http://127.0.0.1:${port}`;
  const pid = service.pid!;

  const acknowledged = new Set<string>();
  let writeNo = 0;
  const subjects = ["0186", "0180", "0114", "1480", "1280", "0380", "0580", "2480"];
  const draftConns = Math.max(1, Math.round(connections * 0.4));
  const searchConns = Math.max(1, Math.round(connections * 0.4));
  const writeConns = Math.max(1, connections - draftConns - searchConns);
  const queries = [
    "sexköpare",
    "handlingsplan",
    "Mikamottagningen",
    "KAST",
    "prostitution",
    "länsstyrelsen",
    "kartläggning",
  ];
  let q = 0;

  const common = { timeout: 30 };
  const loads = (duration: number) =>
    Promise.all([
      run("POST /api/drafts (DOCX)", {
        ...common,
        duration,
        url: `${base}/api/drafts`,
        connections: draftConns,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...benchRequest, format: "docx" }),
      }),
      run("GET /api/corpus/search", {
        ...common,
        duration,
        url: `${base}/api/corpus/search`,
        connections: searchConns,
        requests: [
          {
            method: "GET",
            setupRequest: (r) => ({
              ...r,
              path: `/api/corpus/search?q=${encodeURIComponent(queries[q++ % queries.length]!)}`,
            }),
          },
        ],
      }),
      run("POST /api/facts (token)", {
        ...common,
        duration,
        url: `${base}/api/facts`,
        connections: writeConns,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            setupRequest: (r) => {
              const n = writeNo++;
              const body = {
                subject: subjects[n % subjects.length],
                key: "population",
                value: String(10000 + n),
                asOf: "2025",
                source: { title: `Soak ${n}`, publisher: "Motionera soak", date: "2026-11-24" },
              };
              return { ...r, body: JSON.stringify(body) };
            },
            onResponse: (status, body) => {
              if (status === 201) acknowledged.add((JSON.parse(body) as { source: { title: string } }).source.title);
            },
          },
        ],
      }),
    ]);

  try {
    process.stdout.write(
      `Soak: ${seconds} s at ${connections} connections (${draftConns} drafting, ${searchConns} ` +
        `searching, ${writeConns} writing) on ${base}\n`,
    );
    const warm = await loads(warmupSeconds);
    const rssWarm = rssOf(pid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssOf(pid)), 1000);
    const main = await loads(seconds);
    clearInterval(sampler);
    const rssEnd = rssOf(pid);

    const stored = databaseSchema.parse(JSON.parse(readFileSync(db, "utf8")));
    const inFile = new Set(stored.facts.map((f) => f.source.title));
    const lost = [...acknowledged].filter((t) => !inFile.has(t));
    const fivexx = [...warm, ...main].reduce((n, o) => n + o.result["5xx"], 0);
    const errors = [...warm, ...main].reduce((n, o) => n + o.result.errors + o.result.timeouts, 0);

    const rows: Row[] = main.map(({ label, result }) => ({
      measure: label,
      figure:
        `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ` +
        `ms, ${result.requests.total} req, 5xx ${result["5xx"]}, non-2xx ${result.non2xx}`,
      baseline: "",
      baselineFigure: "",
      ratio: 1,
      target: "zero 5xx",
      ok: result["5xx"] === 0 && result.errors === 0,
    }));
    rows.push(
      {
        measure: "acknowledged writes in the file",
        figure: `${acknowledged.size - lost.length} of ${acknowledged.size}`,
        baseline: "acknowledged",
        baselineFigure: String(acknowledged.size),
        ratio: acknowledged.size ? (acknowledged.size - lost.length) / acknowledged.size : 1,
        target: "all",
        ok: lost.length === 0 && acknowledged.size > 0,
      },
      {
        measure: "service RSS at the end",
        figure: `${rssEnd.toFixed(0)} MB (max ${Math.max(...samples).toFixed(0)} MB)`,
        baseline: `after ${warmupSeconds} s warm-up`,
        baselineFigure: `${rssWarm.toFixed(0)} MB`,
        ratio: rssEnd / rssWarm,
        target: "≤ 1.10×",
        ok: rssEnd <= rssWarm * 1.1,
      },
    );
    printTable(`Soak (loopback, ${seconds} s, ${connections} connections, the service in its own process)`, rows);
    const ok = fivexx === 0 && errors === 0 && lost.length === 0 && rssEnd <= rssWarm * 1.1;
    process.stdout.write(
      `\n${ok ? "PASS" : "FAIL"}: ${fivexx} 5xx, ${errors} socket errors/timeouts, ${lost.length} ` +
        `acknowledged writes missing, RSS ${rssWarm.toFixed(0)} → ${rssEnd.toFixed(0)} MB\n`,
    );
    return ok;
  } finally {
    service.kill("SIGINT");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ok = await soak();
  process.exit(ok ? 0 : 1);
}
