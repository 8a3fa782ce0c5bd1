/**
 * Issue 11, point 6: the temp files a killed process leaves beside the database are removed
 * when the store opens — only those of processes that no longer run, only names made from the
 * database's own name.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { sweepStaleTempFiles, tempFilePid } from "../../src/store/stale-temp-files.js";
import { repoRoot } from "../helpers/cli.js";

function tempDb(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), "motionera-sweep-"));
  const db = join(dir, "db.json");
  copyFileSync(join(repoRoot, "corpus", "motionera.json"), db);
  return { dir, db };
}

/** The pid of a process that has ended (a child that ran and exited). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", ""]);
  expect(r.status).toBe(0);
  return r.pid;
}

/** A process that runs until the tests end. */
const live = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
afterAll(() => {
  live.kill();
});

describe("start-up sweep of stale temp files", () => {
  it("reads the pid from each kind of temp name made from the database's name, and from no other name", () => {
    const db = "/x/motionera.json";
    expect(tempFilePid(db, "motionera.json.123.tmp")).toBe(123);
    expect(tempFilePid(db, "motionera.json.bak.123.tmp")).toBe(123);
    expect(tempFilePid(db, "motionera.json.v1.bak.123.tmp")).toBe(123);
    expect(tempFilePid(db, "motionera.json.lock.123.tmp")).toBe(123);
    expect(tempFilePid(db, "motionera.json.lock.123.stale")).toBe(123);
    expect(tempFilePid(db, "motionera.index.json.123.k3x9q1.tmp")).toBe(123);
    for (const other of [
      "motionera.json",
      "motionera.json.bak",
      "motionera.json.lock",
      "motionera.json.v1.bak",
      "other.json.123.tmp",
      "motionera.jsonx.123.tmp",
      "motionera.json.abc.tmp",
      "123.tmp",
      "motionera.json.123.tmp.keep",
    ]) {
      expect(tempFilePid(db, other), other).toBeUndefined();
    }
  });

  it(
    "opening the store removes a dead process's temp files beside the database and keeps a live process's and " +
      "every other file",
    async () => {
      const { dir, db } = tempDb();
      const dead = deadPid();
      const alive = live.pid!;
      const stale = [
        `db.json.${dead}.tmp`,
        `db.json.bak.${dead}.tmp`,
        `db.json.v1.bak.${dead}.tmp`,
        `db.json.lock.${dead}.tmp`,
        `db.json.lock.${dead}.stale`,
        `db.index.json.${dead}.a1b2c3.tmp`,
      ];
      const kept = [
        `db.json.${alive}.tmp`,
        `db.json.bak.${alive}.tmp`,
        `db.index.json.${alive}.a1b2c3.tmp`,
        `other.json.${dead}.tmp`,
        `notes.${dead}.tmp`,
        ".db.json.tmp",
      ];
      for (const name of [...stale, ...kept]) writeFileSync(join(dir, name), "half a write");
      const store = await LowdbStore.open(db);
      for (const name of stale) expect(existsSync(join(dir, name)), name).toBe(false);
      for (const name of kept) expect(existsSync(join(dir, name)), name).toBe(true);
      // lowdb's old temp file carries no pid: only the process holding the write lock removes it
      await store.addFact({
        subject: "0186",
        key: "population",
        value: { type: "number", value: 1 },
        asOf: "2024",
        source: { title: "sweep", publisher: "Motionera test", date: null },
      });
      expect(existsSync(join(dir, ".db.json.tmp"))).toBe(false);
      await store.close();
      expect(readdirSync(dir).sort()).toEqual(
        ["db.json", "db.json.bak", ...kept.filter((n) => n !== ".db.json.tmp")].sort(),
      );
    },
  );

  it("a store that only reads sweeps too (the lazy store on its first read)", async () => {
    const { dir, db } = tempDb();
    const name = `db.json.bak.${deadPid()}.tmp`;
    writeFileSync(join(dir, name), "");
    const store = LowdbStore.lazy(db);
    expect(existsSync(join(dir, name))).toBe(true); // nothing is touched before the first read
    await store.facts();
    expect(existsSync(join(dir, name))).toBe(false);
  });

  it("leaves everything alone while another machine holds the write lock (its pids mean nothing here)", async () => {
    const { dir, db } = tempDb();
    const name = `db.json.${deadPid()}.tmp`;
    writeFileSync(join(dir, name), "");
    writeFileSync(
      `${db}.lock`,
      `${JSON.stringify({
        pid: 1,
        host: `not-${hostname()}`,
        command: "motionera serve",
        since: new Date().toISOString(),
      })}\n`,
    );
    expect(await sweepStaleTempFiles(db)).toEqual([]);
    expect(existsSync(join(dir, name))).toBe(true);
    writeFileSync(
      `${db}.lock`,
      `${JSON.stringify({
        pid: live.pid,
        host: hostname(),
        command: "motionera serve",
        since: new Date().toISOString(),
      })}\n`,
    );
    expect(await sweepStaleTempFiles(db)).toEqual([join(dir, name)]);
  });
});
