/**
 * tiny-inflate, the pure-JavaScript DEFLATE decoder that unicode-trie and fontkit use, replaced in the bundles by
 * Node's zlib (an esbuild plugin for src/loading/bundle.ts). The PDF thread inflates Unicode tries before its first
 * page (linebreak's line-break classes when it loads, unicode-properties' scripts for a word outside the build's word
 * shapes), each twice over: 9 ms of tiny-inflate, code run once and so never optimized, where zlib takes well under
 * one (README, "Speed"). The same bytes come out: test/loading/zlib-inflate.test.ts inflates the installed packages'
 * tries both ways.
 */
import { join } from "node:path";
import type { Plugin } from "esbuild";
import { projectRoot } from "../project-paths.js";

/** The plugin: every `tiny-inflate` a bundled package imports is inflateInto (inflate-into.ts). */
export const tinyInflateByZlib: Plugin = {
  name: "tiny-inflate-by-zlib",
  setup(plugin) {
    plugin.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: "tiny-inflate", namespace: "zlib-inflate" }));
    plugin.onLoad({ filter: /.*/, namespace: "zlib-inflate" }, () => ({
      // CommonJS, as tiny-inflate exports itself (`module.exports = inflate`).
      contents: 'module.exports = require("./inflate-into.ts").inflateInto;',
      loader: "js",
      resolveDir: join(projectRoot, "src", "loading"),
    }));
  },
};
