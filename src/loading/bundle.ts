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
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { projectRoot } from "../project-paths.js";
import { scriptHead, scriptTail } from "./cached-script.js";

/**
 * Modules that a bundled library imports at its top but calls only for what Motionera never asks of it, each with
 * the names taken from it ("default": the module itself is the function called): fontkit's WOFF2 fonts (brotli,
 * which builds its dictionary's tables when loaded), pdfkit's encrypted PDFs (AES, which builds its lookup tables
 * when loaded) and commander's executable subcommands (Node's child_process and the five modules it loads); Node's
 * worker_threads, which a command without threads never uses. Loading brotli and AES took about 10 ms of the PDF
 * thread's start, child_process 1.5 ms and worker_threads 1 ms of every command's.
 */
/** The names Node's own module exports (read when the build runs). */
const builtinNames = (name: string): string[] => Object.keys(createRequire(import.meta.url)(name) as object);

const loadedOnFirstUse: Readonly<Record<string, readonly string[]>> = {
  "brotli/decompress.js": ["default"],
  "@noble/ciphers/aes": ["cbc", "ecb"],
  "node:child_process": builtinNames("node:child_process"),
  "node:worker_threads": builtinNames("node:worker_threads"),
};

/**
 * An esbuild plugin that puts a stand-in in each named module's place, which loads the module the first time one of
 * its names is used: the stand-in's `require` of the real module is bundled as a CommonJS require, which esbuild's
 * output runs only when reached. What the library gets is the module's own function or values, only later.
 */
export function firstUse(modules: Readonly<Record<string, readonly string[]>>): Plugin {
  return {
    name: "loaded-on-first-use",
    setup(plugin) {
      const escaped = Object.keys(modules).map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
      const filter = new RegExp(`^(${escaped.join("|")})$`);
      plugin.onResolve({ filter }, (args) =>
        args.namespace === "first-use"
          ? undefined
          : { path: args.path, namespace: "first-use", pluginData: { resolveDir: args.resolveDir } },
      );
      plugin.onLoad({ filter: /.*/, namespace: "first-use" }, (args) => {
        const names = modules[args.path] ?? [];
        const real = `require(${JSON.stringify(args.path)})`;
        const getter = (n: string) => {
          const name = JSON.stringify(n);
          return `Object.defineProperty(exports, ${name}, { enumerable: true, get: () => ${real}[${name}] });`;
        };
        const contents = names.includes("default")
          ? `module.exports = function (...args) { return ${real}.apply(this, args); };`
          : names.map(getter).join("\n");
        return { contents, loader: "js", resolveDir: (args.pluginData as { resolveDir: string }).resolveDir };
      });
    },
  };
}

const common: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: "node",
  mainFields: ["module", "main"],
  target: "node20",
  external: ["pdfjs-dist", "pg", "pg-native", "node-pg-migrate"],
  logLevel: "warning",
  plugins: [firstUse(loadedOnFirstUse)],
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
    entryPoints: ["command-line.ts", "render/render-worker.ts", "campaign/campaign-worker.ts"].map(source),
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
