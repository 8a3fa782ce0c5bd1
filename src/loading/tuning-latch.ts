/**
 * When a command tunes V8 (v8-tuning.ts). Node compiles its own modules from the code cache built into it, and V8
 * takes a bundle's code cache (cached-script.ts), only while V8's flags are what they were when the cache was made.
 * Node's cache is made under V8's defaults: every Node module loaded after the tuning is compiled from its source. A
 * worker thread loads some forty as it starts, so a draft's PDF thread took 35 instead of 18 ms to start on an idle
 * machine (45–80 ms beside the main thread's work) when the tuning came first.
 *
 * So a command tunes last: its main thread and the worker threads it starts as it loads (a draft's PDF thread, a
 * campaign's workers) each load Node's modules and their bundle under the defaults, and the one that has loaded its
 * bundle last changes the flags. None waits for another; they count down on a shared buffer. `npm run build` makes
 * every cache without tuning, so all carry the defaults, and the service (never tuned) takes the command line's too.
 * A worker that never loads its bundle (it failed, or its campaign did not take it) leaves the command untuned:
 * slower, never wrong.
 */
import { createRequire } from "node:module";
import { savesCodeCache } from "./cached-script.js";
import { tuneShortLived } from "./v8-tuning.js";

/** The key under which a worker's `workerData` carries the latch. */
export const latchKey = "motioneraTuningLatch";

/**
 * The Node modules a command or a writer thread loads, loaded now while V8's flags are the defaults, so Node's own
 * code cache serves them (a draft's main thread: about 3 ms less).
 */
export function loadNodeModules(): void {
  const load = createRequire(import.meta.url);
  for (const name of ["node:crypto", "node:zlib", "node:fs/promises", "node:os"]) load(name);
}

/** Adds `threads` worker threads to the latch, before they start. */
export function joinLatch(latch: SharedArrayBuffer, threads: number): void {
  Atomics.add(new Int32Array(latch), 0, threads);
}

/**
 * A latch for `threads` threads (the main thread and the workers started with it); `oneDocument`: the command makes
 * one document (`draft`), which its tuning heeds (v8-tuning.ts), whichever thread tunes.
 */
export function newLatch(threads: number, oneDocument = false): SharedArrayBuffer {
  const latch = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const cells = new Int32Array(latch);
  cells[0] = threads;
  cells[1] = oneDocument ? 1 : 0;
  return latch;
}

/**
 * Says this thread has loaded its bundle; the last of the latch's threads tunes V8 (`tune`, told whether the command
 * makes one document), never while the build makes the caches. Returns whether this thread was the last.
 */
export function bundleLoaded(latch: SharedArrayBuffer, tune: (oneDocument: boolean) => void = tuneShortLived): boolean {
  const cells = new Int32Array(latch);
  const last = Atomics.sub(cells, 0, 1) === 1;
  if (last && !savesCodeCache()) tune(Atomics.load(cells, 1) === 1);
  return last;
}
