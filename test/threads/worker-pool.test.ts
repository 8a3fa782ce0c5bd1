/**
 * The worker pool (src/threads/worker-pool.ts) on the built code with a stand-in worker:
 * init messages reach every worker before its jobs, jobs are spread over the free workers,
 * a job's error reaches its caller, a failed setup fails the pool without hanging, and with sendBeforeReady jobs
 * reach a worker while it still sets up.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const { WorkerPool, WorkerJobError, WorkerPoolClosedError } = (await import(
  join(repoRoot, "dist", "src", "threads", "worker-pool.js")
)) as typeof import("../../src/threads/worker-pool.js");
const script = new URL("./echo-worker.mjs", import.meta.url);
type Job = { value: string; wait: number; report?: boolean };

describe("worker pool", () => {
  it("gives every worker the init message before its jobs and spreads the jobs over the free workers", async () => {
    const pool = new WorkerPool<Job, string>({ script, size: 2 });
    try {
      pool.broadcast({ prefix: "a:" });
      // Both workers ready first: on a loaded machine one may otherwise take every job before the other has started.
      await pool.ready();
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

  it("with sendBeforeReady, hands jobs to a worker still setting up; it runs them once ready", async () => {
    const run = async (sendBeforeReady: boolean) => {
      const pool = new WorkerPool<Job, string>({ script, size: 1, workerData: { setupMs: 300 }, sendBeforeReady });
      try {
        pool.broadcast({ prefix: "c:" });
        const jobs = Array.from({ length: 2 }, (_, i) => pool.run({ value: String(i), wait: 0, report: true }));
        return await Promise.all(jobs);
      } finally {
        await pool.close();
      }
    };
    // Two jobs (perWorker) reached the worker during its setup, and ran after it, with the init before them.
    expect((await run(true)).map((r) => r.replace(/@\d+/, ""))).toEqual(["c:0 early=2", "c:1 early=2"]);
    expect((await run(false)).map((r) => r.replace(/@\d+/, ""))).toEqual(["c:0 early=0", "c:1 early=0"]);
  });

  it("with sendBeforeReady, fails the jobs a worker held when its setup fails, with the setup's reason", async () => {
    const pool = new WorkerPool<Job, string>({ script, size: 1, workerData: { fail: true }, sendBeforeReady: true });
    try {
      const jobs = Array.from({ length: 3 }, (_, i) => pool.run({ value: String(i), wait: 0 }));
      await Promise.all(jobs.map((job) => expect(job).rejects.toThrow("kunde inte starta")));
      await expect(pool.run({ value: "senare", wait: 0 })).rejects.toThrow("kunde inte starta");
      expect(pool.spawned).toBe(1);
    } finally {
      await pool.close();
    }
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

describe("worker pool: aborting a job", () => {
  type SpinJob = Job & { spin?: boolean };
  const aborted = (ms: number) => AbortSignal.timeout(ms);

  it("stops a job that never yields by terminating its worker, which is replaced; the next job runs", async () => {
    const pool = new WorkerPool<SpinJob, string>({ script, size: 1, perWorker: 1 });
    try {
      const first = await pool.run({ value: "a", wait: 0 });
      expect(pool.spawned).toBe(1);
      // This job would spin forever: only stopping its thread ends it.
      await expect(pool.run({ value: "snurra", wait: 0, spin: true }, [], aborted(300))).rejects.toThrow(
        /abort|timeout/i,
      );
      const after = await pool.run({ value: "b", wait: 0 });
      expect(after).toMatch(/^b@/);
      expect(after.split("@")[1]).not.toBe(first.split("@")[1]);
      expect(pool.spawned).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it("takes a job that still waits in the queue out of it: it never runs, and its worker is kept", async () => {
    const pool = new WorkerPool<SpinJob, string>({ script, size: 1, perWorker: 1 });
    try {
      const busy = pool.run({ value: "upptagen", wait: 300 });
      const controller = new AbortController();
      const waiting = pool.run({ value: "väntar", wait: 0, spin: true }, [], controller.signal);
      controller.abort(new Error("gav upp"));
      await expect(waiting).rejects.toThrow("gav upp");
      expect(await busy).toMatch(/^upptagen@/);
      expect(await pool.run({ value: "c", wait: 0 })).toMatch(/^c@/);
      expect(pool.spawned).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("puts the jobs a stopped worker held but had not started back in the queue", async () => {
    const pool = new WorkerPool<SpinJob, string>({ script, size: 1, perWorker: 2 });
    try {
      await pool.ready();
      const controller = new AbortController();
      const spinning = pool.run({ value: "snurra", wait: 0, spin: true }, [], controller.signal);
      // Sent to the same worker (it is ready and holds two), behind the spinning job.
      const behind = pool.run({ value: "bakom", wait: 0 });
      controller.abort(new Error("avbruten"));
      await expect(spinning).rejects.toThrow("avbruten");
      expect(await behind).toMatch(/^bakom@/);
      expect(pool.spawned).toBe(2);
    } finally {
      await pool.close();
    }
  });
});
