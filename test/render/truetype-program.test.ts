/**
 * A subset's font program written from its glyphs (truetype-program.ts) is fontkit's own program byte for byte, for
 * every DejaVu face, subsets with simple and composite glyphs, and short (16-bit) loca offsets as well as long.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create } from "fontkit";
import { describe, expect, it } from "vitest";
import { patternOf, sameProgram, writeProgram, type SubsetTables } from "../../src/render/truetype-program.js";

const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"];

interface FontkitFont {
  createSubset(): SubsetTables & { includeGlyph(id: number): number; encode(): Uint8Array };
  glyphForCodePoint(cp: number): { id: number };
  loca: { version: number };
}

/** fontkit's program of `text`'s glyphs, and what its subset gathered (loca offsets as gathered: in bytes). */
function fontkitProgram(file: string, text: string, locaVersion?: number) {
  const font = create(readFileSync(join(fontDir, file))) as unknown as FontkitFont;
  if (locaVersion !== undefined) font.loca.version = locaVersion;
  const subset = font.createSubset();
  for (const ch of text) subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!).id);
  const program = subset.encode();
  // fontkit halves short offsets in place as it encodes them.
  const offsets = subset.loca.version === 0 ? subset.loca.offsets.map((o) => o * 2) : [...subset.loca.offsets];
  const gathered: SubsetTables = {
    glyf: subset.glyf,
    loca: { version: subset.loca.version, offsets },
    hmtx: subset.hmtx,
  };
  return { program, gathered };
}

const texts = [
  "Motion om åtgärder mot människohandel",
  "ÅÄÖ åäö é – “citat” 2026: 12,5 %",
  "Kommunfullmäktige föreslås besluta",
];

describe("TrueType subset programs", () => {
  for (const file of files)
    it(`${file}: written from the glyphs, the same bytes as fontkit's`, () => {
      const pattern = patternOf(fontkitProgram(file, "Förberedelse").program);
      expect(pattern?.tables.map((t) => t.tag)).toEqual([
        "head",
        "hhea",
        "loca",
        "maxp",
        "cvt ",
        "prep",
        "glyf",
        "hmtx",
        "fpgm",
      ]);
      for (const text of texts) {
        const { program, gathered } = fontkitProgram(file, text);
        expect(gathered.glyf.length).toBeGreaterThan(new Set(text).size); // composites bring their components
        expect(sameProgram(writeProgram(pattern!, gathered), program), text).toBe(true);
      }
    });

  it("writes short loca offsets, and the format in head, as fontkit does", () => {
    const pattern = patternOf(fontkitProgram(files[0]!, "Förberedelse").program)!;
    const { program, gathered } = fontkitProgram(files[0]!, texts[1]!, 0);
    expect(gathered.loca.version).toBe(0);
    expect(sameProgram(writeProgram(pattern, gathered), program)).toBe(true);
    expect(sameProgram(writeProgram(pattern, { ...gathered, loca: { ...gathered.loca, version: 1 } }), program)).toBe(
      false,
    );
  });

  it("takes no pattern from a program laid out otherwise", () => {
    const { program } = fontkitProgram(files[0]!, "abc");
    expect(patternOf(program.subarray(0, 40))).toBeUndefined();
    const gap = new Uint8Array(program.length + 4);
    gap.set(program);
    expect(patternOf(gap)).toBeUndefined(); // bytes after the last table
    const renamed = program.slice();
    renamed.set([0x6e, 0x61, 0x6d, 0x65], 12); // the first table called "name"
    expect(patternOf(renamed)).toBeUndefined();
  });
});
