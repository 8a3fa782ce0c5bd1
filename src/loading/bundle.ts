/**
 * The build's bundle step (`npm run build`, after tsc compiles src/ to dist/src): dist/cli, emptied first, gets
 * - one CommonJS bundle per program that runs with a V8 code cache (cached-script.ts): the command line
 *   (command-line.cjs) and the worker threads it starts for drafts and campaigns (render-worker.cjs,
 *   campaign-worker.cjs), each written already wrapped as the loader runs it;
 * - two small CommonJS files for what loads before a bundle: start.cjs (V8's tuning, a draft's early PDF thread and
 *   the bundles' loader, for bin/motionera.js) and cached-worker.cjs (the worker threads' loader);
 * - ES modules, with their shared code split into chunks, for the import allocator and the corpus import's worker
 *   (no build run warms it, so it has no cache to gain).
 * The packages left outside are loaded from node_modules when used: pg (and its optional native part), and the
 * ES-module-only pdfjs-dist and node-pg-migrate, imported through import-package.ts.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";
import { projectRoot } from "../project-paths.js";
import { scriptHead, scriptTail } from "./cached-script.js";
import { firstUse, initializedOnFirstUse, loadedOnFirstUse, ownFirstUse, ownModulesOnFirstUse } from "./first-use.js";
import { fontkitTablesOnFirstUse } from "./fontkit-tables.js";
import { nativeCodecs } from "./native-codecs.js";

/** What every bundle is built with; some libraries' modules load on first use (first-use.ts, fontkit-tables.ts). */
const common: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: "node",
  mainFields: ["module", "main"],
  target: "node20",
  external: ["pdfjs-dist", "pg", "pg-native", "node-pg-migrate"],
  logLevel: "warning",
  plugins: [
    firstUse(loadedOnFirstUse, initializedOnFirstUse),
    ownFirstUse(ownModulesOnFirstUse),
    fontkitTablesOnFirstUse,
    nativeCodecs,
  ],
};

/**
 * The build's id, in every bundle it writes (`globalThis.motioneraBuild`): what a database file's mark of validation
 * names, so that only this build trusts its own marks (src/store/checked-database.ts).
 */
const buildId = randomUUID();

/** A CommonJS bundle for loadCachedScript; `import.meta.url` is the bundle's own URL. */
export const cachedBundleOptions: BuildOptions = {
  ...common,
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  define: { "import.meta.url": "__motioneraModuleUrl", "globalThis.motioneraBuild": JSON.stringify(buildId) },
  banner: {
    js: `${scriptHead}"use strict";const __motioneraModuleUrl=require("node:url").pathToFileURL(__filename).href;`,
  },
  footer: { js: scriptTail },
};

/**
 * Non-ASCII characters as `\uXXXX` escapes. esbuild escapes them in strings but leaves them in regular expression
 * literals; a bundle of ASCII alone becomes a one-byte string in V8, decoded faster (5 against 6–9 ms for the command
 * line's 3.7 MB) and half the memory of a two-byte one (cached-script.ts). The escape means the same character in
 * strings, template literals, identifiers and regular expressions, except right after a backslash (`\é` would
 * become `\\u00e9`): the build stops there instead of changing what the code means.
 */
export function asciiOnly(text: string, file: string): string {
  return text.replace(/[^\x00-\x7f]/g, (char, at: number) => {
    if (text[at - 1] === "\\") throw new Error(`${file}: a non-ASCII character right after a backslash, at ${at}`);
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** Builds bundles for loadCachedScript (cachedBundleOptions and `options`), their JavaScript in ASCII alone. */
export async function buildCachedBundles(options: BuildOptions): Promise<void> {
  const { outputFiles } = await build({ ...cachedBundleOptions, ...options, write: false });
  for (const output of outputFiles) {
    mkdirSync(dirname(output.path), { recursive: true });
    writeFileSync(output.path, output.path.endsWith(".cjs") ? asciiOnly(output.text, output.path) : output.contents);
  }
}

const source = (path: string) => join(projectRoot, "src", path);

export async function bundle(outdir: string): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await buildCachedBundles({
    entryPoints: ["command-line.ts", "draft-line.ts", "render/render-worker.ts", "campaign/campaign-worker.ts"].map(
      source,
    ),
    outdir,
    entryNames: "[name]",
  });
  // What starts before a bundle, run by Node's CommonJS loader (no ES-module loader in a command or a worker thread).
  await build({
    ...common,
    format: "cjs",
    entryPoints: ["loading/start.ts", "loading/cached-worker.ts"].map(source),
    outdir,
    entryNames: "[name]",
    outExtension: { ".js": ".cjs" },
    define: { "import.meta.url": "__motioneraModuleUrl" },
    banner: { js: `"use strict";const __motioneraModuleUrl=require("node:url").pathToFileURL(__filename).href;` },
  });
  await build({
    ...common,
    format: "esm",
    splitting: true,
    entryPoints: ["cli/import-allocator.ts", "threads/import-worker.ts"].map(source),
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
  await bundle(join(projectRoot, "dist", "cli"));
