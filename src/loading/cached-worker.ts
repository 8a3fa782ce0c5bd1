/**
 * A worker thread's entry beside the command line's bundle (see worker-entry.ts): runs the
 * worker's CommonJS bundle, named in its `process.argv`, with its V8 code cache
 * (cached-script.ts). The PDF thread of one `motionera draft` was ready (fonts parsed, a small
 * draft written) in 150 ms instead of 190 ms with its cache.
 *
 * In the build's representative run (`MOTIONERA_SAVE_CODE_CACHE=1`, src/cli/build-code-cache.ts)
 * the worker saves its cache each time before it answers: after its warm-up and after each job,
 * so a pool that stops it at once (worker.terminate()) has the cache already.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadCachedScript, savesCodeCache } from "./cached-script.js";
import { bundleLoaded, latchKey, loadNodeModules } from "./tuning-latch.js";

// A worker started before V8 is tuned (a draft's PDF thread) loads Node's modules and its bundle first, then counts
// down on the tuning's latch (tuning-latch.ts).
const latch = (workerData as Record<string, unknown> | null)?.[latchKey];
if (latch instanceof SharedArrayBuffer) loadNodeModules();

const file = process.argv[2];
if (!file) throw new Error("cached-worker: the worker's bundle is not named (process.argv[2])");
const script = loadCachedScript(file);
if (latch instanceof SharedArrayBuffer) bundleLoaded(latch);

if (savesCodeCache() && parentPort) {
  const port = parentPort;
  const post = port.postMessage.bind(port);
  port.postMessage = (value: unknown, transfer?: Parameters<typeof post>[1]) => {
    script.saveCache();
    post(value, transfer);
  };
}
