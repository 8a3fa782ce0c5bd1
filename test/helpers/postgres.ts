/**
 * PostgreSQL for tests: MOTIONERA_TEST_DATABASE_URL names a server and a role that may create
 * databases (.ci/run sets it up); each test file makes a database of its own and drops it, so
 * runs never collide. Unset: the PostgreSQL tests are skipped, with one line saying so.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const testDatabaseUrl = process.env.MOTIONERA_TEST_DATABASE_URL || undefined;

/** Says once, in one line, that the PostgreSQL tests of a file are skipped and what to set. */
export function notePostgresSkipped(what: string): void {
  if (testDatabaseUrl) return;
  console.log(
    `${what}: PostgreSQL tests skipped — set MOTIONERA_TEST_DATABASE_URL=postgres://user:password@host/db ` +
      "(a role that may create databases) to run them",
  );
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server (named by us: motionera_t_<label>_<random>). */
export async function freshDatabase(label: string): Promise<TestDatabase> {
  if (!testDatabaseUrl) throw new Error("MOTIONERA_TEST_DATABASE_URL is not set");
  const name = `motionera_t_${label.replace(/[^a-z0-9]/g, "_")}_${randomBytes(5).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
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
