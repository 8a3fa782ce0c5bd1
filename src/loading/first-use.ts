/**
 * Modules a bundle loads on first use (an esbuild plugin for the build's bundles, src/loading/bundle.ts).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build, type Plugin } from "esbuild";
import { projectRoot } from "../project-paths.js";

/** The names Node's own module exports (read when the build runs). */
const builtinNames = (name: string): string[] => Object.keys(createRequire(import.meta.url)(name) as object);

/**
 * Modules that a bundled library imports at its top but calls only for what Motionera never asks of it, each with
 * the names taken from it ("default": the module itself is the function called): fontkit's WOFF2 fonts (brotli,
 * which builds its dictionary's tables when loaded), pdfkit's encrypted PDFs (AES, which builds its lookup tables
 * when loaded) and commander's executable subcommands (Node's child_process and the five modules it loads); Node's
 * worker_threads, which a command without threads never uses. Loading brotli and AES took about 10 ms of the PDF
 * thread's start, child_process 1.5 ms and worker_threads 1 ms of every command's.
 */
export const loadedOnFirstUse: Readonly<Record<string, readonly string[]>> = {
  "brotli/decompress.js": ["default"],
  "@noble/ciphers/aes": ["cbc", "ecb"],
  "node:child_process": builtinNames("node:child_process"),
  "node:worker_threads": builtinNames("node:worker_threads"),
};

/**
 * Modules the bundle holds but runs only when first used: marked, which the plain Markdown of the shipped templates
 * does not need (src/compose/plain-markdown.ts), and whose module builds its rules' regular expressions when it runs;
 * yaml, which a template compiled by the build does not need (src/compose/compiled-templates.ts).
 */
export const initializedOnFirstUse: Readonly<Record<string, readonly string[]>> = {
  marked: ["Lexer"],
  yaml: ["LineCounter", "parseDocument", "isNode", "visit"],
};

/**
 * An esbuild plugin that puts a stand-in in each named module's place, which loads the module the first time one of
 * its names is used. The modules of `outside` stay out of the bundle (brotli's dictionary alone is 0.5 MB that every
 * command would read): the stand-in requires them from node_modules when first used. Those of `inside` are bundled,
 * and the stand-in's require() has esbuild run them when first used. What the library gets is the module's own
 * function or values, only later.
 */
export function firstUse(
  outside: Readonly<Record<string, readonly string[]>>,
  inside: Readonly<Record<string, readonly string[]>> = {},
): Plugin {
  const modules = { ...outside, ...inside };
  return {
    name: "loaded-on-first-use",
    setup(plugin) {
      const escaped = Object.keys(modules).map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
      const filter = new RegExp(`^(${escaped.join("|")})$`);
      plugin.onResolve({ filter }, (args) => {
        if (args.namespace !== "first-use")
          return { path: args.path, namespace: "first-use", pluginData: { resolveDir: args.resolveDir } };
        // The stand-in's own require(): outside the bundle, or resolved as esbuild resolves any import.
        return args.path in inside ? undefined : { path: args.path, external: true };
      });
      plugin.onLoad({ filter: /.*/, namespace: "first-use" }, (args) => {
        const names = modules[args.path] ?? [];
        const real = `require(${JSON.stringify(args.path)})`;
        const contents = names.includes("default")
          ? `module.exports = function (...args) { return ${real}.apply(this, args); };`
          : getters(real, names);
        return { contents, loader: "js", resolveDir: (args.pluginData as { resolveDir: string }).resolveDir };
      });
    },
  };
}

/** A stand-in's exports: each name a getter that runs `real` (a require()) when first read. */
function getters(real: string, names: readonly string[]): string {
  return names
    .map((n) => {
      const name = JSON.stringify(n);
      return `Object.defineProperty(exports, ${name}, { enumerable: true, get: () => ${real}[${name}] });`;
    })
    .join("\n");
}

/**
 * Our own modules, under src/, that the bundles hold but run only when first used: the schemas of the database's
 * collections a draft does not read (corpus documents, filings, saved drafts, the audit log, tokens). A file this
 * build has validated before is taken without them (src/store/checked-database.ts), and the database's own schema is
 * built when first used (src/store/schema.ts). One `motionera draft` → DOCX: 106 → 104 ms (40 alternating pairs).
 */
export const ownModulesOnFirstUse: readonly string[] = [
  "domain/corpus-document.ts",
  "domain/filing.ts",
  "domain/saved-draft.ts",
  "domain/audit.ts",
  "domain/api-token.ts",
];

/** The names a module of ours exports (types aside), as esbuild reads them. */
async function exportNamesOf(file: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [file],
    bundle: false,
    write: false,
    metafile: true,
    format: "esm",
    logLevel: "silent",
  });
  return Object.values(metafile.outputs).flatMap((o) => o.exports);
}

/**
 * An esbuild plugin that puts a stand-in in the place of each of our `files` (paths under src/), wherever a module
 * imports it: each of the module's names (read from it with esbuild) runs it when first used, as firstUse's `inside`
 * does for a package. A module that uses one of its names as it loads runs it then, as before.
 */
export function ownFirstUse(files: readonly string[], root = join(projectRoot, "src")): Plugin {
  const wanted = new Set(files.map((f) => join(root, f)));
  return {
    name: "own-modules-on-first-use",
    setup(plugin) {
      plugin.onResolve({ filter: /^\.\.?\//, namespace: "file" }, async (args) => {
        if ((args.pluginData as { real?: boolean } | undefined)?.real) return undefined;
        const resolved = await plugin.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { real: true },
        });
        return resolved.errors.length === 0 && wanted.has(resolved.path)
          ? { path: resolved.path, namespace: "own-first-use" }
          : undefined;
      });
      plugin.onLoad({ filter: /.*/, namespace: "own-first-use" }, async (args) => ({
        contents: getters(`require(${JSON.stringify(args.path)})`, await exportNamesOf(args.path)),
        loader: "js",
        resolveDir: dirname(args.path),
      }));
    },
  };
}
