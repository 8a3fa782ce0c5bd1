/**
 * The font program of a TrueType subset, written as fontkit's subsetter writes it (fontkit 2, `TTFSubset#encode`) but
 * without its generic encoder.
 *
 * fontkit describes every table as a `restructure` schema and encodes a subset through it: sizes computed twice,
 * each number written through a type object, the head, hhea and maxp tables deep-cloned. That was a seventh of a
 * campaign PDF's time. The program is simple: a table directory, then the tables one after another (no padding,
 * checksums left at 0, as fontkit leaves them). Six tables are the font's own for every subset (head, hhea, maxp,
 * cvt, prep, fpgm) up to three numbers: the loca format in head, the number of metrics in hhea, the number of glyphs
 * in maxp. The other three (loca, glyf, hmtx) follow from the glyphs the subset gathered.
 *
 * So the first program fontkit writes for a face serves as the pattern: its directory and fixed tables are kept,
 * and the same subset is written again from its glyphs and compared with fontkit's bytes. Only when they are equal
 * are later subsets of that face written here; otherwise fontkit goes on writing them (a fontkit that writes its
 * programs differently is slower here, never wrong).
 */

/** What a subset gathered, as fontkit's subsetter keeps it after `encode` (its `glyf`, `loca` and `hmtx`). */
export interface SubsetTables {
  glyf: readonly Uint8Array[];
  loca: { offsets: readonly number[]; version: number };
  hmtx: { metrics: readonly { advance: number; bearing: number }[] };
}

/** A font program's directory and the bytes of its fixed tables, from a program fontkit wrote. */
export interface ProgramPattern {
  /** The directory's first 12 bytes (sfnt version, table count, search fields): the same for every subset. */
  header: Uint8Array;
  tables: { tag: string; checkSum: number; fixed: Uint8Array | undefined }[];
}

const GATHERED = new Set(["loca", "glyf", "hmtx"]);
const FIXED = new Set(["head", "hhea", "maxp", "cvt ", "prep", "fpgm"]);
/** Where the numbers that change per subset are, in their tables (OpenType: head, hhea, maxp version 0.5 and 1). */
const INDEX_TO_LOC_FORMAT = 50;
const NUMBER_OF_METRICS = 34;
const NUM_GLYPHS = 4;

/**
 * The pattern of `program`, or undefined when it is not laid out as fontkit's subsetter lays it out: the tables
 * back to back after the directory, in the directory's order, each a table this module knows.
 */
export function patternOf(program: Uint8Array): ProgramPattern | undefined {
  if (program.length < 12) return undefined;
  const view = new DataView(program.buffer, program.byteOffset, program.byteLength);
  const count = view.getUint16(4);
  let next = 12 + 16 * count;
  if (program.length < next) return undefined;
  const tables: ProgramPattern["tables"] = [];
  for (let i = 0; i < count; i++) {
    const entry = 12 + 16 * i;
    const tag = String.fromCharCode(...program.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    if (offset !== next || offset + length > program.length) return undefined;
    if (!FIXED.has(tag) && !GATHERED.has(tag)) return undefined;
    tables.push({
      tag,
      checkSum: view.getUint32(entry + 4),
      fixed: FIXED.has(tag) ? program.slice(offset, offset + length) : undefined,
    });
    next = offset + length;
  }
  if (next !== program.length || !tables.some((t) => t.tag === "head")) return undefined;
  return { header: program.slice(0, 12), tables };
}

/** The font program of a subset that gathered `gathered`, laid out as `pattern`. */
export function writeProgram(pattern: ProgramPattern, gathered: SubsetTables): Uint8Array {
  const { glyf, loca, hmtx } = gathered;
  const longOffsets = loca.version !== 0;
  const glyfLength = glyf.reduce((sum, g) => sum + g.length, 0);
  const lengthOf = (tag: string, fixed: Uint8Array | undefined): number => {
    if (fixed) return fixed.length;
    if (tag === "glyf") return glyfLength;
    if (tag === "loca") return loca.offsets.length * (longOffsets ? 4 : 2);
    return hmtx.metrics.length * 4;
  };
  const directory = 12 + 16 * pattern.tables.length;
  let total = directory;
  for (const t of pattern.tables) total += lengthOf(t.tag, t.fixed);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(pattern.header, 0);
  let offset = directory;
  pattern.tables.forEach(({ tag, checkSum, fixed }, i) => {
    const length = lengthOf(tag, fixed);
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, checkSum);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, length);
    if (fixed) {
      out.set(fixed, offset);
      if (tag === "head") view.setInt16(offset + INDEX_TO_LOC_FORMAT, loca.version);
      else if (tag === "hhea") view.setUint16(offset + NUMBER_OF_METRICS, hmtx.metrics.length);
      else if (tag === "maxp") view.setUint16(offset + NUM_GLYPHS, glyf.length);
    } else if (tag === "glyf") {
      let at = offset;
      for (const g of glyf) {
        out.set(g, at);
        at += g.length;
      }
    } else if (tag === "loca") {
      let at = offset;
      for (const o of loca.offsets) {
        if (longOffsets) view.setUint32(at, o);
        else view.setUint16(at, o >>> 1);
        at += longOffsets ? 4 : 2;
      }
    } else {
      let at = offset;
      for (const m of hmtx.metrics) {
        view.setUint16(at, m.advance);
        view.setInt16(at + 2, m.bearing);
        at += 4;
      }
    }
    offset += length;
  });
  return out;
}

/** Whether two programs are the same bytes. */
export function sameProgram(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
