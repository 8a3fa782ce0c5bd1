/**
 * What `motionera db migrate` and `motionera db status` do, on a database named by its address:
 * each on one connection of its own (a database behind is exactly what they are for, so they
 * never open the store, which refuses one).
 */
import pg from "pg";
import { MotioneraError } from "../../domain/errors.js";
import { migrationStatus, runMigrations, type MigrationStatus } from "./migrations.js";
import { redactedDatabaseUrl } from "./postgres-store.js";

export interface DatabaseStatus extends MigrationStatus {
  /** The address without its password. */
  database: string;
}

async function withConnection<T>(url: string, use: (c: pg.Client) => Promise<T>): Promise<T> {
  const database = redactedDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new MotioneraError({ code: "database_unreachable", database, problem: (e as Error).message });
  }
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Which migrations the database has run and which it lacks. */
export function databaseStatus(url: string, dir?: string): Promise<DatabaseStatus> {
  return withConnection(url, async (c) => ({ database: redactedDatabaseUrl(url), ...(await migrationStatus(c, dir)) }));
}

/** Runs the pending migrations (all or none); returns those run and the status after. */
export function migrateDatabase(url: string, dir?: string): Promise<{ ran: string[]; status: DatabaseStatus }> {
  return withConnection(url, async (c) => {
    const ran = await runMigrations(c, dir);
    return { ran, status: { database: redactedDatabaseUrl(url), ...(await migrationStatus(c, dir)) } };
  });
}
