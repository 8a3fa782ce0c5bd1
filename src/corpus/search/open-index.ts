/**
 * The index file beside the database: a header line (format version, the store revision it
 * was built from), a line of JSON (dictionaries, vocabulary, where each array lies), then the
 * typed arrays as raw bytes, each at an 8-byte boundary, so loading is one read and views on
 * it. Opened when it matches the store, else rebuilt and rewritten atomically (temp file +
 * rename). A damaged file is rebuilt, never fatal.
 */
import { open, readFile, rename, unlink } from "node:fs/promises";
import type { Store } from "../../store/store.js";
import { bytesOf, viewAs, type Typed } from "./columns.js";
import { CorpusIndex } from "./corpus-index.js";
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
 * Undefined when the file is missing, stale, of another format version, or damaged.
 */
export async function readIndexFile(path: string, revision?: string): Promise<CorpusIndex | undefined> {
  try {
    const buf = await readFile(path);
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
        base + at[0] + at[1] > buf.length
      )
        return undefined;
      arrays[name] = viewAs(t, buf.subarray(base + at[0], base + at[0] + at[1]));
    }
    return CorpusIndex.fromParts(meta, arrays);
  } catch {
    return undefined;
  }
}

/** Writes the index file atomically: a temp file beside it, then a rename over it. */
export async function writeIndexFile(path: string, index: CorpusIndex, revision: string): Promise<void> {
  const header: IndexFileHeader = {
    format: fileFormat,
    version: indexFormatVersion,
    revision,
    documents: index.size,
    builtAt: new Date().toISOString(),
  };
  const { meta, arrays } = index.parts();
  const sections: Record<string, [number, number]> = {};
  const blobs: Uint8Array[] = [];
  let at = 0;
  for (const name of Object.keys(indexArrays) as IndexArrayName[]) {
    const bytes = bytesOf(arrays[name]);
    sections[name] = [at, bytes.byteLength];
    blobs.push(bytes);
    const padded = align(bytes.byteLength);
    if (padded > bytes.byteLength) blobs.push(new Uint8Array(padded - bytes.byteLength));
    at += padded;
  }
  const head = Buffer.from(`${JSON.stringify(header)}\n${JSON.stringify({ ...meta, sections })}\n`, "utf8");
  const pad = new Uint8Array(align(head.length) - head.length);
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  const fh = await open(temp, "w");
  try {
    for (const part of [head, pad, ...blobs]) if (part.byteLength > 0) await fh.write(part);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw e;
  }
  await fh.close();
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
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
