/**
 * Word shapes made when the program is built (dist/fonts/word-shapes.json), for the PDF writer's first documents in
 * a process. fontkit shapes each word of a PDF with the OpenType engine (about 25 ms of a one-draft process's PDF;
 * pdf-fonts.ts keeps them per process). A shape follows from the face, the word, fontkit and the font files alone, so
 * `npm run build` writes the shapes of the words in drafts of the shipped templates (src/cli/build-word-shapes.ts),
 * and a process takes a word's shape from the file before it shapes it itself.
 *
 * The file names fontkit's version, the font package's and the font files' sizes; a file made for others is not
 * used, and neither is one that fails its checks (zod for its form, bounds for its numbers): every word is then
 * shaped as before. A word the file lacks (a signer's name, a fact added since) is shaped as before.
 */
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { z } from "../domain/zod.js";
import { readJsonFile } from "../files/read-json-file.js";
import { projectRoot } from "../project-paths.js";

/** A glyph as pdfkit reads it: id, advance (font units), the characters it stands for. */
export interface StoredGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

export interface StoredPosition {
  readonly xAdvance: number;
  readonly yAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** A word's shape: its glyphs and their positions. */
export interface StoredShape {
  readonly glyphs: readonly StoredGlyph[];
  readonly positions: readonly StoredPosition[];
}

/** Bumped when what a shape holds, or how pdf-fonts.ts makes one, changes. */
const FORMAT = 2;
export const wordShapesFile = join(projectRoot, "dist", "fonts", "word-shapes.json");

/**
 * The file: per face, each glyph's advance and each word's numbers, in one of three forms (`encode`):
 * - `[id, id, …]`: one glyph per character, each advancing by its own width (most words);
 * - `[-1, id, dx, id, dx, …]`: one glyph per character, each advancing by its width plus `dx` (kerning);
 * - `[-2, then per glyph: id, xAdvance, yAdvance, xOffset, yOffset, n, n code points]`: anything else.
 * zod checks the file's form; each word's numbers are checked when the word is asked for (`decode`): zod's check of
 * every word's numbers took 6–8 ms of a PDF thread's start, more than the shapes save of a short draft.
 */
const wordsSchema = z.custom<Readonly<Record<string, unknown>>>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v),
);
const fileSchema = z.object({
  format: z.literal(FORMAT),
  shaper: z.string(),
  faces: z.record(
    z.string(),
    z.object({ advances: z.record(z.string(), z.number()), words: wordsSchema, markSafe: z.boolean().default(false) }),
  ),
});

/**
 * What the shapes were made with: fontkit's version, the font package's and the sizes of its font files. A newer
 * fontkit or other fonts make other shapes.
 */
export function shaperOf(fontFiles: readonly string[]): string {
  const load = createRequire(import.meta.url);
  const version = (packageDir: string): string =>
    (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version?: string }).version ?? "?";
  const fontkit = version(dirname(dirname(load.resolve("fontkit"))));
  const fonts = version(dirname(load.resolve("dejavu-fonts-ttf/package.json")));
  const sizes = fontFiles.map((f) => statSync(f).size).join(",");
  return `fontkit ${fontkit}; dejavu-fonts-ttf ${fonts} (${sizes}); format ${FORMAT}`;
}

const isWhole = (n: unknown): n is number => Number.isInteger(n);
const isGlyphId = (n: unknown): n is number => isWhole(n) && n >= 0 && n < 65_536;

/** A word's shape from its numbers (see the file's forms), or undefined where they do not make one. */
export function decode(
  word: string,
  numbers: readonly unknown[],
  advances: ReadonlyMap<number, number>,
): StoredShape | undefined {
  const chars = Array.from(word, (c) => c.codePointAt(0)!);
  const glyphs: StoredGlyph[] = [];
  const positions: StoredPosition[] = [];
  const add = (id: number, codePoints: readonly number[], x: number, y = 0, dx = 0, dy = 0): boolean => {
    const advanceWidth = advances.get(id);
    if (advanceWidth === undefined) return false;
    glyphs.push({ id, advanceWidth, codePoints });
    positions.push({ xAdvance: advanceWidth + x, yAdvance: y, xOffset: dx, yOffset: dy });
    return true;
  };
  const form = numbers[0];
  if (isGlyphId(form)) {
    if (numbers.length !== chars.length) return undefined;
    for (let i = 0; i < numbers.length; i++) {
      const id = numbers[i];
      if (!isGlyphId(id) || !add(id, [chars[i]!], 0)) return undefined;
    }
  } else if (form === -1) {
    if (numbers.length !== 1 + 2 * chars.length) return undefined;
    for (let i = 0; i < chars.length; i++) {
      const id = numbers[1 + 2 * i];
      const dx = numbers[2 + 2 * i];
      if (!isGlyphId(id) || !isWhole(dx) || !add(id, [chars[i]!], dx)) return undefined;
    }
  } else if (form === -2) {
    let at = 1;
    while (at < numbers.length) {
      const [id, x, y, dx, dy, n] = numbers.slice(at, at + 6);
      if (!isGlyphId(id) || !isWhole(x) || !isWhole(y) || !isWhole(dx) || !isWhole(dy) || !isWhole(n)) return;
      if (n < 0 || at + 6 + n > numbers.length) return undefined;
      const codePoints = numbers.slice(at + 6, at + 6 + n);
      if (!codePoints.every(isWhole) || !add(id, codePoints, x - (advances.get(id) ?? 0), y, dx, dy)) return;
      at += 6 + n;
    }
  } else return undefined;
  return glyphs.length > 0 ? { glyphs, positions } : undefined;
}

/** One face's words, each decoded on first use. */
class FaceShapes {
  constructor(
    readonly words: Readonly<Record<string, unknown>>,
    readonly advances: ReadonlyMap<number, number>,
    /** The build found that this face's mark features move only glyphs of the mark class (pdf-fonts.ts). */
    readonly markSafe: boolean,
  ) {}

  get(word: string): StoredShape | undefined {
    const numbers = Object.hasOwn(this.words, word) ? this.words[word] : undefined;
    return Array.isArray(numbers) ? decode(word, numbers, this.advances) : undefined;
  }
}

export type WordShapes = ReadonlyMap<string, FaceShapes>;

/** The shapes in `file` when they were made with `shaper`; empty when there are none to use (see the module). */
export function readWordShapes(file: string, shaper: string): WordShapes {
  const faces = new Map<string, FaceShapes>();
  const stored = readJsonFile(file, fileSchema);
  if (stored?.shaper !== shaper) return faces;
  for (const [face, { advances, words, markSafe }] of Object.entries(stored.faces)) {
    const widths = new Map(Object.entries(advances).map(([id, width]) => [Number(id), width]));
    faces.set(face, new FaceShapes(words, widths, markSafe));
  }
  return faces;
}

/** A word's numbers in the file's most compact form that says all of its shape. */
function encode(word: string, { glyphs, positions }: StoredShape): number[] {
  const chars = Array.from(word, (c) => c.codePointAt(0)!);
  const oneToOne =
    glyphs.length === chars.length && glyphs.every((g, i) => g.codePoints.length === 1 && g.codePoints[0] === chars[i]);
  const flat = positions.every((p) => p.yAdvance === 0 && p.xOffset === 0 && p.yOffset === 0);
  if (oneToOne && flat && glyphs.every((g, i) => positions[i]!.xAdvance === g.advanceWidth))
    return glyphs.map((g) => g.id);
  if (oneToOne && flat) return [-1, ...glyphs.flatMap((g, i) => [g.id, positions[i]!.xAdvance - g.advanceWidth])];
  return [
    -2,
    ...glyphs.flatMap((g, i) => {
      const p = positions[i]!;
      return [g.id, p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, g.codePoints.length, ...g.codePoints];
    }),
  ];
}

const int32 = (n: number): boolean => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;

/**
 * The file's text for these shapes (per face, per word). A shape left out: one with a number that is not whole, or a
 * glyph whose advance differs from the same glyph's elsewhere (a face's glyph has one advance).
 */
export function wordShapesText(
  faces: ReadonlyMap<string, ReadonlyMap<string, StoredShape>>,
  shaper: string,
  markSafe: ReadonlySet<string> = new Set(),
): string {
  const out: Record<string, { advances: Record<string, number>; words: Record<string, number[]>; markSafe: boolean }> =
    {};
  for (const [face, shapes] of faces) {
    const advances = new Map<number, number>();
    const words: Record<string, number[]> = {};
    for (const [word, shape] of [...shapes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const numbers = encode(word, shape);
      const consistent = shape.glyphs.every((g) => (advances.get(g.id) ?? g.advanceWidth) === g.advanceWidth);
      const whole = shape.glyphs.every((g) => int32(g.advanceWidth)) && numbers.every(int32);
      if (!consistent || !whole || shape.glyphs.length !== shape.positions.length) continue;
      for (const g of shape.glyphs) advances.set(g.id, g.advanceWidth);
      words[word] = numbers;
    }
    const sorted = [...advances].sort(([a], [b]) => a - b);
    const widths = Object.fromEntries(sorted.map(([id, width]) => [String(id), width]));
    out[face] = { advances: widths, words, markSafe: markSafe.has(face) };
  }
  return `${JSON.stringify({ format: FORMAT, shaper, faces: out })}\n`;
}
