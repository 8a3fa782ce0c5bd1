/** Shared by the fact import tests: a temp copy of the shipped database and a fixture reader. */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMotioneraError, type ErrorDetails } from "../../src/domain/errors.js";
import { importFacts, type FactImportRequest, type FactImportResult } from "../../src/facts/import/import-facts.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const fixtures = join(root, "test", "fixtures", "facts-import");

export function fixture(name: string): Uint8Array {
  return readFileSync(join(fixtures, name));
}

/** A store on a temp copy of the shipped database. */
export async function tempStore(): Promise<{ store: LowdbStore; db: string }> {
  const db = join(mkdtempSync(join(tmpdir(), "motionera-facts-import-")), "db.json");
  copyFileSync(join(root, "corpus", "motionera.json"), db);
  return { store: await LowdbStore.open(db), db };
}

export const testSource = { sourceTitle: "Testtabell", publisher: "Testutgivare", asOf: "2025" };

/** Imports a fixture: committed unless `commit: false`. */
export function importFixture(
  store: LowdbStore,
  name: string,
  req: Partial<FactImportRequest> & { key: string },
): Promise<FactImportResult> {
  return importFacts(store, { fileName: name, bytes: fixture(name), commit: true, ...testSource, ...req });
}

/** The details of the MotioneraError a promise rejects with. */
export async function rejection(p: Promise<unknown>): Promise<ErrorDetails> {
  try {
    await p;
  } catch (e) {
    if (isMotioneraError(e)) return e.details;
    throw e;
  }
  throw new Error("expected the import to be refused");
}

export async function registryOf(store: LowdbStore): Promise<FactRegistry> {
  return new FactRegistry(await store.facts());
}
