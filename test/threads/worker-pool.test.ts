/**
 * The worker pool (src/threads/worker-pool.ts) on the built code with a stand-in worker:
 * init messages reach every worker before its jobs, jobs are spread over the free workers,
 * a job's error reaches its caller, a failed setup fails the pool without hanging.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const { WorkerPool, WorkerJobError, WorkerPoolClosedError } = (await import(join(repoRoot, "dist", "src", "threads", "worker-pool.js"))) as typeof import("../../src/threads/worker-pool.js");
const script = new URL("./echo-worker.mjs", import.meta.url);
type Job = { value: string; wait: number };

describe("worker pool", () => {
  it("gives every worker the init message before its jobs and spreads the jobs over the free workers", async () => {
    const pool = new WorkerPool<Job, string>({ script, size: 2 });
    try {
      pool.broadcast({ prefix: "a:" });
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.run({ value: String(i), wait: 20 })));
      expect(results.map((r) => r.split("@")[0])).toEqual(["a:0", "a:1", "a:2", "a:3", "a:4", "a:5"]);
      expect(new Set(results.map((r) => r.split("@")[1])).size).toBe(2);
      pool.broadcast({ prefix: "b:" });
      expect(await pool.run({ value: "x", wait: 0 })).toMatch(/^b:x@/);
    } finally {
      await pool.close();
    }
  });

  it("passes a job's error to its caller and keeps working; closing fails what still waits", async () => {
    const pool = new WorkerPool<Job, string>({ script, size: 1 });
    await expect(pool.run({ value: "fel", wait: 0 })).rejects.toThrow(WorkerJobError);
    expect(await pool.run({ value: "ok", wait: 0 })).toMatch(/^ok@/);
    const slow = expect(pool.run({ value: "långsam", wait: 200 })).rejects.toThrow(WorkerPoolClosedError);
    const waiting = expect(pool.run({ value: "väntar", wait: 0 })).rejects.toThrow(WorkerPoolClosedError);
    await pool.close();
    await waiting;
    await slow;
  });

  it("fails ready() and every job when the workers cannot start, without starting new ones", async () => {
    const pool = new WorkerPool<Job, string>({ script, size: 2, workerData: { fail: true } });
    try {
      const job = expect(pool.run({ value: "x", wait: 0 })).rejects.toThrow("kunde inte starta");
      await expect(pool.ready()).rejects.toThrow("kunde inte starta");
      await job;
      await expect(pool.run({ value: "y", wait: 0 })).rejects.toThrow("kunde inte starta");
    } finally {
      await pool.close();
    }
  });
});
