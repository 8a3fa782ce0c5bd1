/**
 * fontkit's shaper tables built on first use in the bundles (src/loading/fontkit-tables.ts): the installed fontkit's
 * three tries and unicode-properties' one are rewritten, and a bundled fontkit shapes Arabic, Devanagari and Latin
 * text exactly as fontkit does.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runInThisContext } from "node:vm";
import { build } from "esbuild";
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import { fontkitTablesOnFirstUse, triesOnFirstUse } from "../../src/loading/fontkit-tables.js";
import { projectRoot } from "../../src/project-paths.js";

const load = createRequire(join(projectRoot, "package.json"));
const fontkitModule = join(projectRoot, "node_modules", "fontkit", "dist", "module.mjs");
const unicodePropertiesModule = join(projectRoot, "node_modules", "unicode-properties", "dist", "module.mjs");
const fontFile = join(dirname(load.resolve("dejavu-fonts-ttf/package.json")), "ttf", "DejaVuSans.ttf");

/** What a layout is, as data: each glyph's id and code points, each position. */
const shaped = (font: Font, text: string): unknown => {
  const run = font.layout(text) as {
    glyphs: { id: number; codePoints: number[] }[];
    positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  };
  return { glyphs: run.glyphs.map((g) => [g.id, g.codePoints]), positions: run.positions.map((p) => ({ ...p })) };
};

describe("fontkit's shaper tables on first use", () => {
  it("rewrites the installed fontkit's three tries and unicode-properties' one, each used only through get()", () => {
    for (const [file, tries] of [
      [fontkitModule, 3],
      [unicodePropertiesModule, 1],
    ] as const) {
      const { text, changed } = triesOnFirstUse(readFileSync(file, "utf8"));
      expect(changed, file).toHaveLength(tries);
      for (const name of changed) expect(text).toContain(`let ${name}$built;`);
    }
  });

  it("leaves a trie alone when the code uses it otherwise than through get()", () => {
    const source = 'const $a$var$trie = new (0, $T)(data("x"));\nf($a$var$trie.get(1), $a$var$trie.size);\n';
    expect(triesOnFirstUse(source)).toEqual({ text: source, changed: [] });
  });

  it("shapes as fontkit does, Arabic, Devanagari and Latin text alike", async () => {
    const { outputFiles } = await build({
      stdin: { contents: 'export { create } from "fontkit";', resolveDir: projectRoot },
      bundle: true,
      write: false,
      platform: "node",
      format: "cjs",
      mainFields: ["module", "main"],
      plugins: [fontkitTablesOnFirstUse],
      logLevel: "silent",
    });
    const text = outputFiles[0]!.text;
    expect(text.match(/\$built \?\?=/g)).toHaveLength(4);
    const run = runInThisContext(`(function (exports, require, module) {${text}\n})`) as (...a: unknown[]) => void;
    const module = { exports: {} as { create: typeof create } };
    run(module.exports, load, module);
    const bytes = readFileSync(fontFile);
    const ours = module.exports.create(bytes) as Font;
    const theirs = create(bytes) as Font;
    for (const sample of ["مرحبا بالعالم", "नमस्ते दुनिया", "Motion om Mikamottagningen – åäö ÅÄÖ"]) {
      expect(shaped(ours, sample), sample).toEqual(shaped(theirs, sample));
    }
  });
});
