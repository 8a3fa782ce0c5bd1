/**
 * The store's guarantees (issue 6): serialized atomic writes, one writing process at a time,
 * a corrupt file refused with the last good backup named, a backup before each migration,
 * and nothing acknowledged ever lost when the writer is killed.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explainError } from "../../src/messages.sv.js";
import { isMotioneraError, type MotioneraError } from "../../src/domain/errors.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { databaseSchema, readDatabase } from "../../src/store/schema.js";
import type { NewFact } from "../../src/store/store.js";
import { repoRoot } from "../helpers/cli.js";

const writer = join(repoRoot, "test", "store", "writer-process.mjs");

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "motionera-store-"));
  const db = join(dir, "db.json");
  copyFileSync(join(repoRoot, "corpus", "motionera.json"), db);
  return db;
}

const fact = (title: string, value = 1): NewFact => ({
  subject: "0186",
  key: "population",
  value: { type: "number", value },
  asOf: "2024",
  source: { title, publisher: "Motionera test", date: null },
});

const titlesIn = (db: string): Set<string> => {
  const data = databaseSchema.parse(JSON.parse(readFileSync(db, "utf8")));
  return new Set(data.facts.map((f) => f.source.title ?? ""));
};

const countByTitle = (db: string): Map<string, number> => {
  const data = databaseSchema.parse(JSON.parse(readFileSync(db, "utf8")));
  const m = new Map<string, number>();
  for (const f of data.facts) m.set(f.source.title ?? "", (m.get(f.source.title ?? "") ?? 0) + 1);
  return m;
};

async function failure(p: Promise<unknown>): Promise<MotioneraError> {
  try {
    await p;
  } catch (e) {
    if (isMotioneraError(e)) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

/** Starts a writer process and resolves when it prints a line matching `ready`. */
function startWriter(
  db: string,
  mode: "hold" | "loop",
  ready: RegExp,
): Promise<{ child: ChildProcessWithoutNullStreams; lines: string[] }> {
  const child = spawn(process.execPath, [writer, db, mode]);
  const lines: string[] = [];
  let buffer = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        if (ready.test(line)) resolve({ child, lines });
      }
    });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => reject(new Error(`writer exited ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r()),
  );

describe("writes in one process", () => {
  it("serializes concurrent writes: 60 facts recorded at once are all in the file", async () => {
    const db = tempDb();
    const store = await LowdbStore.open(db);
    const titles = Array.from({ length: 60 }, (_, i) => `concurrent ${i}`);
    await Promise.all(titles.map((t, i) => store.addFact(fact(t, i))));
    const inFile = titlesIn(db);
    for (const t of titles) expect(inFile.has(t)).toBe(true);
    // and two store objects on the same file in one process do not lose each other's writes
    const other = await LowdbStore.open(db);
    await Promise.all([store.addFact(fact("from a")), other.addFact(fact("from b")), store.addFact(fact("from a2"))]);
    const after = titlesIn(db);
    for (const t of ["from a", "from b", "from a2", ...titles]) expect(after.has(t)).toBe(true);
    await store.close();
  });

  it("reads the file again before writing when someone else changed it since", async () => {
    const db = tempDb();
    const a = LowdbStore.lazy(db);
    expect((await a.facts()).length).toBeGreaterThan(0);
    // another writer (same process here; the lock is per process) changes the file
    const b = await LowdbStore.open(db);
    await b.addFact(fact("written by b"));
    await a.addFact(fact("written by a"));
    const inFile = titlesIn(db);
    expect(inFile.has("written by b")).toBe(true);
    expect(inFile.has("written by a")).toBe(true);
    await a.close();
  });

  it("keeps the previous file as motionera.json.bak before each write", async () => {
    const db = tempDb();
    const before = readFileSync(db, "utf8");
    const store = await LowdbStore.open(db);
    await store.addFact(fact("one"));
    expect(readFileSync(`${db}.bak`, "utf8")).toBe(before);
    const afterOne = readFileSync(db, "utf8");
    await store.addFact(fact("two"));
    expect(readFileSync(`${db}.bak`, "utf8")).toBe(afterOne);
    await store.close();
  });
});

describe("readers in other processes", () => {
  it("see what another process wrote, without restarting", async () => {
    const db = tempDb();
    const reader = LowdbStore.lazy(db);
    const before = (await reader.facts()).length;
    const { execFileSync } = await import("node:child_process");
    execFileSync(process.execPath, [writer, db, "loop", "3"]);
    const after = await reader.facts();
    expect(after.length).toBe(before + 9); // three imports of three rows
    expect(after.some((f) => f.source.title?.startsWith("Crash test"))).toBe(true);
  });
});

describe("one writing process at a time", () => {
  it(
    "refuses a second process's write with a message naming the holder, then allows it when the " + "holder is gone",
    async () => {
      const db = tempDb();
      const { child } = await startWriter(db, "hold", /^held$/);
      try {
        const store = LowdbStore.lazy(db);
        const before = readFileSync(db, "utf8");
        const e = await failure(store.addFact(fact("refused")));
        expect(e.details.code).toBe("database_locked");
        const text = explainError(e.details);
        expect(text).toContain(db);
        expect(text).toContain(`process ${child.pid}`);
        expect(text).toContain("Ingenting skrevs");
        expect(readFileSync(db, "utf8")).toBe(before);
        // reading is never refused
        expect((await store.facts()).length).toBeGreaterThan(0);
        // the holder dies without cleaning up: its lock is stale and taken over
        child.kill("SIGKILL");
        await exited(child);
        expect(existsSync(`${db}.lock`)).toBe(true);
        await store.addFact(fact("after the holder died"));
        expect(titlesIn(db).has("after the holder died")).toBe(true);
        await store.close();
        expect(existsSync(`${db}.lock`)).toBe(false);
      } finally {
        child.kill("SIGKILL");
      }
    },
  );
});

describe("a corrupt or old database", () => {
  it("refuses a truncated file, never overwrites it, and names the last good backup", async () => {
    const db = tempDb();
    const good = await LowdbStore.open(db);
    await good.addFact(fact("before the damage"));
    await good.close();
    const text = readFileSync(db, "utf8");
    writeFileSync(db, text.slice(0, Math.floor(text.length / 2)));
    const damaged = readFileSync(db);

    const store = LowdbStore.lazy(db);
    const e = await failure(store.addFact(fact("must not be written")));
    expect(e.details.code).toBe("database_invalid");
    const message = explainError(e.details);
    expect(message).toContain(db);
    expect(message).toContain("ogiltig JSON");
    expect(message).toContain("skrivs inte över");
    expect(message).toContain(`${db}.bak`);
    expect(message).toContain(`cp "${db}.bak" "${db}"`);
    expect(readFileSync(db).equals(damaged)).toBe(true);
    // the backup it names is readable and holds the data before the last write
    const backup = readDatabase(JSON.parse(readFileSync(`${db}.bak`, "utf8")));
    expect(backup.success && backup.data.facts.length).toBeGreaterThan(100);
    await store.close();
  });

  it("refuses a file that parses but is not a database, naming the field", async () => {
    const db = tempDb();
    const data = JSON.parse(readFileSync(db, "utf8"));
    data.facts[3].subject = "Lidingö";
    writeFileSync(db, JSON.stringify(data));
    const e = await failure(LowdbStore.lazy(db).facts());
    expect(explainError(e.details)).toMatch(/facts\.3\.subject/);
    expect(explainError(e.details)).toContain("ingen fungerande säkerhetskopia");
  });

  it("migrates a version-1 file, keeping the old file as motionera.json.v1.bak before the first write", async () => {
    const db = tempDb();
    const data = JSON.parse(readFileSync(db, "utf8"));
    const v1 = `${JSON.stringify({ schemaVersion: 1, facts: data.facts }, null, 2)}\n`;
    writeFileSync(db, v1);
    const store = await LowdbStore.open(db);
    expect((await store.documents()).length).toBe(0);
    expect(existsSync(`${db}.v1.bak`)).toBe(false); // reading changes nothing
    await store.addFact(fact("after migration"));
    expect(readFileSync(`${db}.v1.bak`, "utf8")).toBe(v1);
    const now = JSON.parse(readFileSync(db, "utf8"));
    expect(now.schemaVersion).toBe(7);
    expect(now.audit).toHaveLength(1);
    expect(now.documents).toEqual([]);
    await store.close();
  });
});

// Twenty kills in the suite (each starts a writer process); MOTIONERA_CRASH_ROUNDS=200 for a longer run.
const crashRounds = Number(process.env.MOTIONERA_CRASH_ROUNDS ?? 20);

describe("crash test", () => {
  it(`an import loop killed with SIGKILL at random moments, ${crashRounds} times, never loses an acknowledged write`, async () => {
    const db = tempDb();
    const acknowledged = new Set<string>();
    let killedMidLoop = 0;
    const dir = join(db, "..");
    const leftovers = () => readdirSync(dir).filter((n) => n.endsWith(".tmp") || n.endsWith(".stale"));
    let roundsLeavingTempFiles = 0;
    let leftByLastKill: string[] = [];
    for (let round = 0; round < crashRounds; round++) {
      const { child, lines } = await startWriter(db, "loop", /^ack /);
      // whatever the kill before left behind, the next writer's open has swept away
      for (const n of leftByLastKill) expect(existsSync(join(dir, n)), `round ${round}: ${n}`).toBe(false);
      // let it write for a random while (1–40 ms after its first acknowledged write), then kill it
      await new Promise((r) => setTimeout(r, 1 + Math.random() * 40));
      child.kill("SIGKILL");
      await exited(child);
      for (const l of lines) if (l.startsWith("ack ")) acknowledged.add(l.slice(4));
      killedMidLoop++;
      leftByLastKill = leftovers();
      if (leftByLastKill.length > 0) roundsLeavingTempFiles++;
      // after each kill the database parses and holds every acknowledged write
      const inFile = titlesIn(db);
      for (const t of acknowledged) expect(inFile.has(t), `round ${round}: ${t}`).toBe(true);
      // and each import is whole: its three rows, or none
      const rows = countByTitle(db);
      for (const [t, n] of rows) if (t.startsWith("Crash test")) expect(n, t).toBe(3);
    }
    expect(killedMidLoop).toBe(crashRounds);
    console.log(
      `crash test: ${crashRounds} SIGKILLs, ${acknowledged.size} acknowledged imports (three facts each), all in the ` +
        `file, none in part; ${roundsLeavingTempFiles} kills left a temp file, each swept by the next open`,
    );
    expect(acknowledged.size).toBeGreaterThan(crashRounds);
    // the temp files of the last killed writer go when the store next opens
    const store = await LowdbStore.open(db);
    expect(leftovers()).toEqual([]);
    await store.close();
  }, 600_000);
});
