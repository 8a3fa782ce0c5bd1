/**
 * A worker started before its pool (src/threads/early-worker.ts), on the built code with the pool's stand-in worker:
 * the pool takes it instead of starting one, and hears what it said before the pool listened (its "ready", its
 * failed setup); one not yet ready is waited for like any other.
 */
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const built = (file: string) => join(repoRoot, "dist", "src", "threads", file);
const { WorkerPool } = (await import(built("worker-pool.js"))) as typeof import("../../src/threads/worker-pool.js");
const { startEarlyWorker } = (await import(
  built("early-worker.js")
)) as typeof import("../../src/threads/early-worker.js");
const script = new URL("./echo-worker.mjs", import.meta.url);
type Job = { value: string; wait: number };

describe("early worker", () => {
  it("is taken by the pool, which hears the ready it missed and starts no worker of its own", async () => {
    const early = startEarlyWorker(script, {});
    // Long enough for the worker to have set up and said so, with nobody listening yet.
    await sleep(800);
    const pool = new WorkerPool<Job, string>({ script, size: 1, adopt: [early] });
    try {
      await pool.ready();
      expect(await pool.run({ value: "x", wait: 0 })).toBe(`x@${early.worker.threadId}`);
      expect(pool.spawned).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("passes on a setup that failed before the pool listened", async () => {
    const early = startEarlyWorker(script, { workerData: { fail: true } });
    await sleep(800);
    const pool = new WorkerPool<Job, string>({ script, size: 1, adopt: [early] });
    try {
      await expect(pool.run({ value: "x", wait: 0 })).rejects.toThrow("kunde inte starta");
    } finally {
      await pool.close();
    }
  });

  it("is waited for when the pool takes it before it is ready; more workers than adopted are started", async () => {
    const early = startEarlyWorker(script, { workerData: { setupMs: 300 } });
    const pool = new WorkerPool<Job, string>({ script, size: 2, workerData: { setupMs: 300 }, adopt: [early] });
    try {
      await pool.ready();
      const threads = new Set(
        (await Promise.all([0, 1, 2, 3].map((i) => pool.run({ value: String(i), wait: 50 })))).map(
          (r) => r.split("@")[1],
        ),
      );
      expect(threads.has(String(early.worker.threadId))).toBe(true);
      expect(pool.spawned).toBe(2);
    } finally {
      await pool.close();
    }
  });
});
