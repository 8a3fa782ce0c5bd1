/**
 * The one place that decides which engine holds the data: PostgreSQL when a database address is
 * given (`--database-url`, or MOTIONERA_DATABASE_URL where no `--db` file is named), else the
 * embedded JSON file. No caller knows which it got.
 */
import { LowdbStore } from "./lowdb-store.js";
import type { Store } from "./store.js";

export interface StoreChoice {
  /** The database file of the embedded store (already resolved: --db, MOTIONERA_DB or the shipped one). */
  file: string;
  /** Whether the file was named explicitly (`--db`): then it wins over MOTIONERA_DATABASE_URL. */
  fileExplicit?: boolean;
  /** A PostgreSQL address named explicitly (`--database-url`). */
  databaseUrl?: string;
}

/** The PostgreSQL address in force, if any: the explicit one, else MOTIONERA_DATABASE_URL unless a file was named. */
export function chosenDatabaseUrl(choice: Omit<StoreChoice, "file">): string | undefined {
  if (choice.databaseUrl) return choice.databaseUrl;
  if (choice.fileExplicit) return undefined;
  return process.env.MOTIONERA_DATABASE_URL || undefined;
}

/**
 * Opens the store: on PostgreSQL connected and checked (a database behind this program's
 * migrations is refused); the embedded file lazily, read on first use.
 */
export async function openStore(choice: StoreChoice): Promise<Store> {
  const url = chosenDatabaseUrl(choice);
  if (url === undefined) return LowdbStore.lazy(choice.file);
  const { PostgresStore } = await import("./postgres/postgres-store.js");
  return PostgresStore.open(url);
}
