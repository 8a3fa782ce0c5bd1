/**
 * pdfkit's font object tuned for the DejaVu faces (pdf-embedded-font.ts) answers as pdfkit's own does: the same
 * layouts, widths, glyph numbers, widths and code points noted for the subset, text by text.
 */
import { describe, expect, it } from "vitest";
import { PdfDocument } from "../../src/render/pdf-document.js";
import { tuneEmbeddedFont } from "../../src/render/pdf-embedded-font.js";
import { openFace } from "../../src/render/pdf-fonts.js";

interface PdfkitFont {
  layout(text: string, features?: unknown, onlyWidth?: boolean): unknown;
  encode(text: string, features?: unknown): [string[], unknown[]];
  widthOfString(text: string, size: number, features?: unknown): number;
  widths: unknown[];
  unicode: unknown[];
}

const texts = [
  "Kommunfullmäktige föreslås besluta",
  "  två  mellanslag\toch tabb ",
  "",
  " ",
  "ordutanmellanslag",
  "Åtgärder – “citat” 12,5 % ",
  "fi ffl",
];

/** A fresh document's pdfkit font of the regular face, tuned or as pdfkit made it. */
function fontOf(tuned: boolean): PdfkitFont {
  const face = openFace("regular");
  const doc = new PdfDocument({ font: face as unknown as string });
  const font = (doc as unknown as { _font: PdfkitFont })._font;
  if (tuned) tuneEmbeddedFont(font, face, "regular");
  return font;
}

/** Plain data: positions are class instances in one and objects in the other, with the same fields. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** What pdfkit reads of a layout with features (fontkit's own glyph objects). */
const glyphsOf = (x: unknown): unknown => {
  const run = x as { glyphs: { id: number; codePoints: number[] }[]; positions: unknown[] };
  return plain({ glyphs: run.glyphs.map((g) => [g.id, g.codePoints]), positions: run.positions });
};

describe("tuneEmbeddedFont", () => {
  it("replaces pdfkit's layout and encode", () => {
    const ours = fontOf(true);
    const theirs = fontOf(false);
    expect(ours.layout).not.toBe(theirs.layout);
    expect(ours.encode).not.toBe(theirs.encode);
  });

  it("lays out, measures and encodes every text as pdfkit does", () => {
    const ours = fontOf(true);
    const theirs = fontOf(false);
    for (const text of texts) {
      expect(plain(ours.layout(text)), text).toEqual(plain(theirs.layout(text)));
      expect(plain(ours.layout(text, undefined, true)), text).toEqual(plain(theirs.layout(text, undefined, true)));
      expect(ours.widthOfString(text, 11), text).toBe(theirs.widthOfString(text, 11));
      expect(plain(ours.encode(text)), text).toEqual(plain(theirs.encode(text)));
      expect(glyphsOf(ours.layout(text, { liga: false })), text).toEqual(
        glyphsOf(theirs.layout(text, { liga: false })),
      );
    }
    // The same words laid out (a word with the space or tab after it): pdfkit's own cache has no other.
    const words = (f: PdfkitFont) => Object.keys((f as unknown as { layoutCache: object }).layoutCache);
    expect(words(ours)).toEqual(expect.arrayContaining(words(theirs)));
    expect(words(theirs)).toContain("mellanslag\t");
    expect(plain(ours.widths)).toEqual(plain(theirs.widths));
    expect(plain(ours.unicode)).toEqual(plain(theirs.unicode));
  });
});
