/**
 * Two pure-JavaScript decoders that bundled packages import, replaced in the bundles by Node's own (an esbuild plugin
 * for src/loading/bundle.ts): tiny-inflate (unicode-trie, fontkit) by zlib, base64-js (linebreak, unicode-properties)
 * by Buffer. The PDF thread decodes Unicode tries before its first page (linebreak's line-break classes when it
 * loads, unicode-properties' scripts for a word outside the build's word shapes), each from base64 and inflated twice
 * over: 9 ms of tiny-inflate and 3 ms of base64-js, code run once and so never optimized, where Node's take well under
 * one (README, "Speed"). The same bytes come out: test/loading/native-codecs.test.ts decodes with both, and has the
 * bundled packages answer as the installed ones do.
 */
import { join } from "node:path";
import type { Plugin } from "esbuild";
import { projectRoot } from "../project-paths.js";

/** Each replaced package, and the CommonJS that takes its place (module.exports as the package's own). */
const replacements: Readonly<Record<string, string>> = {
  // tiny-inflate exports its one function: `module.exports = inflate`.
  "tiny-inflate": 'module.exports = require("./inflate-into.ts").inflateInto;',
  // A plain object, as base64-js's exports (the ES module's namespace would read as having only a default export).
  "base64-js":
    'const b = require("./base64-bytes.ts");\n' +
    "module.exports = { toByteArray: b.toByteArray, fromByteArray: b.fromByteArray, byteLength: b.byteLength };",
};

export const nativeCodecs: Plugin = {
  name: "native-codecs",
  setup(plugin) {
    plugin.onResolve({ filter: /^(tiny-inflate|base64-js)$/ }, (args) => ({
      path: args.path,
      namespace: "native-codecs",
    }));
    plugin.onLoad({ filter: /.*/, namespace: "native-codecs" }, (args) => ({
      contents: replacements[args.path],
      loader: "js",
      resolveDir: join(projectRoot, "src", "loading"),
    }));
  },
};
