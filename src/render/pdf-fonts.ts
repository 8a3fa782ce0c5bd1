/**
 * The DejaVu Sans faces the PDF writer embeds: a fresh fontkit font for every document, with
 * the expensive part of parsing (the decoded OpenType tables) done once per process.
 *
 * Why fresh per document: a fontkit font caches one Glyph object per glyph id and stamps it
 * with the code points of whichever call first asked for that glyph. pdfkit writes the PDF's
 * ToUnicode map (what text extraction and screen readers read) from those code points. At
 * the end of a document, the subsetter asks for the components of composite glyphs without
 * any code points ("ä" and "å" are drawn from "a", "Å" and "Ä" from "A"), so in a font shared
 * across documents the next document laid out "a" with a glyph that maps to nothing:
 * pdftotext read "En h ndlingspl n" and "K ST". Glyph objects therefore never outlive their
 * document. What is shared is data nobody writes to: the decoded tables, the shaping of
 * each word as glyph ids, code points, advances and positions (see `withSharedLayouts`), pdfkit's
 * laid-out words once it has scaled them (see pdf-embedded-font.ts), and the encoded font program
 * of a subset (see `withSharedSubsets`), which is written without fontkit's encoder (`encodeProgram`).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create as parseFont, type Font } from "fontkit";
import { patternOf, sameProgram, writeProgram, type ProgramPattern } from "./truetype-program.js";
import { readWordShapes, shaperOf, wordShapesFile, type WordShapes } from "./word-shapes.js";

export type Face = "regular" | "bold" | "italic" | "boldItalic";

const TTF_FILES: Record<Face, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
};

let fontDir: string | undefined;
const fileBytes = new Map<Face, Uint8Array>();
/** Per face: the decoded-tables cache of the first font parsed in this process. */
const decodedTables = new Map<Face, object>();

/**
 * A font of `face` for one document. Hand it to pdfkit and drop it with the document:
 * its glyph objects must not serve another document (see the module comment).
 */
export function openFace(face: Face): Font {
  const font = parseFont(bytesOf(face));
  shareDecodedTables(face, font);
  return withSharedLayouts(font, sharedLayoutsOf(face), face);
}

/**
 * Reads the font files and the word shapes made at build time, and decodes the tables shaping needs, ahead of the
 * first document: fontkit shapes the text itself (not through the shapes kept), so the tables are decoded even where
 * the build's shapes would serve the text.
 */
export function warmFaces(faces: readonly Face[]): void {
  storedShapes();
  for (const face of faces) {
    const font = parseFont(bytesOf(face));
    shareDecodedTables(face, font);
    shapeWord(font, "Förberedelse – åäö ÅÄÖ “” €", storedShapes().get(face)?.markSafe ?? false);
  }
}

const fontFile = (face: Face): string => {
  fontDir ??= join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return join(fontDir, TTF_FILES[face]);
};

function bytesOf(face: Face): Uint8Array {
  let bytes = fileBytes.get(face);
  if (!bytes) {
    bytes = readFileSync(fontFile(face));
    fileBytes.set(face, bytes);
  }
  return bytes;
}

/** What the faces' word shapes are made with (word-shapes.ts): fontkit's version and these font files. */
export const facesShaper = (): string => shaperOf((Object.keys(TTF_FILES) as Face[]).map(fontFile));

let stored: WordShapes | undefined;

/** The word shapes `npm run build` made (word-shapes.ts), read on first use; none where they do not fit. */
function storedShapes(): WordShapes {
  stored ??= readWordShapes(wordShapesFile, facesShaper());
  return stored;
}

/**
 * fontkit decodes each table on first use into the font's `_tables` record (pdfkit reads
 * that record too). Decoding GSUB, GPOS, kern and post is most of the cost of a document's
 * first line; sharing the record between fonts of the same file decodes them once per
 * process. Should a fontkit version not keep that record, every document decodes its own
 * tables: slower, never wrong.
 */
function shareDecodedTables(face: Face, font: Font): void {
  const own = (font as unknown as { _tables?: unknown })._tables;
  if (typeof own !== "object" || own === null) return;
  const shared = decodedTables.get(face);
  if (shared) (font as unknown as { _tables: object })._tables = shared;
  else {
    const post = postHeader(font, bytesOf(face));
    if (post && !("post" in own)) (own as Record<string, unknown>).post = post;
    decodedTables.set(face, own);
  }
}

/** What fontkit knows of a font to read one of its tables. */
interface TableSource {
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  _decodeTable?(entry: { offset: number; length: number }): Record<string, unknown>;
}

/** The `post` fields after its header, by version (fontkit 2's `post` table). */
const POST_BODY = ["numberOfGlyphs", "glyphNameIndex", "names", "offsets", "map"] as const;

/**
 * A font's `post` table as fontkit decodes it, its header read at once and the rest on first use. pdfkit reads two
 * numbers of it when it embeds a font (isFixedPitch, italicAngle), and fontkit decodes the whole table for them:
 * for DejaVu Sans the names of its 6,000 glyphs, 11 ms at the end of a process's first PDF (a draft's critical
 * path). The rest (the glyph names, which neither pdfkit nor Motionera reads) is fontkit's own decoding, when asked
 * for. Undefined where fontkit's parts are not there: fontkit then decodes the table itself, as before.
 */
function postHeader(font: Font, bytes: Uint8Array): Record<string, unknown> | undefined {
  const source = font as unknown as TableSource;
  const entry = source.directory?.tables?.post;
  if (!entry || entry.length < 32 || typeof source._decodeTable !== "function") return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, 32);
  const fixed = (at: number): number => view.getInt32(at) / 65536;
  const post: Record<string, unknown> = {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  let whole: Record<string, unknown> | undefined;
  const decoded = (): Record<string, unknown> => (whole ??= source._decodeTable!.call(font, entry));
  for (const name of POST_BODY) Object.defineProperty(post, name, { enumerable: true, get: () => decoded()[name] });
  return post;
}

// ---------------------------------------------------------------------------------------
// Shaping shared between documents.

/** What pdfkit reads of a glyph in a layout: id, advance (font units), the text it stands for. */
interface GlyphRecord {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A glyph's position in one document's layout (pdfkit scales it in place). */
class GlyphPosition implements Position {
  constructor(
    public xAdvance: number,
    public yAdvance: number,
    public xOffset: number,
    public yOffset: number,
  ) {}
}

/**
 * A copy of a shared layout for pdfkit to scale in place, shaped like fontkit's GlyphRun as far as pdfkit reads it.
 */
class LayoutCopy {
  readonly positions: GlyphPosition[];
  #advanceWidth: number | undefined;
  constructor(
    readonly glyphs: readonly GlyphRecord[],
    positions: readonly Readonly<Position>[],
  ) {
    this.positions = positions.map((p) => new GlyphPosition(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset));
  }
  /**
   * The sum of the advances, taken at the first read and kept: pdfkit reads it only after it has scaled the positions
   * (`layoutRun`) and changes them no more, and it reads it for every word of every line it measures.
   */
  get advanceWidth(): number {
    if (this.#advanceWidth === undefined) {
      let width = 0;
      for (const p of this.positions) width += p.xAdvance;
      this.#advanceWidth = width;
    }
    return this.#advanceWidth;
  }
}

/** The part of fontkit's GlyphRun that pdfkit reads. */
interface FontkitRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: Position[];
}

interface SharedLayout {
  glyphs: readonly GlyphRecord[];
  positions: readonly Readonly<Position>[];
}

/** Words kept per face (in this map, and in pdfkit's shared cache: pdf-embedded-font.ts) before starting again. */
export const MAX_SHARED_LAYOUTS = 50_000;
const sharedLayouts = new Map<Face, Map<string, SharedLayout>>();

/** Every word shaped in this process so far, per face (for the build's word shapes, src/cli/build-word-shapes.ts). */
export function shapedWords(): ReadonlyMap<Face, ReadonlyMap<string, SharedLayout>> {
  return sharedLayouts;
}

function sharedLayoutsOf(face: Face): Map<string, SharedLayout> {
  let layouts = sharedLayouts.get(face);
  if (!layouts) {
    layouts = new Map();
    sharedLayouts.set(face, layouts);
  }
  return layouts;
}

/**
 * The GPOS features that position marks: their lookups (mark to base, to ligature, to mark) move only the glyphs in
 * their mark coverage. Where every such glyph is of the mark class in the font's GDEF (`marksMoveOnlyMarkClass`, which
 * the build checks for each face and notes in the word shapes' file), a text whose glyphs include no mark is shaped
 * the same without them, and fontkit then decodes neither feature's tables: a third of the decoding a process's first
 * shaped word costs (DejaVu Sans: 7.4 instead of 11.5 ms a face). DejaVu Sans Oblique has a glyph in a mark coverage
 * that its GDEF calls a base: that face is always shaped with every feature.
 */
const WITHOUT_MARK_POSITIONING = { mark: false, mkmk: false } as const;

interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: ArrayLike<number>;
  classRangeRecord?: readonly { start: number; end: number; class: number }[];
}

/** A glyph's class in a GDEF class definition (1 base, 2 ligature, 3 mark, 4 component), as fontkit reads it. */
function glyphClass(id: number, classDef: ClassDef): number {
  if (classDef.version === 1 && classDef.startGlyph !== undefined && classDef.classValueArray) {
    const i = id - classDef.startGlyph;
    return i >= 0 && i < classDef.classValueArray.length ? classDef.classValueArray[i]! : 0;
  }
  if (classDef.version === 2 && classDef.classRangeRecord)
    for (const range of classDef.classRangeRecord) if (range.start <= id && id <= range.end) return range.class;
  return 0;
}

/** Whether the run has no mark glyph, by the font's GDEF; not known (false) where the font has no glyph classes. */
function markFree(font: Font, run: FontkitRun): boolean {
  const classDef = (font as unknown as { GDEF?: { glyphClassDef?: ClassDef } }).GDEF?.glyphClassDef;
  return classDef !== undefined && run.glyphs.every((g) => glyphClass(g.id, classDef) !== 3);
}

interface Coverage {
  version: number;
  glyphs?: ArrayLike<number> | { toArray(): number[] };
  rangeRecords?: readonly { start: number; end: number }[] | { toArray(): { start: number; end: number }[] };
}

const listOf = <T>(x: ArrayLike<T> | { toArray(): T[] } | undefined): T[] =>
  x === undefined
    ? []
    : "toArray" in x && typeof x.toArray === "function"
      ? x.toArray()
      : Array.from(x as ArrayLike<T>);

const covered = (c: Coverage): number[] =>
  c.version === 1
    ? listOf(c.glyphs)
    : listOf(c.rangeRecords).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, k) => r.start + k));

interface GposTables {
  GDEF?: { glyphClassDef?: ClassDef };
  GPOS?: {
    featureList: ArrayLike<{ tag: string; feature: { lookupListIndexes: number[] } }>;
    lookupList: { get(i: number): { lookupType: number; subTables: unknown } };
  };
}

/**
 * Whether every glyph the font's mark features can move (their lookups' mark coverage) is of the mark class in its
 * GDEF: then `shapeWord` may leave those features out for a text without mark glyphs. Decodes the features' lookups;
 * run by the build (src/cli/build-word-shapes.ts), not by a document.
 */
export function marksMoveOnlyMarkClass(font: Font): boolean {
  const { GDEF, GPOS } = font as unknown as GposTables;
  const classDef = GDEF?.glyphClassDef;
  if (!classDef || !GPOS) return false;
  for (const { tag, feature } of Array.from(GPOS.featureList)) {
    if (tag !== "mark" && tag !== "mkmk") continue;
    for (const index of feature.lookupListIndexes) {
      const lookup = GPOS.lookupList.get(index);
      for (const table of listOf(lookup.subTables as ArrayLike<Record<string, unknown>>)) {
        const sub = lookup.lookupType === 9 ? (table.extension as Record<string, unknown>) : table;
        for (const key of ["markCoverage", "mark1Coverage"]) {
          const coverage = sub[key] as Coverage | undefined;
          if (coverage && covered(coverage).some((g) => glyphClass(g, classDef) !== 3)) return false;
        }
      }
    }
  }
  return true;
}

/** The faces whose mark features move only mark glyphs (`marksMoveOnlyMarkClass`), each checked on its own font. */
export function facesWithSafeMarks(): Set<Face> {
  return new Set((Object.keys(TTF_FILES) as Face[]).filter((face) => marksMoveOnlyMarkClass(parseFont(bytesOf(face)))));
}

/**
 * fontkit's shaping of `text` in `font`, as the plain data kept per word (see `withSharedLayouts`). For a face whose
 * mark features move only mark glyphs (`markSafe`, see WITHOUT_MARK_POSITIONING): without those features where the
 * shaped text has no mark glyph, else with every default feature; the shape is the same either way.
 */
export function shapeWord(font: Font, text: string, markSafe = false): SharedLayout {
  const quick = markSafe
    ? (font.layout(text, WITHOUT_MARK_POSITIONING as unknown as string[]) as FontkitRun)
    : undefined;
  return runData(text, quick && markFree(font, quick) ? quick : font.layout(text));
}

/**
 * A fontkit layout of `text` (a GlyphRun) as the plain data kept per word. A glyph's code points are taken from the
 * text itself when it has one glyph per code point (no ligature, no composed mark): exact even where two characters
 * share a glyph.
 */
export function runData(text: string, layout: unknown): SharedLayout {
  const run = layout as FontkitRun;
  const chars = Array.from(text, (c) => c.codePointAt(0)!);
  const oneToOne = chars.length === run.glyphs.length;
  return {
    glyphs: run.glyphs.map((g, i) => ({
      id: g.id,
      advanceWidth: g.advanceWidth,
      codePoints: oneToOne ? [chars[i]!] : [...g.codePoints],
    })),
    positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({
      xAdvance,
      yAdvance,
      xOffset,
      yOffset,
    })),
  };
}

/**
 * fontkit's shaping of a word, as plain data (`shapeWord`, `runData`): no fontkit glyph object passes from one
 * document to another. This wraps a document's font so `layout(text)` without features is shaped once per process
 * (or taken from the build's word shapes); each call gets fresh position objects, because pdfkit scales the positions
 * it is given in place. pdfkit asks only for words its own cache lacks, and that cache is shared too
 * (pdf-embedded-font.ts), so this map is asked once per word and process; it still serves when pdfkit's cache could
 * not be shared, or was emptied at its limit.
 */
function withSharedLayouts(font: Font, layouts: Map<string, SharedLayout>, face: Face): Font {
  const shape = (text: string): SharedLayout => shapeWord(font, text, storedShapes().get(face)?.markSafe ?? false);
  const layout = (text: string, features?: unknown): unknown => {
    if (features !== undefined) return font.layout(text, features);
    let shaped = layouts.get(text);
    if (!shaped) {
      if (layouts.size >= MAX_SHARED_LAYOUTS) layouts.clear();
      shaped = storedShapes().get(face)?.get(text) ?? shape(text);
      layouts.set(text, shaped);
    }
    return new LayoutCopy(shaped.glyphs, shaped.positions);
  };
  const createSubset = (): unknown => withSharedSubsets(face, (font as unknown as SubsetSource).createSubset());
  return new Proxy(font, {
    get(target, prop) {
      if (prop === "layout") return layout;
      if (prop === "createSubset") return createSubset;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

// ---------------------------------------------------------------------------------------
// Subsets shared between documents.

/** The part of fontkit's subset (TTFSubset) that pdfkit uses. */
interface Subset {
  /** The original glyph ids in the subset's order: a glyph's place is its id in the subset. */
  readonly glyphs: readonly number[];
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
}

interface SubsetSource {
  createSubset(): Subset;
}

/** A campaign's drafts mostly miss (see above): a small store, so that workers stay small. */
const MAX_SUBSET_BYTES = 4 * 1024 * 1024;
const sharedSubsets = new Map<string, Uint8Array>();
let sharedSubsetBytes = 0;

/**
 * pdfkit embeds a subset of each font per document: the glyphs the document used, numbered in
 * the order it first used them, encoded as a TrueType font program at the end of the document
 * (a third of the time of a PDF). The program follows from the face and that list of glyph ids
 * alone, so a document whose list is one an earlier document had (the same template and
 * letters: every draft of a campaign that differs only in numbers and names of the same
 * letters) gets the earlier program's bytes; any other list is encoded and kept. The subset's
 * numbering, widths and ToUnicode map stay the document's own (pdfkit's), so text extraction
 * reads what it read before.
 */
function withSharedSubsets(face: Face, subset: Subset): Subset {
  withSharedGlyphRecords(face, subset);
  const encode = (): Uint8Array => {
    const key = `${face}:${subset.glyphs.join(",")}`;
    let program = sharedSubsets.get(key);
    if (!program) {
      program = encodeProgram(face, subset);
      if (sharedSubsetBytes + program.length > MAX_SUBSET_BYTES) {
        sharedSubsets.clear();
        sharedSubsetBytes = 0;
      }
      sharedSubsets.set(key, program);
      sharedSubsetBytes += program.length;
    }
    return program;
  };
  return new Proxy(subset, {
    get(target, prop) {
      if (prop === "encode") return encode;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

// ---------------------------------------------------------------------------------------
// Glyph records shared between subsets.

/** What fontkit's TrueType subsetter (TTFSubset) reads and writes while it adds a glyph. */
interface TtfSubsetParts {
  /** The original glyph ids in the subset's order; `_addGlyph` appends a composite's components. */
  glyphs: number[];
  font: {
    getGlyph(id: number): {
      advanceWidth: number;
      _decode(): GlyfRecord | null;
      _getMetrics(): { leftBearing: number };
    };
    loca: { offsets: number[]; version: number };
    _getTableStream(tag: "glyf"): { pos: number; readBuffer(length: number): Uint8Array };
    _variationProcessor?: unknown;
  };
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

interface GlyfRecord {
  numberOfContours: number;
  components?: { glyphID: number; pos: number }[];
}

/** A glyph as the subsetter writes it: its glyf bytes, the components a composite names (where), its metrics. */
interface GlyphData {
  bytes: Uint8Array;
  components: readonly { glyphID: number; pos: number }[] | undefined;
  advance: number;
  bearing: number;
}

const glyphData = new Map<Face, Map<number, GlyphData>>();

const isTtfSubset = (x: unknown): x is TtfSubsetParts => {
  const s = x as Partial<TtfSubsetParts> | null;
  return (
    typeof s?._addGlyph === "function" &&
    typeof s.font?.getGlyph === "function" &&
    typeof s.font._getTableStream === "function" &&
    Array.isArray(s.font.loca?.offsets) &&
    s.font._variationProcessor == null
  );
};

/**
 * fontkit's subsetter decodes every glyph it adds (its glyf record, to find a composite's components, and its
 * metrics) for every document: most of a campaign's subset encoding, where nearly every draft has a glyph list of its
 * own. A glyph's bytes, components and metrics follow from the face and the glyph id alone, so they are read once per
 * process here; what depends on the subset (a composite's component numbers, the glyph's place) is written per
 * subset exactly as fontkit writes it (`_addGlyph`, fontkit 2), so the font program is the same byte for byte
 * (test/render/pdf-fonts.test.ts). A subset that is not fontkit's TrueType one, or a variable font, is left alone.
 */
function withSharedGlyphRecords(face: Face, subset: unknown): void {
  if (!isTtfSubset(subset)) return;
  let known = glyphData.get(face);
  if (!known) {
    known = new Map();
    glyphData.set(face, known);
  }
  const cache = known;
  subset._addGlyph = function addGlyph(this: TtfSubsetParts, gid: number): number {
    let data = cache.get(gid);
    if (!data) {
      const glyph = this.font.getGlyph(gid);
      const glyf = glyph._decode();
      const stream = this.font._getTableStream("glyf");
      stream.pos += this.font.loca.offsets[gid]!;
      data = {
        bytes: stream.readBuffer(this.font.loca.offsets[gid + 1]! - this.font.loca.offsets[gid]!),
        components:
          glyf && glyf.numberOfContours < 0
            ? glyf.components?.map((c) => ({ glyphID: c.glyphID, pos: c.pos }))
            : undefined,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      cache.set(gid, data);
    }
    let bytes = data.bytes;
    if (data.components) {
      bytes = new Uint8Array(data.bytes);
      const view = new DataView(bytes.buffer);
      for (const component of data.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: data.advance, bearing: data.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

// ---------------------------------------------------------------------------------------
// Font programs written without fontkit's generic encoder.

/** Per face: the pattern of the first program fontkit wrote (see truetype-program.ts), or null when ours differed. */
const patterns = new Map<Face, ProgramPattern | null>();

/**
 * The font program of `subset`. The face's first is fontkit's own, and the pattern for the rest once the same subset
 * written from its glyphs (`writeProgram`) has come out the same byte for byte; later subsets are written so.
 */
function encodeProgram(face: Face, subset: Subset): Uint8Array {
  const pattern = patterns.get(face);
  if (pattern && isTtfSubset(subset)) {
    gatherGlyphs(subset);
    return writeProgram(pattern, subset);
  }
  const program = subset.encode();
  if (pattern === undefined) patterns.set(face, isTtfSubset(subset) ? checkedPattern(subset, program) : null);
  return program;
}

/** The pattern of fontkit's `program` of `subset`, if the same subset written from its glyphs is the same bytes. */
function checkedPattern(subset: TtfSubsetParts, program: Uint8Array): ProgramPattern | null {
  const pattern = patternOf(program);
  if (!pattern) return null;
  gatherGlyphs(subset);
  return sameProgram(writeProgram(pattern, subset), program) ? pattern : null;
}

/** Whether this process writes the font programs of `face` itself (after its first subset), not through fontkit. */
export function writesOwnPrograms(face: Face): boolean {
  return Boolean(patterns.get(face));
}

/** What fontkit's `TTFSubset#encode` does before it encodes: every glyph added, components as they come, in order. */
function gatherGlyphs(subset: TtfSubsetParts): void {
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: subset.font.loca.version };
  subset.hmtx = { metrics: [], bearings: [] };
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
  subset.loca.offsets.push(subset.offset);
}
