/**
 * PostgreSQL for tests: MOTIONERA_TEST_DATABASE_URL names a server and a role that may create
 * databases (.ci/run sets it up); each test file makes a database of its own and drops it, so
 * runs never collide. Unset: the tests that need only one session at a time run on PGlite, an
 * in-process PostgreSQL with the same SQL (Swedish text search, pg_trgm) served on loopback by
 * a child process (pglite-server.mjs), one per database; those that need a real server's
 * sessions (LISTEN/NOTIFY, several processes) are skipped, with one line saying what to set.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const testDatabaseUrl = process.env.MOTIONERA_TEST_DATABASE_URL || undefined;

/** Where the PostgreSQL tests run: the server named, else PGlite (a stand-in for tests of one session at a time). */
export const postgresForTests: "server" | "pglite" = testDatabaseUrl ? "server" : "pglite";

/** Whether a test file can run: every file can on a server; on PGlite only those that need no sessions of their own. */
export function postgresAvailable(needs: "one-session" | "server" = "one-session"): boolean {
  return postgresForTests === "server" || needs === "one-session";
}

/**
 * Says once, in one line, what a test file runs on when there is no server: PGlite, or (for a
 * file that needs the server's sessions) nothing, and what to set to run it.
 */
export function notePostgresSkipped(what: string, needs: "one-session" | "server" = "one-session"): void {
  if (testDatabaseUrl) return;
  const set = "set MOTIONERA_TEST_DATABASE_URL=postgres://user:password@host/db (a role that may create databases)";
  console.log(
    needs === "server"
      ? `${what}: PostgreSQL tests skipped (they need a server's sessions) — ${set} to run them`
      : `${what}: PostgreSQL tests run on PGlite (in-process) — ${set} to run them on a server`,
  );
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: on the test server (named by us: motionera_t_<label>_<random>), else
 * a PGlite of its own (see `pgliteDatabase`).
 */
export async function freshDatabase(label: string): Promise<TestDatabase> {
  if (!testDatabaseUrl) return pgliteDatabase();
  const name = `motionera_t_${label.replace(/[^a-z0-9]/g, "_")}_${randomBytes(5).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropDatabase(name),
  };
}

/**
 * Drops a test database and its connections. An autovacuum worker that has just started on it belongs to the
 * server's superuser, whom the test role may not stop (SQLSTATE 42501): such a worker ends within moments, so the
 * drop is tried again, a few times.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "42501" || attempt === 10) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function admin<T>(use: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL on a test database (setting up a state the store must meet). */
export async function onDatabase<T>(url: string, use: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const pgliteServer = fileURLToPath(new URL("./pglite-server.mjs", import.meta.url));

/**
 * A PGlite database served on loopback by a child process, for the PostgreSQL tests where no
 * server is named. The stores opened in this process and in CLI children take one connection
 * each (MOTIONERA_DATABASE_POOL=1), since PGlite is one session that the socket server shares a
 * transaction at a time.
 */
export async function pgliteDatabase(): Promise<TestDatabase> {
  const child: ChildProcess = spawn(process.execPath, [pgliteServer], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`PGlite stopped before it answered (exit ${code})`)));
    child.once("error", reject);
  });
  process.env.MOTIONERA_DATABASE_POOL = "1";
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    drop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.stdin?.end();
      await exited;
    },
  };
}
