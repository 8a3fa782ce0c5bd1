/**
 * Modules a bundle loads on first use (an esbuild plugin for the build's bundles, src/loading/bundle.ts).
 */
import { createRequire } from "node:module";
import type { Plugin } from "esbuild";

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
