/**
 * pdfkit's font object for an embedded font (its EmbeddedFont, pdfkit 0.17–0.20), made cheaper for the PDF writer's
 * DejaVu faces: its cache of laid-out words shared between documents, and its layout and encoding of a text done
 * without the copies pdfkit makes. What pdfkit reads back is the same: the same glyphs, positions, widths, code points
 * and glyph numbers.
 */
import type { Font } from "fontkit";
import { MAX_SHARED_LAYOUTS, type Face } from "./pdf-fonts.js";

/** A laid-out word or text as pdfkit keeps it: glyphs, positions scaled to its units, the advance. */
interface Laid {
  glyphs: { id: number; advanceWidth: number; codePoints: readonly number[] }[];
  positions: unknown[];
  advanceWidth: number;
}

/** The part of pdfkit's EmbeddedFont this reads and replaces. */
interface EmbeddedFont {
  font: unknown;
  layoutCache: Record<string, Laid>;
  subset: { includeGlyph(id: number): number };
  widths: (number | undefined)[];
  unicode: (readonly number[] | undefined)[];
  scale: number;
  layoutCached(text: string): Laid;
  layoutRun(text: string, features: unknown): Laid;
  layout(text: string, features?: unknown, onlyWidth?: boolean): Partial<Laid>;
  encode(text: string, features?: unknown): [string[], unknown[]];
}

const isEmbeddedFont = (x: unknown, font: Font): x is EmbeddedFont => {
  const f = x as Partial<EmbeddedFont> | null;
  return (
    f?.font === font &&
    typeof f.layoutCache === "object" &&
    f.layoutCache !== null &&
    typeof f.subset?.includeGlyph === "function" &&
    Array.isArray(f.widths) &&
    Array.isArray(f.unicode) &&
    typeof f.scale === "number" &&
    typeof f.layoutCached === "function" &&
    typeof f.layoutRun === "function" &&
    typeof f.layout === "function" &&
    typeof f.encode === "function"
  );
};

/** Per face: the cache every document's pdfkit font of that face uses, and how many documents have used it. */
const wordLayouts = new Map<Face, { cache: Record<string, Laid>; documents: number }>();
/** Every this many documents, the number of words in a shared cache is counted (pdfkit adds them itself). */
const COUNT_EVERY = 128;

/**
 * Tunes `pdfkitFont`, what pdfkit made of `font` (a font from `openFace`) for one document; anything else is left
 * alone.
 *
 * - pdfkit keeps a document's laid-out words (glyphs, and positions it has scaled to its units) in a cache of its own
 *   font object; every document starts empty, so each copied every word's layout from pdf-fonts.ts's shared shapes
 *   and scaled it again: a tenth of a campaign PDF's time. After pdfkit has scaled a word's positions it only reads
 *   them (where it adds word spacing, it copies the position first; `_fragment`), and the glyphs in them are plain
 *   data, so the cache is shared by every document's font of the same face.
 * - `layout` and `encode` are pdfkit's, written without a new array per word and character (see below).
 */
export function tuneEmbeddedFont(pdfkitFont: unknown, font: Font, face: Face): void {
  if (!isEmbeddedFont(pdfkitFont, font)) return;
  let shared = wordLayouts.get(face);
  if (!shared || (shared.documents % COUNT_EVERY === 0 && Object.keys(shared.cache).length >= MAX_SHARED_LAYOUTS)) {
    shared = { cache: Object.create(null) as Record<string, Laid>, documents: 0 };
    wordLayouts.set(face, shared);
  }
  shared.documents++;
  pdfkitFont.layoutCache = shared.cache;
  pdfkitFont.layout = layout;
  pdfkitFont.encode = encode;
}

/**
 * pdfkit's `layout`: a text without OpenType features is laid out word by word (each word with the space or tab
 * after it) from the word cache, and the words' glyphs and positions put one after another. pdfkit tests each
 * character against a new two-element array and concatenates the arrays word by word.
 */
function layout(this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean): Partial<Laid> {
  if (features) return this.layoutRun(text, features);
  const glyphs: Laid["glyphs"] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  const add = (word: string): void => {
    const run = this.layoutCached(word);
    if (glyphs && positions)
      for (let i = 0; i < run.glyphs.length; i++) {
        glyphs.push(run.glyphs[i]!);
        positions.push(run.positions[i]);
      }
    advanceWidth += run.advanceWidth;
  };
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) continue;
    add(text.slice(last, i + 1));
    last = i + 1;
  }
  if (last < text.length) add(text.slice(last));
  return { glyphs: glyphs as Laid["glyphs"], positions: positions as unknown[], advanceWidth };
}

/** Four hex digits per glyph number, as pdfkit writes them; made once per number. */
const hex: string[] = [];
const hex4 = (n: number): string => (hex[n] ??= `0000${n.toString(16)}`.slice(-4));

/** pdfkit's `encode`: each glyph's number in the document's subset, in hex, with its width and code points noted. */
function encode(this: EmbeddedFont, text: string, features?: unknown): [string[], unknown[]] {
  const { glyphs, positions } = this.layout(text, features) as Laid;
  const res = new Array<string>(glyphs.length);
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    const gid = this.subset.includeGlyph(glyph.id);
    res[i] = hex4(gid);
    if (this.widths[gid] == null) this.widths[gid] = glyph.advanceWidth * this.scale;
    if (this.unicode[gid] == null) this.unicode[gid] = glyph.codePoints;
  }
  return [res, positions];
}
