/**
 * Hostile files for the import tests, built in memory: zip bombs disguised as .docx (honest
 * and lying headers), a .docx that is not a zip, a truncated one, deeply nested XML, garbage
 * and truncated PDFs. Zips are written by hand so their headers can say what we want.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import { strToU8, unzipSync } from "fflate";

export interface RawEntry {
  name: string;
  /** The bytes as stored (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare. */
  declaredSize: number;
}

/** A zip file with exactly these local headers, central directory and end record. */
export function zipRaw(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(e.data));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.declaredSize >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}

/** An ordinary entry, deflated, with honest headers. */
export function entry(name: string, text: string | Uint8Array): RawEntry {
  const raw = typeof text === "string" ? strToU8(text) : text;
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), declaredSize: raw.length };
}

/**
 * A raw deflate stream that inflates to `gigabytes` GB of "<" characters (so it is not
 * even XML), made of one self-contained 64 MB block repeated: about 1 MB per GB.
 */
export async function bombKernel(gigabytes: number): Promise<Uint8Array> {
  const block = await new Promise<Buffer>((resolve, reject) => {
    const s = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    s.on("data", (d: Buffer) => out.push(d));
    s.on("error", reject);
    s.write(Buffer.alloc(64 * 1024 * 1024, "<"));
    // A full flush ends byte-aligned and resets the window: the block can be repeated as is.
    s.flush(constants.Z_FULL_FLUSH, () => resolve(Buffer.concat(out)));
  });
  const copies = Math.round((gigabytes * 1024) / 64);
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array.from({ length: copies }, () => block), finalEmptyBlock]));
}

/** The parts of a real DOCX (from our writer), as name → bytes. */
export function docxParts(docx: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(docx);
}

/** A DOCX with `document` as word/document.xml (or a raw entry), the other parts from `base`. */
export function docxWith(base: Record<string, Uint8Array>, document: RawEntry): Uint8Array {
  const rest = Object.entries(base)
    .filter(([name]) => name !== "word/document.xml")
    .map(([name, data]) => entry(name, data));
  return zipRaw([...rest, document]);
}

/** word/document.xml with `depth` nested elements inside one run of text. */
export function nestedDocumentXml(depth: number): string {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${ns}><w:body><w:p><w:r><w:t>Motion ` +
    `om djup</w:t></w:r>${"<w:sdt><w:sdtContent>".repeat(depth)}<w:r><w:t>x</w:t></w:r>` +
    `${"</w:sdtContent></w:sdt>".repeat(depth)}</w:p></w:body></w:document>`
  );
}
