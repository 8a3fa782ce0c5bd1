/**
 * fontkit builds the lookup tables of its Arabic, Indic and Universal shapers when it is loaded: three Unicode tries,
 * each decoded from base64 and inflated (about 7 ms of the PDF thread's start, before any PDF). A draft in Latin
 * script never asks for them. Its unicode-properties (a character's script and category, for shaping a word) builds
 * one more, which a PDF whose words all come from the build's word shapes never asks for either. This esbuild plugin
 * rewrites each `const … = new UnicodeTrie(…)` of the two packages' modules into an object whose `get` builds the
 * trie on its first call, when the code uses the table only through `get`; what `get` answers is the trie's own
 * answer. Any other version, or a table used otherwise, is left as it is (the test names the installed packages'
 * four: test/loading/fontkit-tables.test.ts).
 */
import { readFile } from "node:fs/promises";
import type { Plugin } from "esbuild";

/** `const <name> = new (0, <UnicodeTrie>)(<data>);` as fontkit's bundle (Parcel) writes it. */
const TRIE = /const (\$[\w$]+\$var\$trie) = new \(0, (\$[\w$]+)\)\(([^;]+)\);/g;

const escaped = (name: string): string => name.replace(/\$/g, "\\$");

/** fontkit's module text with its tries built on first use, and the names of the tries it changed. */
export function triesOnFirstUse(source: string): { text: string; changed: string[] } {
  const changed: string[] = [];
  const text = source.replace(TRIE, (declaration: string, name: string, trie: string, data: string) => {
    const uses = source.match(new RegExp(`(?<![\\w$])${escaped(name)}(?![\\w$])`, "g"))?.length ?? 0;
    const gets = source.match(new RegExp(`${escaped(name)}\\.get\\(`, "g"))?.length ?? 0;
    if (uses !== gets + 1) return declaration;
    changed.push(name);
    const built = `${name}$built`;
    const get = `(codePoint) => (${built} ??= new (0, ${trie})(${data})).get(codePoint)`;
    return `let ${built}; const ${name} = { get: ${get} };`;
  });
  return { text, changed };
}

export const fontkitTablesOnFirstUse: Plugin = {
  name: "fontkit-tables-on-first-use",
  setup(plugin) {
    plugin.onLoad(
      { filter: /[\\/]node_modules[\\/](fontkit|unicode-properties)[\\/]dist[\\/]module\.mjs$/ },
      async (args) => {
        const { text, changed } = triesOnFirstUse(await readFile(args.path, "utf8"));
        return changed.length > 0 ? { contents: text, loader: "js" } : undefined;
      },
    );
  },
};
