/**
 * The build's bundle step (`npm run build`, after tsc compiles src/ to dist/src): dist/cli, emptied first, gets
 * - one CommonJS bundle per program that runs with a V8 code cache (cached-script.ts): the command line
 *   (command-line.cjs) and the worker threads it starts for drafts and campaigns (render-worker.cjs,
 *   campaign-worker.cjs), each written already wrapped as the loader runs it;
 * - ES modules, with their shared code split into chunks, for what loads before a bundle or on its own: the loader,
 *   the worker threads' loader, a draft's early PDF thread, V8's tuning, the import allocator, and the corpus
 *   import's worker (no build run warms it, so it has no cache to gain).
 * The packages left outside are loaded from node_modules when used: pg (and its optional native part), and the
 * ES-module-only pdfjs-dist and node-pg-migrate, imported through import-package.ts.
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync, type BuildOptions } from "esbuild";
import { projectRoot } from "../project-paths.js";
import { scriptHead, scriptTail } from "./cached-script.js";

const common: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: "node",
  mainFields: ["module", "main"],
  target: "node20",
  external: ["pdfjs-dist", "pg", "pg-native", "node-pg-migrate"],
  logLevel: "warning",
};

/** A CommonJS bundle for loadCachedScript; `import.meta.url` is the bundle's own URL. */
export const cachedBundleOptions: BuildOptions = {
  ...common,
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  define: { "import.meta.url": "__motioneraModuleUrl" },
  banner: {
    js: `${scriptHead}"use strict";const __motioneraModuleUrl=require("node:url").pathToFileURL(__filename).href;`,
  },
  footer: { js: scriptTail },
};

const source = (path: string) => join(projectRoot, "src", path);

export function bundle(outdir: string): void {
  rmSync(outdir, { recursive: true, force: true });
  buildSync({
    ...cachedBundleOptions,
    entryPoints: ["command-line.ts", "render/render-worker.ts", "campaign/campaign-worker.ts"].map(source),
    outdir,
    entryNames: "[name]",
  });
  buildSync({
    ...common,
    format: "esm",
    splitting: true,
    entryPoints: [
      "loading/cached-script.ts",
      "loading/cached-worker.ts",
      "render/pdf-prestart.ts",
      "cli/v8-tuning.ts",
      "cli/import-allocator.ts",
      "threads/import-worker.ts",
    ].map(source),
    outdir,
    entryNames: "[name]",
    // Bundled CommonJS packages call require(): give the ES modules one.
    banner: {
      js:
        "import{createRequire as __motioneraRequire}from'node:module';" +
        "const require=__motioneraRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  bundle(join(projectRoot, "dist", "cli"));
