/**
 * The PDF writer's fonts share, across documents, what follows from the face alone: here the glyph records fontkit's
 * subsetter writes (pdf-fonts.ts, `withSharedGlyphRecords`), and each program is written without fontkit's encoder
 * after the face's first (truetype-program.ts). A subset encoded so is the same font program,
 * byte for byte, as fontkit's own subsetter makes from a font of its own, for glyph lists with simple and composite
 * glyphs (å, Ä, é: drawn from components), in any order, a glyph met before or not.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import { openFace, writesOwnPrograms, type Face } from "../../src/render/pdf-fonts.js";

const files: Record<Face, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
};
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");

interface Subsetting {
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  glyphForCodePoint(cp: number): { id: number };
}

/** The font program of a subset of `text`'s glyphs (in the order met), from `font`. */
function program(font: Font, text: string): Uint8Array {
  const f = font as unknown as Subsetting;
  const subset = f.createSubset();
  for (const ch of text) subset.includeGlyph(f.glyphForCodePoint(ch.codePointAt(0)!).id);
  return subset.encode();
}

const texts = [
  "Åtgärder mot prostitution i Ärla, Öland och Pajala",
  "KAST-mottagning: ja. Överenskommelse med Länsstyrelsen (2024).",
  "é, ü, ø, æ – “citat” … § 3",
  "zebra ÅÄÖ åäö 0123456789",
  "Ärende: avslag",
];

describe("PDF font subsets", () => {
  for (const face of Object.keys(files) as Face[])
    it(`${face}: the same font program as fontkit's own subsetter`, () => {
      const fresh = () => create(readFileSync(join(fontDir, files[face]))) as Font;
      for (const text of texts) {
        const ours = program(openFace(face), text);
        const theirs = program(fresh(), text);
        expect(Buffer.from(ours).equals(Buffer.from(theirs)), `${face}: ${text}`).toBe(true);
      }
      // A list of glyphs every one of which an earlier subset had, in another order.
      const again = [...texts.join("")].reverse().join("");
      expect(Buffer.from(program(openFace(face), again)).equals(Buffer.from(program(fresh(), again)))).toBe(true);
      // After the face's first subset, programs are written without fontkit's encoder (truetype-program.ts).
      expect(writesOwnPrograms(face)).toBe(true);
    });
});

describe("a face's post table", () => {
  const header = [
    "version",
    "italicAngle",
    "underlinePosition",
    "underlineThickness",
    "isFixedPitch",
    "minMemType42",
    "maxMemType42",
    "minMemType1",
    "maxMemType1",
  ];

  it("reads as fontkit decodes it: the header at once, the glyph names when asked for", () => {
    for (const face of Object.keys(files) as Face[]) {
      const theirs = (create(readFileSync(join(fontDir, files[face]))) as unknown as { post: Record<string, unknown> })
        .post;
      const ours = (openFace(face) as unknown as { post: Record<string, unknown> }).post;
      for (const field of header) expect(ours[field], `${face} ${field}`).toEqual(theirs[field]);
      expect(theirs.italicAngle === 0, face).toBe(face === "regular" || face === "bold");
      expect(ours.numberOfGlyphs, face).toEqual(theirs.numberOfGlyphs);
      expect(ours.names, face).toEqual(theirs.names);
      expect(Array.from(ours.glyphNameIndex as ArrayLike<number>), face).toEqual(
        Array.from(theirs.glyphNameIndex as ArrayLike<number>),
      );
    }
  });
});
