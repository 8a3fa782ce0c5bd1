/**
 * Runs a one-file CommonJS bundle of dist/cli with its V8 code cache, so the code starts without
 * being parsed and compiled: the command line (command-line.cjs, run by bin/motionera.js) and the
 * worker threads' bundles (render-worker.cjs, campaign-worker.cjs, run by cached-worker.ts). This
 * module is loaded first, as a small module that imports only Node's own modules (and replace-file.ts).
 *
 * Node 20 keeps no code cache for ES modules, and a cache made when a script is compiled (as
 * `vm.Script`'s `produceCachedData` and the v8-compile-cache package make it) holds only the few
 * functions V8 compiles eagerly. These caches are made after representative commands have run
 * (`npm run build`, src/cli/build-code-cache.ts), so they hold the bytecode of every function
 * those ran. One `motionera draft` → DOCX took 155 ms instead of 205 ms (190 ms with a cache made
 * at compile time), and the PDF thread was ready in 150 ms instead of 190 ms (README, "Speed").
 *
 * V8 checks a cache against its own version, its flags and the script's length, and compiles as
 * usual when they differ. The cache file also starts with the bundle's size and modification
 * time, so a bundle rebuilt or edited without a new cache never runs with the old bytecode.
 */
import { readFileSync, statSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname } from "node:path";
import { Script } from "node:vm";
import { replaceFileSync } from "../files/replace-file.js";

/** How the cache was used: `used` (accepted by V8), `missing`, `stale` (another bundle's), `rejected` (by V8). */
export type CacheState = "used" | "missing" | "stale" | "rejected";

export interface CachedScript<T> {
  /** What the script's `module.exports` holds after it ran. */
  exports: T;
  cache: CacheState;
  /** Writes the cache of everything compiled so far in this process (after a representative run). */
  saveCache(): void;
}

/**
 * The variable that has a process save its bundles' caches when it has run (`npm run build` sets it for its
 * representative runs, src/cli/build-code-cache.ts; the bin and cached-worker.ts obey it).
 */
export const saveCodeCacheVariable = "MOTIONERA_SAVE_CODE_CACHE";
export const savesCodeCache = (): boolean => process.env[saveCodeCacheVariable] === "1";

/** The cache file's header: the bundle's size and modification time (ms), two float64s. */
const HEADER_BYTES = 16;

const cacheFileOf = (file: string): string => `${file}.cache`;

function bundleStamp(file: string): Buffer {
  const st = statSync(file);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeDoubleLE(st.size, 0);
  header.writeDoubleLE(st.mtimeMs, 8);
  return header;
}

function readCache(file: string, stamp: Buffer): { data?: Buffer; state: CacheState } {
  let buffer: Buffer;
  try {
    buffer = readFileSync(cacheFileOf(file));
  } catch {
    return { state: "missing" };
  }
  if (buffer.length <= HEADER_BYTES || !buffer.subarray(0, HEADER_BYTES).equals(stamp)) return { state: "stale" };
  return { data: buffer.subarray(HEADER_BYTES), state: "used" };
}

/**
 * How a bundle of dist/cli begins and ends: its CommonJS code wrapped as Node wraps a module, so it gets its own
 * exports, require, module, __filename and __dirname, and `__motioneraImport`, the `import()` it cannot use itself
 * (import-package.ts). The build writes the bundles so wrapped (bundle.ts), and V8 compiles the file's text as it is,
 * without a copy of several megabytes; any other CommonJS file is wrapped here.
 */
export const scriptHead = "(function (exports, require, module, __filename, __dirname, __motioneraImport) {";
export const scriptTail = "\n})";
const wrapped = (source: string): string =>
  source.startsWith(scriptHead) ? source : `${scriptHead}${source}${scriptTail}`;

const importPackage = (specifier: string): Promise<unknown> => import(specifier);

/** Runs the CommonJS script `file` (an absolute path) with its code cache, when one fits. */
export function loadCachedScript<T>(file: string): CachedScript<T> {
  const stamp = bundleStamp(file);
  const cached = readCache(file, stamp);
  // Read as UTF-8: the bundles are ASCII alone (bundle.ts), which V8 keeps as a one-byte string. Read as Latin-1 it
  // took 3 instead of 5 ms, but Node hands a text that large to V8 as an external string: the draft took 7 % longer.
  const script = new Script(wrapped(readFileSync(file, "utf8")), {
    filename: file,
    ...(cached.data ? { cachedData: cached.data } : {}),
  });
  const cache: CacheState = cached.data && script.cachedDataRejected ? "rejected" : cached.state;
  // MOTIONERA_CODE_CACHE_REPORT=1: say how each bundle's cache was used, on stderr (a command's output stays its own),
  // written at once (a worker thread's process.stderr is flushed by the main thread, which may stop it first).
  if (process.env.MOTIONERA_CODE_CACHE_REPORT === "1") writeSync(2, `code cache ${basename(file)}: ${cache}\n`);
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), importPackage);
  return {
    exports: module.exports,
    cache,
    saveCache() {
      // Written whole or not at all, so a reader never sees half a cache.
      replaceFileSync(cacheFileOf(file), Buffer.concat([stamp, script.createCachedData()]));
    },
  };
}
