/**
 * A command tunes V8 once its threads have loaded their bundles (src/loading/tuning-latch.ts): the last thread to
 * count down tunes, once, whichever thread it is, workers that joined included; the build's cache-making runs never
 * tune.
 */
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { saveCodeCacheVariable } from "../../src/loading/cached-script.js";
import { bundleLoaded, joinLatch, newLatch } from "../../src/loading/tuning-latch.js";

const saved = process.env[saveCodeCacheVariable];
afterEach(() => {
  if (saved === undefined) delete process.env[saveCodeCacheVariable];
  else process.env[saveCodeCacheVariable] = saved;
});

describe("the tuning latch", () => {
  it("tunes when the last of its threads has loaded, once", () => {
    delete process.env[saveCodeCacheVariable];
    let tuned = 0;
    const latch = newLatch(2);
    expect(bundleLoaded(latch, () => tuned++)).toBe(false);
    expect(tuned).toBe(0);
    expect(bundleLoaded(latch, () => tuned++)).toBe(true);
    expect(tuned).toBe(1);
  });

  it("waits for the workers that join it before they start (a campaign's)", () => {
    delete process.env[saveCodeCacheVariable];
    let tuned = 0;
    const latch = newLatch(1);
    joinLatch(latch, 2);
    expect([bundleLoaded(latch, () => tuned++), bundleLoaded(latch, () => tuned++)]).toEqual([false, false]);
    expect(bundleLoaded(latch, () => tuned++)).toBe(true);
    expect(tuned).toBe(1);
  });

  it("tells the tuning whether the command makes one document, whichever thread tunes", () => {
    delete process.env[saveCodeCacheVariable];
    const told: boolean[] = [];
    for (const oneDocument of [true, false]) {
      const latch = newLatch(1, oneDocument);
      joinLatch(latch, 1);
      expect(bundleLoaded(latch, (one) => told.push(one))).toBe(false);
      expect(bundleLoaded(latch, (one) => told.push(one))).toBe(true);
    }
    expect(bundleLoaded(newLatch(1), (one) => told.push(one))).toBe(true);
    expect(told).toEqual([true, false, false]);
  });

  it("never tunes while the build makes the caches", () => {
    process.env[saveCodeCacheVariable] = "1";
    let tuned = 0;
    expect(bundleLoaded(newLatch(1), () => tuned++)).toBe(true);
    expect(tuned).toBe(0);
  });

  it("names one last thread when a worker counts down at the same time", async () => {
    delete process.env[saveCodeCacheVariable];
    for (let round = 0; round < 20; round++) {
      const latch = newLatch(2);
      const cells = new Int32Array(latch);
      const worker = new Worker(
        "const { workerData, parentPort } = require('node:worker_threads');" +
          "parentPort.postMessage(Atomics.sub(new Int32Array(workerData), 0, 1) === 1);",
        { eval: true, workerData: latch },
      );
      const workerLast = new Promise<boolean>((resolve) => worker.once("message", resolve));
      const mainLast = bundleLoaded(latch, () => undefined);
      expect([mainLast, await workerLast].filter(Boolean)).toHaveLength(1);
      expect(cells[0]).toBe(0);
      await worker.terminate();
    }
  });
});
