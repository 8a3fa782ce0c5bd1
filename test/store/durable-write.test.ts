/**
 * Issue 11, points 6 and 7: every database write is fsynced (the file before its rename, the
 * folder after), and a write that fails — a full disk at any step — leaves no temp file and
 * the database as it was. The file system calls are injected (`DurableFs`), so the failures
 * are exact and the calls can be counted without strace.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMotioneraError } from "../../src/domain/errors.js";
import { explainError } from "../../src/messages.sv.js";
import { writeFileDurably, type DurableFs } from "../../src/files/durable-write.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import type { NewFact } from "../../src/store/store.js";
import { repoRoot } from "../helpers/cli.js";

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "motionera-durable-"));
  const db = join(dir, "db.json");
  copyFileSync(join(repoRoot, "corpus", "motionera.json"), db);
  return db;
}

const fact = (title: string): NewFact => ({
  subject: "0186",
  key: "population",
  value: { type: "number", value: 1 },
  asOf: "2024",
  source: { title, publisher: "Motionera test", date: null },
});

const tempFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

/** The real file system, with every call written to `calls` ("open w <path>", "sync <path>", …). */
function recordingFs(calls: string[]): DurableFs {
  return {
    async open(path, flags) {
      const handle = await open(path, flags);
      calls.push(`open ${flags} ${path}`);
      return {
        writeFile: async (data) => {
          calls.push(`write ${path}`);
          await handle.writeFile(data);
        },
        sync: async () => {
          calls.push(`sync ${path}`);
          await handle.sync();
        },
        close: async () => {
          calls.push(`close ${path}`);
          await handle.close();
        },
      };
    },
    async rename(from, to) {
      calls.push(`rename ${from} ${to}`);
      await rename(from, to);
    },
    rm: (path, options) => rm(path, options),
  };
}

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

/**
 * The real file system, except that one step fails once like a full disk: `write` after
 * writing the first half of the data (a partial temp file, as a full disk leaves it),
 * `sync` (fsync can report ENOSPC/EIO on some file systems) or `rename`.
 */
function failingFs(step: "write" | "sync" | "rename"): DurableFs & { failed: number } {
  const fs = {
    failed: 0,
    async open(path: string, flags: "w" | "r") {
      const handle = await open(path, flags);
      return {
        writeFile: async (data: string | Uint8Array) => {
          if (step === "write" && fs.failed === 0) {
            fs.failed++;
            await handle.writeFile(data.slice(0, Math.floor(data.length / 2)));
            throw enospc();
          }
          await handle.writeFile(data);
        },
        sync: async () => {
          if (step === "sync" && fs.failed === 0 && flags === "w") {
            fs.failed++;
            throw enospc();
          }
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    async rename(from: string, to: string) {
      if (step === "rename" && fs.failed === 0) {
        fs.failed++;
        throw Object.assign(new Error("EXDEV: rename failed"), { code: "EXDEV" });
      }
      await rename(from, to);
    },
    rm: (path: string, options: { force: true }) => rm(path, options),
  };
  return fs;
}

describe("durable writes", () => {
  it("fsyncs the temp file before renaming it over the database, and the folder after", async () => {
    const db = tempDb();
    const calls: string[] = [];
    const store = await LowdbStore.open(db, { fs: recordingFs(calls) });
    await store.addFact(fact("fsync test"));
    await store.close();
    const temp = `${db}.${process.pid}.tmp`;
    expect(calls).toEqual([
      `open w ${temp}`,
      `write ${temp}`,
      `sync ${temp}`,
      `close ${temp}`,
      `rename ${temp} ${db}`,
      `open r ${dirname(db)}`,
      `sync ${dirname(db)}`,
      `close ${dirname(db)}`,
    ]);
    expect(readFileSync(db, "utf8")).toContain("fsync test");
    expect(tempFiles(dirname(db))).toEqual([]);
  });

  for (const step of ["write", "sync", "rename"] as const) {
    it(
      `a write that fails at ${step} (full disk) leaves no temp file, the database as it was, and the next ` +
        `write works`,
      async () => {
        const db = tempDb();
        const before = readFileSync(db, "utf8");
        const fs = failingFs(step);
        const store = await LowdbStore.open(db, { fs });
        const factsBefore = (await store.facts()).length;
        let error: unknown;
        try {
          await store.addFact(fact("lost to a full disk"));
        } catch (e) {
          error = e;
        }
        expect(fs.failed).toBe(1);
        expect(isMotioneraError(error)).toBe(true);
        if (isMotioneraError(error)) {
          expect(error.details.code).toBe("output_failed");
          expect(explainError(error.details)).toContain("Inga filer skrevs");
        }
        expect(tempFiles(dirname(db))).toEqual([]);
        expect(readFileSync(db, "utf8")).toBe(before);
        expect((await store.facts()).length).toBe(factsBefore);
        // the disk has room again: the next write goes through
        await store.addFact(fact("after the disk was freed"));
        expect(readFileSync(db, "utf8")).toContain("after the disk was freed");
        expect(readFileSync(db, "utf8")).not.toContain("lost to a full disk");
        expect(tempFiles(dirname(db))).toEqual([]);
        await store.close();
      },
    );
  }

  it("writeFileDurably onto a folder fails and removes its temp file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-durable-"));
    const target = join(dir, "a-folder");
    await mkdir(target);
    await expect(writeFileDurably(target, "data")).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/),
    });
    expect(readdirSync(dir)).toEqual(["a-folder"]);
  });
});
