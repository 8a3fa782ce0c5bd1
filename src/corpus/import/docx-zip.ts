/**
 * Opens an imported .docx without trusting it. A .docx is a zip, and a zip's headers may lie:
 * a few megabytes can inflate to gigabytes while the headers declare kilobytes. So this module
 * reads the zip's directory itself, inflates only the XML parts a reader needs, counting every
 * byte as it comes out and stopping at the first byte past what the header declared or past
 * the limit, checks how deeply their XML nests, and hands on a new zip of exactly the bytes it
 * verified. Nothing else (mammoth, JSZip) ever inflates the user's bytes.
 */
import { Inflate, zipSync, type Zippable } from "fflate";
import type { DocxProblem } from "../../domain/read-problem.js";

export const docxLimits = {
  /** What every part together may declare when unpacked (images included). */
  maxDeclaredBytes: 200 * 1024 * 1024,
  /** What the XML parts (the text, styles, notes) may unpack to, all together. */
  maxXmlBytes: 32 * 1024 * 1024,
  /** How deeply elements may nest; Word itself nests tables at most 63 deep. */
  maxXmlDepth: 1000,
  maxEntries: 10_000,
};

export class DocxError extends Error {
  constructor(readonly problem: DocxProblem) {
    super(problem.reason);
  }
}

export interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

function notDocx(detail: Extract<DocxProblem, { reason: "not_docx" }>["detail"]): never {
  throw new DocxError({ reason: "not_docx", detail });
}

/** The central directory: every entry's name, method, sizes and where its local header is. */
export function readDirectory(zip: Uint8Array, maxEntries: number = docxLimits.maxEntries): Entry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (u32(zip, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) notDocx("not_zip");
  const count = u16(zip, end + 10);
  let at = u32(zip, end + 16);
  if (count === 0xffff || at === 0xffffffff) notDocx("zip64");
  if (count > maxEntries) throw new DocxError({ reason: "unpacks_too_large", limitBytes: docxLimits.maxDeclaredBytes });
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || u32(zip, at) !== 0x02014b50) notDocx("not_zip");
    const nameLength = u16(zip, at + 28);
    const e: Entry = {
      flags: u16(zip, at + 8),
      method: u16(zip, at + 10),
      compressedSize: u32(zip, at + 20),
      declaredSize: u32(zip, at + 24),
      name: decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)),
      localOffset: u32(zip, at + 42),
    };
    if (e.compressedSize === 0xffffffff || e.declaredSize === 0xffffffff || e.localOffset === 0xffffffff)
      notDocx("zip64");
    entries.push(e);
    at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
  }
  return entries;
}

/** The entry's stored bytes, located through its local header. */
function storedBytes(zip: Uint8Array, e: Entry): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > zip.length || u32(zip, at) !== 0x04034b50) notDocx("bad_entry");
  const start = at + 30 + u16(zip, at + 26) + u16(zip, at + 28);
  if (start + e.compressedSize > zip.length) notDocx("bad_entry");
  return zip.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry, never producing more than `budget` bytes nor more than its header
 * declares: the stream is fed in small pieces and abandoned at the first byte too many.
 */
export function inflateBounded(zip: Uint8Array, e: Entry, budget: number): Uint8Array {
  const data = storedBytes(zip, e);
  if (e.method === 0) {
    if (data.length !== e.declaredSize)
      throw new DocxError({ reason: "header_lies", part: e.name, declaredBytes: e.declaredSize });
    return data;
  }
  if (e.method !== 8) notDocx("bad_entry");
  if (e.declaredSize > budget)
    throw new DocxError({
      reason: "unpacks_too_large",
      limitBytes: docxLimits.maxXmlBytes,
      declaredBytes: e.declaredSize,
    });
  const out = new Uint8Array(e.declaredSize);
  let length = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    if (length + chunk.length > e.declaredSize)
      throw new DocxError({ reason: "header_lies", part: e.name, declaredBytes: e.declaredSize });
    out.set(chunk, length);
    length += chunk.length;
    if (final) done = true;
  });
  const piece = 16 * 1024;
  try {
    for (let i = 0; i < data.length && !done; i += piece)
      inflate.push(data.subarray(i, i + piece), i + piece >= data.length);
  } catch (err) {
    if (err instanceof DocxError) throw err;
    notDocx("bad_entry");
  }
  if (!done || length !== e.declaredSize) notDocx("bad_entry");
  return out;
}

/** How deeply the elements of an XML text nest, stopping as soon as `limit` is passed. */
export function xmlDepthExceeds(xml: string, limit: number): boolean {
  let depth = 0;
  let i = xml.indexOf("<");
  while (i >= 0 && i < xml.length) {
    const next = xml.charCodeAt(i + 1);
    let end: number;
    if (next === 0x2f /* / */) {
      depth--;
      end = xml.indexOf(">", i);
    } else if (next === 0x3f /* ? */) {
      end = xml.indexOf("?>", i + 2) + 1;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", i)) end = xml.indexOf("-->", i + 4) + 2;
      else if (xml.startsWith("<![CDATA[", i)) end = xml.indexOf("]]>", i + 9) + 2;
      else end = xml.indexOf(">", i);
    } else {
      // An opening tag: find its end outside quoted attribute values.
      let j = i + 1;
      let quote = 0;
      for (; j < xml.length; j++) {
        const c = xml.charCodeAt(j);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e /* > */) break;
      }
      end = j;
      if (xml.charCodeAt(end - 1) !== 0x2f /* / */ && ++depth > limit) return true;
    }
    if (end < 0) return false;
    i = xml.indexOf("<", end + 1);
  }
  return false;
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * Verifies a .docx and returns a zip holding only its XML parts, exactly as verified, for a
 * reader to parse. Throws DocxError when the file is not a .docx or would unpack too far.
 */
export function verifiedDocx(zip: Uint8Array): Uint8Array {
  const entries = readDirectory(zip);
  const declared = entries.reduce((n, e) => n + e.declaredSize, 0);
  if (declared > docxLimits.maxDeclaredBytes)
    throw new DocxError({
      reason: "unpacks_too_large",
      limitBytes: docxLimits.maxDeclaredBytes,
      declaredBytes: declared,
    });
  const xmlParts = entries.filter((e) => isXmlPart(e.name) && !e.name.endsWith("/"));
  if (!xmlParts.some((e) => e.name === "word/document.xml")) notDocx("no_document");
  const parts: Zippable = {};
  let budget = docxLimits.maxXmlBytes;
  const decoder = new TextDecoder();
  for (const e of xmlParts) {
    if (e.flags & 1) notDocx("encrypted");
    const bytes = inflateBounded(zip, e, budget);
    budget -= bytes.length;
    if (xmlDepthExceeds(decoder.decode(bytes), docxLimits.maxXmlDepth)) {
      throw new DocxError({ reason: "nested_too_deep", part: e.name, limit: docxLimits.maxXmlDepth });
    }
    parts[e.name] = [bytes, { level: 0 }];
  }
  return zipSync(parts);
}
