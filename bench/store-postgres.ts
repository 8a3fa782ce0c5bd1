/**
 * Issue 14's figures for PostgreSQL, beside the embedded file in the same run: fact writes per
 * second through HTTP (POST /api/facts, each a new statement) with one service process on the
 * file, one on PostgreSQL and two on one PostgreSQL database; the fact lookup a draft makes
 * (the registry read, then the latest value for a place and key) in process on each engine; and
 * draft throughput over HTTP (POST /api/drafts, DOCX) on each engine. The database is a new one
 * made on the server of MOTIONERA_BENCH_DATABASE_URL (else MOTIONERA_DATABASE_URL), filled with
 * the shipped data, and dropped at the end. BENCH_PG_SECONDS sets each load run's length (8),
 * BENCH_PG_CONNECTIONS the connections per service process (20).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { allMunicipalities, findMunicipality } from "../src/data/places.js";
import { defaultDatabasePath, projectRoot } from "../src/project-paths.js";
import { LowdbStore } from "../src/store/lowdb-store.js";
import { migrateDatabase } from "../src/store/postgres/database-admin.js";
import { PostgresStore } from "../src/store/postgres/postgres-store.js";
import { Workspace } from "../src/workspace.js";
import { benchRequest } from "./draft-pipeline.js";
import { ms, printTable, timeIt, type Row } from "./stats.js";

const token = `bench-${randomBytes(8).toString("hex")}`;

interface Service {
  base: string;
  child: ChildProcess;
}

/** `motionera serve` on a free port, on the file or the database given. */
function startService(store: string[]): Promise<Service> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(projectRoot, "bin", "motionera.js"), "serve", "--port", "0", "--drafts-per-minute", "0", ...store],
      { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, MOTIONERA_TOKEN: token } },
    );
    child.once("error", reject);
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const url = /http:\/\/[^\s/]+/.exec(out)?.[0];
      if (url) resolve({ base: url, child });
    });
    child.once("exit", (code) => reject(new Error(`the service exited with ${code}`)));
  });
}

async function stop(services: readonly Service[]): Promise<void> {
  await Promise.all(
    services.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null) return resolve();
          s.child.once("exit", () => resolve());
          s.child.kill("SIGINT");
        }),
    ),
  );
}

let serial = 0;
const codes = allMunicipalities().map((m) => m.code);
/**
 * A new statement each time, spread over the municipalities and 40 years as real writes are
 * (one subject, key and date always would make every write wait for the one before: see the
 * id base locks in postgres-store.ts).
 */
const factBody = () => {
  const n = ++serial;
  return JSON.stringify({
    subject: codes[n % codes.length],
    key: "population",
    value: String(n),
    asOf: String(1980 + (Math.floor(n / codes.length) % 40)),
    source: { title: "Bench", publisher: "Motionera bench", date: null },
  });
};

interface Load {
  ok: number;
  failed: number;
  perSecond: number;
  p99: number;
}

/** Fact writes through every service at once, `connections` each, for `seconds`. */
async function writeLoad(services: readonly Service[], connections: number, seconds: number): Promise<Load> {
  const runs = await Promise.all(
    services.map((s) =>
      autocannon({
        url: s.base,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            path: "/api/facts",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            setupRequest: (req) => ({ ...req, body: factBody() }),
          },
        ],
      }),
    ),
  );
  const ok = runs.reduce((n, r) => n + r["2xx"], 0);
  const failed = runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  return { ok, failed, perSecond: ok / seconds, p99: Math.max(...runs.map((r) => r.latency.p99)) };
}

async function draftLoad(service: Service, connections: number, seconds: number): Promise<Load> {
  const r = await autocannon({
    url: `${service.base}/api/drafts`,
    connections,
    duration: seconds,
    method: "POST",
    body: JSON.stringify({ ...benchRequest, format: "docx" }),
    headers: { "content-type": "application/json" },
  });
  return {
    ok: r["2xx"],
    failed: r.non2xx + r.errors + r.timeouts,
    perSecond: r["2xx"] / seconds,
    p99: r.latency.p99,
  };
}

/** A database of the bench's own on the server named, or why there cannot be one. */
async function benchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> } | string> {
  const name = `motionera_bench_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (e) {
    return (e as Error).message;
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const perSecond = (l: Load) => `${Math.round(l.perSecond)} writes/s${l.failed ? `, ${l.failed} failed` : ""}`;

export async function benchStorePostgres(): Promise<void> {
  const server = process.env.MOTIONERA_BENCH_DATABASE_URL || process.env.MOTIONERA_DATABASE_URL;
  if (!server) {
    process.stdout.write(
      "PostgreSQL store bench skipped: set MOTIONERA_BENCH_DATABASE_URL (a role that may create databases)\n",
    );
    return;
  }
  const db = await benchDatabase(server);
  if (typeof db === "string") {
    process.stdout.write(`PostgreSQL store bench skipped: no database of its own could be made (${db})\n`);
    return;
  }
  const seconds = Number(process.env.BENCH_PG_SECONDS ?? 8);
  const connections = Number(process.env.BENCH_PG_CONNECTIONS ?? 20);
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-pg-"));
  const file = join(dir, "motionera.json");
  copyFileSync(defaultDatabasePath, file);
  const services: Service[] = [];
  try {
    await migrateDatabase(db.url);
    const shipped = await LowdbStore.open(file);
    const target = await PostgresStore.open(db.url);
    await target.restore(await shipped.snapshot());
    await Promise.all([shipped.close(), target.close()]);

    // Fact writes: the file, one process on PostgreSQL, two processes on one database.
    const onFile = await startService(["--db", file]);
    services.push(onFile);
    await writeLoad([onFile], 2, 1); // warm-up
    const fileWrites = await writeLoad([onFile], connections, seconds);
    const pgA = await startService(["--database-url", db.url]);
    const pgB = await startService(["--database-url", db.url]);
    services.push(pgA, pgB);
    await writeLoad([pgA, pgB], 2, 1);
    const oneWrites = await writeLoad([pgA], connections, seconds);
    const twoWrites = await writeLoad([pgA, pgB], connections, seconds);

    // Drafts over HTTP: the same request on each engine, alternating twice.
    await draftLoad(onFile, 4, 2);
    await draftLoad(pgA, 4, 2);
    const half = Math.max(1, Math.round(seconds / 2));
    const fileDrafts = [await draftLoad(onFile, connections, half)];
    const pgDrafts = [await draftLoad(pgA, connections, half)];
    pgDrafts.push(await draftLoad(pgA, connections, half));
    fileDrafts.push(await draftLoad(onFile, connections, half));
    await stop(services);
    services.length = 0;
    const draftsPerSecond = (ls: Load[]) => ls.reduce((n, l) => n + l.perSecond, 0) / ls.length;
    const draftFailed = (ls: Load[]) => ls.reduce((n, l) => n + l.failed, 0);

    // The lookup a draft makes: the registry at the current revision, then the latest value.
    const place = findMunicipality("Lidingö");
    const lookup = async (ws: Workspace) => (await ws.facts()).resolve(place, "population");
    const fileWs = await Workspace.open({ db: file });
    const pgWs = await Workspace.open({ databaseUrl: db.url });
    await pgWs.store.watch();
    const fileLookup = await timeIt(() => lookup(fileWs), 2000, 200);
    const pgLookup = await timeIt(() => lookup(pgWs), 2000, 200);
    await Promise.all([fileWs.store.close(), pgWs.store.close()]);

    const pgDraft = draftsPerSecond(pgDrafts);
    const fileDraft = draftsPerSecond(fileDrafts);
    const rows: Row[] = [
      {
        measure: "fact writes, HTTP, 1 process, file",
        figure: perSecond(fileWrites),
        baseline: "(the embedded store)",
        baselineFigure: "",
        ratio: 1,
      },
      {
        measure: "fact writes, HTTP, 1 process, PostgreSQL",
        figure: `${perSecond(oneWrites)}, p99 ${oneWrites.p99} ms`,
        baseline: "1 process, file",
        baselineFigure: perSecond(fileWrites),
        ratio: oneWrites.perSecond / fileWrites.perSecond,
      },
      {
        measure: "fact writes, HTTP, 2 processes, PostgreSQL",
        figure: `${perSecond(twoWrites)}, p99 ${twoWrites.p99} ms`,
        baseline: "1 process, file",
        baselineFigure: perSecond(fileWrites),
        ratio: twoWrites.perSecond / fileWrites.perSecond,
        target: "≥ 500 writes/s, none failed",
        ok: twoWrites.perSecond >= 500 && twoWrites.failed === 0,
      },
      {
        measure: "fact lookup p95 (registry + latest), PostgreSQL",
        figure: ms(pgLookup.p95),
        baseline: "the same on the file",
        baselineFigure: ms(fileLookup.p95),
        ratio: pgLookup.p95 / fileLookup.p95,
        target: "≤ 2 ms",
        ok: pgLookup.p95 <= 2,
      },
      {
        measure: "POST /api/drafts (DOCX), PostgreSQL",
        figure: `${Math.round(pgDraft)} drafts/s${draftFailed(pgDrafts) ? `, ${draftFailed(pgDrafts)} failed` : ""}`,
        baseline: "the same on the file",
        baselineFigure: `${Math.round(fileDraft)} drafts/s`,
        ratio: pgDraft / fileDraft,
        // Drafts read the registry from memory on both engines: PostgreSQL must cost them nothing.
        target: "≥ 0.9× (not slower than the file)",
        ok: pgDraft / fileDraft >= 0.9 && draftFailed(pgDrafts) === 0,
      },
    ];
    printTable(
      `PostgreSQL store (${seconds} s write runs, ${connections} connections per process, loopback; ` +
        `drafts ${half} s × 2 alternating)`,
      rows,
    );
  } finally {
    await stop(services);
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}
