/**
 * Word shapes made at build time (src/render/word-shapes.ts, src/cli/build-word-shapes.ts): every shape in the built
 * file is fontkit's own for that word and face; the file's forms decode to what was written; a file made with
 * another fontkit or other fonts, or with numbers that do not make a shape, is not used.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import {
  facesShaper,
  facesWithSafeMarks,
  marksMoveOnlyMarkClass,
  runData,
  shapeWord,
  type Face,
} from "../../src/render/pdf-fonts.js";
import { decode, readWordShapes, wordShapesFile, wordShapesText } from "../../src/render/word-shapes.js";
import { createRequire } from "node:module";
import { dirname } from "node:path";

const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fonts: Record<Face, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
};
const fontOf = (face: Face): Font => create(readFileSync(join(fontDir, fonts[face]))) as Font;

describe("the built word shapes", () => {
  it("hold fontkit's own shape of every word, for each face", () => {
    const built = JSON.parse(readFileSync(wordShapesFile, "utf8")) as { faces: Record<string, { words: object }> };
    const shapes = readWordShapes(wordShapesFile, facesShaper());
    expect(shapes.get("regular")).toBeDefined();
    let words = 0;
    for (const [face, { words: stored }] of Object.entries(built.faces)) {
      const font = fontOf(face as Face);
      for (const word of Object.keys(stored)) {
        expect(shapes.get(face)?.get(word), `${face} “${word}”`).toEqual(shapeWord(font, word));
        words++;
      }
    }
    expect(words).toBeGreaterThan(1000);
  });
});

describe("a word shapes file", () => {
  const samples = ["Lidingö ", "Tvåhundra ", "AV ", "fi ", "Å̈r ", "“citat”, ", "kommunfullmäktige."];
  const shapesOf = (font: Font) => new Map(samples.map((w) => [w, shapeWord(font, w)]));

  it("gives back every shape written, in each of its forms", () => {
    const font = fontOf("regular");
    const dir = mkdtempSync(join(tmpdir(), "word-shapes-"));
    const file = join(dir, "shapes.json");
    writeFileSync(file, wordShapesText(new Map([["regular", shapesOf(font)]]), "test shaper"));
    const read = readWordShapes(file, "test shaper").get("regular");
    for (const word of samples) expect(read?.get(word), word).toEqual(shapeWord(font, word));
    const forms = Object.values(
      (JSON.parse(readFileSync(file, "utf8")) as { faces: { regular: { words: Record<string, number[]> } } }).faces
        .regular.words,
    ).map((n) => Math.min(0, n[0]!));
    expect(new Set(forms)).toEqual(new Set([0, -1, -2]));
    expect(read?.get("ord som saknas ")).toBeUndefined();
  });

  it("is not used when made with another shaper, or when it is not one", () => {
    const dir = mkdtempSync(join(tmpdir(), "word-shapes-"));
    const file = join(dir, "shapes.json");
    writeFileSync(file, wordShapesText(new Map([["regular", shapesOf(fontOf("regular"))]]), "fontkit 1.0"));
    expect(readWordShapes(file, "fontkit 2.0").size).toBe(0);
    writeFileSync(file, "{ not json");
    expect(readWordShapes(file, "fontkit 1.0").size).toBe(0);
    writeFileSync(file, JSON.stringify({ format: 2, shaper: "fontkit 1.0", faces: { regular: { words: [] } } }));
    expect(readWordShapes(file, "fontkit 1.0").size).toBe(0);
    expect(readWordShapes(join(dir, "missing.json"), "fontkit 1.0").size).toBe(0);
  });

  it("refuses numbers that do not make the word's shape", () => {
    const advances = new Map([
      [47, 1141],
      [76, 569],
    ]);
    expect(decode("Li", [47, 76], advances)?.glyphs.map((g) => g.id)).toEqual([47, 76]);
    expect(decode("Li", [47], advances)).toBeUndefined(); // a glyph short
    expect(decode("Li", [47, 99], advances)).toBeUndefined(); // a glyph without an advance
    expect(decode("Li", [47, 7.5], advances)).toBeUndefined();
    expect(decode("Li", [-1, 47, 0, 76], advances)).toBeUndefined();
    expect(decode("Li", [-2, 47, 1141, 0, 0, 0, 5, 76], advances)).toBeUndefined(); // code points run past the end
    expect(decode("Li", ["47", "76"], advances)).toBeUndefined();
    expect(decode("Li", [-3, 47, 76], advances)).toBeUndefined();
  });
});

describe("shaping a word without the mark features", () => {
  /** fontkit's own shaping with every default feature, as shapeWord keeps it. */
  const full = (font: Font, text: string) => runData(text, font.layout(text));

  it("is allowed where the mark features move only mark glyphs: not in DejaVu Sans Oblique", () => {
    expect([...facesWithSafeMarks()].sort()).toEqual(["bold", "boldItalic", "regular"]);
    expect(marksMoveOnlyMarkClass(fontOf("italic"))).toBe(false);
  });

  it("is the same as with every feature, for the built words, names, and text with combining marks", () => {
    const built = JSON.parse(readFileSync(wordShapesFile, "utf8")) as { faces: Record<string, { words: object }> };
    const names = ["Åsa", "Örjan", "Ängelholm", "Øystein", "Ærø", "Zoë", "Müller", "Dvořák", "Łódź", "Şişli", "Ñuñoa"];
    const composed = names.flatMap((n) => [`${n} `, `${n}s `, `(${n}),`]);
    const decomposed = composed.map((w) => w.normalize("NFD"));
    const marks = ["a\u0301 ", "o\u0308\u0304", "e\u0323\u0302 ", "A\u030A ", "x\u0336 "];
    for (const face of facesWithSafeMarks()) {
      const font = fontOf(face);
      const words = [...Object.keys(built.faces[face]?.words ?? {}), ...composed, ...decomposed, ...marks];
      for (const word of words) expect(shapeWord(font, word, true), `${face} “${word}”`).toEqual(full(font, word));
    }
  });
});
