/**
 * What bin/motionera.js loads before the command line: one small CommonJS bundle (dist/cli/start.cjs), run by Node's
 * CommonJS loader without its ES-module loader, which a command never needs and which cost a few milliseconds of
 * every start (README, "Speed"). It holds V8's tuning for the commands, a draft's early PDF thread and the loader
 * that runs the command line's bundle with its code cache.
 */
export { tunesCommand } from "./v8-tuning.js";
export { startEarlyPdfWorker } from "../render/pdf-prestart.js";
export { loadCachedScript, savesCodeCache } from "./cached-script.js";
export { bundleLoaded, loadNodeModules, newLatch } from "./tuning-latch.js";
