/**
 * Issue 14, "People": what a named token costs each request. The lookup the service does for a
 * bearer token (SHA-256 of the secret, then the store's `tokenByHash`), beside the baseline of
 * the same run: MOTIONERA_TOKEN compared in constant time, which needs no store. On the
 * database file (a stat to see whether another process wrote, then a search in memory); on
 * PostgreSQL while watching (the service: the tokens are kept per revision, no round trip) and
 * without (a short command: one indexed query). PostgreSQL when BENCH_DATABASE_URL (else
 * MOTIONERA_TEST_DATABASE_URL) names a role that may create databases; the bench makes its own
 * and drops it. BENCH_TOKEN_RUNS sets the lookups per side (default 2000).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { defaultDatabasePath } from "../src/project-paths.js";
import { tokenMatches } from "../src/server/auth.js";
import { LowdbStore } from "../src/store/lowdb-store.js";
import { migrateDatabase } from "../src/store/postgres/database-admin.js";
import { PostgresStore } from "../src/store/postgres/postgres-store.js";
import type { Store } from "../src/store/store.js";
import { issueToken } from "../src/tokens/issue.js";
import { hashTokenSecret } from "../src/tokens/secret.js";
import { ms, printTable, timePair, type Row } from "./stats.js";

const envToken = "the-service-admin-token-from-the-environment";

/** Ten tokens, as a party office might have; the one looked up is the last made. */
async function withTokens(store: Store): Promise<string> {
  let secret = "";
  for (let i = 0; i < 10; i++) secret = (await issueToken(store, `token-${i}`, i % 3 === 0 ? "admin" : "write")).secret;
  return secret;
}

async function row(name: string, store: Store, secret: string, runs: number, targetMs: number): Promise<Row> {
  const [named, env] = await timePair(
    async () => {
      if (!(await store.tokenByHash(hashTokenSecret(secret)))) throw new Error("token not found");
    },
    () => tokenMatches(envToken, envToken),
    runs,
  );
  return {
    measure: `token lookup, ${name}`,
    figure: `${ms(named.median)} (p95 ${ms(named.p95)})`,
    baseline: "MOTIONERA_TOKEN compare",
    baselineFigure: `${ms(env.median)} (p95 ${ms(env.p95)})`,
    ratio: named.median / env.median,
    target: `p95 ≤ ${targetMs} ms`,
    ok: named.p95 <= targetMs,
  };
}

async function postgresRows(url: string, runs: number): Promise<Row[]> {
  const name = `motionera_bench_tokens_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  // The listener's socket does not keep a process alive (a service's HTTP server does): this timer does here.
  const alive = setInterval(() => undefined, 1000);
  await admin(`CREATE DATABASE ${name}`);
  const at = new URL(url);
  at.pathname = `/${name}`;
  try {
    await migrateDatabase(at.toString());
    const asking = await PostgresStore.open(at.toString());
    const secret = await withTokens(asking);
    const watching = await PostgresStore.open(at.toString());
    await watching.watch();
    const rows = [
      await row("PostgreSQL, watching (the service)", watching, secret, runs, 0.1),
      await row("PostgreSQL, one query (no listener)", asking, secret, Math.min(runs, 1000), 2),
    ];
    await watching.close();
    await asking.close();
    return rows;
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    clearInterval(alive);
  }
}

export async function benchTokenLookup(): Promise<void> {
  const runs = Number(process.env.BENCH_TOKEN_RUNS ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), "motionera-bench-tokens-"));
  try {
    const db = join(dir, "db.json");
    copyFileSync(defaultDatabasePath, db);
    const file = await LowdbStore.open(db);
    const secret = await withTokens(file);
    const rows = [await row("database file (shipped data)", file, secret, runs, 0.1)];
    await file.close();
    const url = process.env.BENCH_DATABASE_URL || process.env.MOTIONERA_TEST_DATABASE_URL;
    if (url) rows.push(...(await postgresRows(url, runs)));
    printTable(
      `Named-token lookup per request — ${runs} lookups each, alternating with the baseline` +
        (url ? "" : " (PostgreSQL skipped: set BENCH_DATABASE_URL)"),
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTokenLookup();
