/**
 * Where a pool finds its worker's built code. Beside the command line's bundle (dist/cli) a worker
 * is its own CommonJS bundle, which cached-worker.cjs runs with its V8 code cache (cached-script.ts);
 * beside the compiled sources (dist/src) it is an ES module; from the TypeScript sources (vitest)
 * there is none, and the pool's work stays in the calling thread.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** What `new Worker` is given: the script, and the arguments it finds in its `process.argv`. */
export interface WorkerEntry {
  script: URL;
  argv: string[];
}

/** The built worker `name` (e.g. "render-worker") beside the module at `besideUrl` (its `import.meta.url`). */
export function builtWorker(besideUrl: string, name: string): WorkerEntry | undefined {
  const exists = (url: URL) => existsSync(fileURLToPath(url));
  const bundle = new URL(`./${name}.cjs`, besideUrl);
  const loader = new URL("./cached-worker.cjs", besideUrl);
  if (exists(bundle) && exists(loader)) return { script: loader, argv: [fileURLToPath(bundle)] };
  const module = new URL(`./${name}.js`, besideUrl);
  return exists(module) ? { script: module, argv: [] } : undefined;
}
