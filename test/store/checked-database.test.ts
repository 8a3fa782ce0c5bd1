/**
 * A database file's mark of validation (src/store/checked-database.ts): a build that has found a file's bytes valid
 * takes the same bytes as they are next time; anything else (other bytes, another build, no build, data zod would
 * change) is validated as always. The build's id is what `npm run build` writes into its bundles; here the test sets
 * it, as a bundle's code sees it.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isMotioneraError, type MotioneraError } from "../../src/domain/errors.js";
import { checkMarkFile, textDigest } from "../../src/store/checked-database.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { repoRoot } from "../helpers/cli.js";

const shipped = join(repoRoot, "corpus", "motionera.json");
const build = "0d6f1c7e-4b1a-4c56-9a52-5f8d2b1e7c11";

function copyOfShipped(): string {
  const db = join(mkdtempSync(join(tmpdir(), "motionera-checked-")), "motionera.json");
  copyFileSync(shipped, db);
  return db;
}

async function facts(db: string) {
  const store = await LowdbStore.open(db);
  try {
    return await store.facts();
  } finally {
    await store.close();
  }
}

async function openFailure(db: string): Promise<MotioneraError> {
  try {
    await (await LowdbStore.open(db)).close();
  } catch (e) {
    if (isMotioneraError(e)) return e;
    throw e;
  }
  throw new Error("the store opened");
}

/** The shipped file with its first fact's value removed: not a valid database. */
function invalidText(): string {
  const data = JSON.parse(readFileSync(shipped, "utf8")) as { facts: Record<string, unknown>[] };
  delete data.facts[0]!.value;
  return `${JSON.stringify(data, null, 2)}\n`;
}

afterEach(() => {
  globalThis.motioneraBuild = undefined;
});

describe("a database file's mark of validation", () => {
  it("is written by a build that found the bytes valid, and the bytes read again give the same data", async () => {
    globalThis.motioneraBuild = build;
    const db = copyOfShipped();
    const validated = await facts(db);
    const mark = JSON.parse(readFileSync(checkMarkFile(db), "utf8"));
    expect(mark).toEqual({ build, sha256: textDigest(readFileSync(db, "utf8")) });
    const taken = await facts(db);
    expect(taken).toEqual(validated);
    expect(taken.length).toBeGreaterThan(100);
  });

  it("is trusted for the bytes it names, by the build it names: those are not validated again", async () => {
    globalThis.motioneraBuild = build;
    const db = copyOfShipped();
    const text = invalidText();
    writeFileSync(db, text);
    writeFileSync(checkMarkFile(db), JSON.stringify({ build, sha256: textDigest(text) }));
    await expect(facts(db)).resolves.toBeDefined();
  });

  it("is ignored for other bytes: a file changed after it was marked is validated", async () => {
    globalThis.motioneraBuild = build;
    const db = copyOfShipped();
    await facts(db);
    writeFileSync(db, invalidText());
    expect((await openFailure(db)).details.code).toBe("database_invalid");
  });

  it("is ignored when another build made it, or when the code runs from no build", async () => {
    const db = copyOfShipped();
    const text = invalidText();
    writeFileSync(db, text);
    writeFileSync(checkMarkFile(db), JSON.stringify({ build: "another build", sha256: textDigest(text) }));
    globalThis.motioneraBuild = build;
    expect((await openFailure(db)).details.code).toBe("database_invalid");
    writeFileSync(checkMarkFile(db), JSON.stringify({ build, sha256: textDigest(text) }));
    globalThis.motioneraBuild = undefined;
    expect((await openFailure(db)).details.code).toBe("database_invalid");
  });

  it("is not written without a build, nor when validation changes what the file holds", async () => {
    const db = copyOfShipped();
    await facts(db);
    expect(existsSync(checkMarkFile(db))).toBe(false);

    globalThis.motioneraBuild = build;
    const data = JSON.parse(readFileSync(shipped, "utf8")) as Record<string, unknown>;
    writeFileSync(db, JSON.stringify({ ...data, leftOver: "zod drops a key it does not know" }));
    await facts(db);
    expect(existsSync(checkMarkFile(db))).toBe(false);
  });
});
