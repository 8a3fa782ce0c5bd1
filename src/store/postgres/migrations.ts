/**
 * The PostgreSQL schema's migrations: SQL files in migrations/postgres/, run by node-pg-migrate,
 * which records each one run in the table `pgmigrations`. A database is behind when a file has
 * not been run on it; every command and the service refuse such a database (`motionera db migrate`).
 */
import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ClientBase } from "pg";
import { importPackage } from "../../loading/import-package.js";
import { projectRoot } from "../../project-paths.js";

/** Where the migration files lie (shipped with the program, beside templates/ and corpus/). */
export const migrationsDir = join(projectRoot, "migrations", "postgres");
/** node-pg-migrate's table of the migrations run. */
export const migrationsTable = "pgmigrations";

/** The migrations this program has, by name (the file name without .sql), in the order they run. */
export async function migrationNames(dir = migrationsDir): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql") && !f.startsWith("."));
  return files.map((f) => basename(f, ".sql")).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

export interface MigrationStatus {
  /** Run on the database, in the order they were run. */
  applied: string[];
  /** This program's migrations not yet run on it. */
  pending: string[];
  /** Run on it, but unknown to this program (a newer version migrated it). */
  unknown: string[];
}

/** Which migrations the database has run and which it lacks (no table yet: none run). */
export async function migrationStatus(client: ClientBase, dir = migrationsDir): Promise<MigrationStatus> {
  const known = await migrationNames(dir);
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [`public.${migrationsTable}`]);
  const applied = exists.rows[0]?.t
    ? (await client.query<{ name: string }>(`SELECT name FROM public.${migrationsTable} ORDER BY run_on, id`)).rows.map(
        (r) => r.name,
      )
    : [];
  const ran = new Set(applied);
  return {
    applied,
    pending: known.filter((n) => !ran.has(n)),
    unknown: applied.filter((n) => !known.includes(n)),
  };
}

/**
 * Runs the pending migrations, all in one transaction (all of them or none), waiting for
 * another process migrating the same database. Returns the names run.
 */
export async function runMigrations(client: ClientBase, dir = migrationsDir): Promise<string[]> {
  // Loaded only here: node-pg-migrate brings a module loader the store itself never needs.
  const { runner } = await importPackage<typeof import("node-pg-migrate")>("node-pg-migrate");
  const quiet = () => undefined;
  const ran = await runner({
    dbClient: client,
    dir,
    migrationsTable,
    direction: "up",
    singleTransaction: true,
    checkOrder: true,
    advisoryLockMode: "wait",
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  return ran.map((m) => m.name);
}
