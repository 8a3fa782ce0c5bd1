/**
 * The index file beside the database: a header line (format version, the store revision it
 * was built from), a line of JSON (dictionaries, vocabulary, where each array lies), then the
 * typed arrays as raw bytes, each at an 8-byte boundary, so loading is one read and views on
 * it. Opened when it matches the store, else rebuilt and rewritten atomically (temp file +
 * rename). A damaged file is rebuilt, never fatal.
 */
import { closeSync, fstatSync, openSync } from "node:fs";
import { readAt, readInto } from "../../files/read-at.js";
import { open, readFile, rename, unlink } from "node:fs/promises";
import type { Store } from "../../store/store.js";
import { bytesOf, viewAs, type Typed } from "./columns.js";
import { CorpusIndex } from "./corpus-index.js";
import { StoredText } from "./stored-text.js";
import { indexArrays, indexFormatVersion, type IndexArrayName, type IndexParts } from "./serialization.js";

const fileFormat = "motionera-corpus-index-file";

export interface IndexFileHeader {
  format: typeof fileFormat;
  version: number;
  /** The store revision the index was built from. */
  revision: string;
  documents: number;
  builtAt: string;
}

/**
 * Where the index of a database file lies by default: beside it. A store at an address (a
 * PostgreSQL database, postgres://…) has no folder to keep it in: undefined, built in memory.
 */
export function defaultIndexPath(store: Pick<Store, "location">): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(store.location)) return undefined;
  return store.location.replace(/(\.json)?$/i, ".index.json");
}

/** The header line of an index file, or undefined when it is missing or not one. */
export async function readIndexHeader(path: string): Promise<IndexFileHeader | undefined> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(path, "r");
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString("utf8");
    const nl = text.indexOf("\n");
    if (nl < 0) return undefined;
    const h = JSON.parse(text.slice(0, nl)) as Partial<IndexFileHeader>;
    if (h.format !== fileFormat || typeof h.version !== "number" || typeof h.revision !== "string") return undefined;
    return h as IndexFileHeader;
  } catch {
    return undefined;
  } finally {
    await fh?.close().catch(() => {});
  }
}

const align = (x: number) => (x + 7) & ~7;

/**
 * Loads an index file; with `revision`, only if it was built from that store revision.
 * Undefined when the file is missing, stale, of another format version, or damaged. With `storedOnDisk`, the stored
 * records (most of the file: the snippet text) are not read but left in the file, read per record when asked for
 * (an import's index, IndexUpdater); the file stays open for them until the index is gone.
 */
export async function readIndexFile(
  path: string,
  revision?: string,
  options: { storedOnDisk?: boolean } = {},
): Promise<CorpusIndex | undefined> {
  let fd: number | undefined;
  try {
    let buf: Buffer;
    let skipped = 0;
    let storedAt: [number, number] | undefined;
    if (options.storedOnDisk) {
      fd = openSync(path, "r");
      const size = fstatSync(fd).size;
      // The two lines before the arrays (their length unknown: the vocabulary is in them).
      let head = readAt(fd, 0, 1 << 16);
      while (head.length < size && head.indexOf(10, head.indexOf(10) + 1) < 0) head = readAt(fd, 0, head.length * 4);
      const sections = sectionsOf(head);
      const stored = sections?.sections.stored;
      if (!sections || !Array.isArray(stored) || stored[0] !== 0 || typeof stored[1] !== "number") return undefined;
      storedAt = [sections.base, stored[1]];
      skipped = align(stored[1]);
      if (sections.base + skipped > size) return undefined;
      buf = Buffer.allocUnsafe(size - skipped);
      head.copy(buf, 0, 0, Math.min(sections.base, head.length));
      readInto(fd, buf.subarray(sections.base), sections.base + skipped);
    } else buf = await readFile(path);
    const nl1 = buf.indexOf(10);
    const nl2 = nl1 < 0 ? -1 : buf.indexOf(10, nl1 + 1);
    if (nl2 < 0) return undefined;
    const h = JSON.parse(buf.toString("utf8", 0, nl1)) as Partial<IndexFileHeader>;
    if (h.format !== fileFormat || h.version !== indexFormatVersion) return undefined;
    if (revision !== undefined && h.revision !== revision) return undefined;
    const meta = JSON.parse(buf.toString("utf8", nl1 + 1, nl2)) as IndexParts["meta"] & {
      sections?: Record<string, [number, number]>;
    };
    const sections = meta.sections;
    if (!sections || typeof sections !== "object") return undefined;
    const base = align(nl2 + 1);
    const arrays = {} as Record<IndexArrayName, Typed>;
    for (const [name, t] of Object.entries(indexArrays) as [IndexArrayName, (typeof indexArrays)[IndexArrayName]][]) {
      const at = sections[name];
      if (
        !Array.isArray(at) ||
        typeof at[0] !== "number" ||
        typeof at[1] !== "number" ||
        at[0] < 0 ||
        at[1] < 0 ||
        (storedAt === undefined && base + at[0] + at[1] > buf.length)
      )
        return undefined;
      if (storedAt !== undefined && name === "stored") {
        arrays.stored = new Uint8Array(0);
        continue;
      }
      const from = base + at[0] - skipped;
      if (from < base || from + at[1] > buf.length) return undefined;
      arrays[name] = viewAs(t, buf.subarray(from, from + at[1]));
    }
    if (storedAt === undefined || fd === undefined) return CorpusIndex.fromParts(meta, arrays);
    const off = arrays.storedOff as Uint32Array;
    if (off.length === 0 || off[off.length - 1] !== storedAt[1]) return undefined;
    const index = CorpusIndex.fromParts(meta, arrays, StoredText.inFile(fd, storedAt[0], off));
    fd = undefined; // the records' reader closes it when the index is gone
    return index;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Where an index file's arrays begin and its sections, from its first bytes; undefined when they do not say. */
function sectionsOf(head: Buffer): { base: number; sections: Record<string, unknown> } | undefined {
  const nl1 = head.indexOf(10);
  const nl2 = nl1 < 0 ? -1 : head.indexOf(10, nl1 + 1);
  if (nl2 < 0) return undefined;
  const meta = JSON.parse(head.toString("utf8", nl1 + 1, nl2)) as { sections?: unknown };
  if (!meta.sections || typeof meta.sections !== "object") return undefined;
  return { base: align(nl2 + 1), sections: meta.sections as Record<string, unknown> };
}

/** Writes the index file atomically: a temp file beside it, then a rename over it. */
export async function writeIndexFile(path: string, index: CorpusIndex, revision: string): Promise<void> {
  await writeFileOf(path, index, revision, false);
}

/**
 * Writes the index file as writeIndexFile does and gives the same index with its stored records left in the file
 * written (as `readIndexFile` with `storedOnDisk` reads it back, without reading the rest of the file again and
 * holding a second copy of its arrays): what an import holds between its saves.
 */
export async function saveIndexFile(path: string, index: CorpusIndex, revision: string): Promise<CorpusIndex> {
  const written = await writeFileOf(path, index, revision, true);
  return index.withStored(StoredText.inFile(written.fd, written.storedAt, written.storedOff));
}

async function writeFileOf(path: string, index: CorpusIndex, revision: string, keepOpen: false): Promise<undefined>;
async function writeFileOf(
  path: string,
  index: CorpusIndex,
  revision: string,
  keepOpen: true,
): Promise<{ fd: number; storedAt: number; storedOff: Uint32Array }>;
async function writeFileOf(
  path: string,
  index: CorpusIndex,
  revision: string,
  keepOpen: boolean,
): Promise<{ fd: number; storedAt: number; storedOff: Uint32Array } | undefined> {
  const header: IndexFileHeader = {
    format: fileFormat,
    version: indexFormatVersion,
    revision,
    documents: index.size,
    builtAt: new Date().toISOString(),
  };
  // The stored records (most of the file) are written in pieces as they are read, never held whole.
  const { meta, arrays } = index.parts({ stored: false });
  const sections: Record<string, [number, number]> = {};
  const blobs: Iterable<Uint8Array>[] = [];
  let at = 0;
  for (const name of Object.keys(indexArrays) as IndexArrayName[]) {
    const length = name === "stored" ? (arrays.storedOff as Uint32Array).at(-1)! : arrays[name].byteLength;
    sections[name] = [at, length];
    blobs.push(name === "stored" ? index.storedPieces() : [bytesOf(arrays[name])]);
    const padded = align(length);
    if (padded > length) blobs.push([new Uint8Array(padded - length)]);
    at += padded;
  }
  const head = Buffer.from(`${JSON.stringify(header)}\n${JSON.stringify({ ...meta, sections })}\n`, "utf8");
  const pad = new Uint8Array(align(head.length) - head.length);
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  const fh = await open(temp, "w");
  let fd: number | undefined;
  try {
    for (const parts of [[head, pad], ...blobs])
      for (const part of parts) if (part.byteLength > 0) await fh.write(part);
    await fh.sync();
    // Opened before the rename: the records are read from the file written, whatever comes to lie at `path` later.
    if (keepOpen) fd = openSync(temp, "r");
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw e;
  }
  await fh.close();
  try {
    await rename(temp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    await unlink(temp).catch(() => {});
    throw e;
  }
  // The stored records are the first section (`indexArrays`), where the arrays begin.
  return fd === undefined
    ? undefined
    : { fd, storedAt: head.length + pad.length, storedOff: arrays.storedOff as Uint32Array };
}

export interface OpenedIndex {
  index: CorpusIndex;
  /** True when the index was built now (no file, a stale one, or a damaged one). */
  rebuilt: boolean;
  /** Why the rebuilt index could not be saved (a read-only folder, a full disk); search works anyway. */
  saveError?: string;
}

/**
 * Loads the index file beside the store if it was built from the same store revision, else
 * builds it from store.documents() and saves it.
 */
export async function openIndex(
  store: Pick<Store, "location" | "revision" | "documents">,
  indexPath: string | undefined = defaultIndexPath(store),
): Promise<OpenedIndex> {
  const revision = await store.revision();
  if (indexPath === undefined) return { index: CorpusIndex.build(await store.documents()), rebuilt: true };
  const header = await readIndexHeader(indexPath);
  if (header && header.version === indexFormatVersion && header.revision === revision) {
    const index = await readIndexFile(indexPath, revision);
    if (index) return { index, rebuilt: false };
  }
  const index = CorpusIndex.build(await store.documents());
  try {
    await writeIndexFile(indexPath, index, revision);
    return { index, rebuilt: true };
  } catch (e) {
    return { index, rebuilt: true, saveError: (e as Error).message };
  }
}
