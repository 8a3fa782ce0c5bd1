/**
 * Document segments of the embedded store: a large corpus keeps its documents beside the database file rather than
 * in it, so that adding a batch writes the batch once instead of the whole corpus again.
 *
 * - `motionera.json.documents/000001-k3j9x2.jsonl`: one segment per write of documents, a document per line,
 *   written durably before the database file names it;
 * - the database file then lists its segments (`documentSegments`, in order) and keeps the documents it held before
 *   the first segment inline; its `schemaVersion` is then one above the data's (`segmentedFileVersions`: 6 for the
 *   data of version 5, 8 for that of version 7), so a program that knows only the plain version refuses the file
 *   instead of losing the documents it does not see. A file without segments has the data's version.
 *
 * The documents are the inline ones with each segment applied in order as putDocuments applies a batch: a document
 * whose id is there already is replaced in its place, a new one is appended. A segment that no database file names
 * (its write was cut short) is never read, so a batch is stored whole or not at all; such leftovers are removed by
 * the next write, as are segments that neither the database file nor its backup names any more.
 *
 * The store keeps in memory only where each segment document lies (`Located`: segment, bytes of its line, content
 * hash), read and validated one segment at a time when the file is read: a document is read from its line when asked
 * for by id, every document when all are asked for (lowdb-store.ts), so a large import never holds the corpus.
 */
import { closeSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "../domain/zod.js";
import { nodeFs, writeFileDurably, type DurableFs } from "../files/durable-write.js";
import { readAt } from "../files/read-at.js";
import { processAlive } from "./process-alive.js";

/**
 * The file versions that mark documents lying partly in segments, each with the version of the data inside:
 * data versions are odd from 5 on, so a marker never names a shape of its own.
 */
export const segmentedFileVersions: Readonly<Record<number, number>> = { 6: 5, 8: 7 };

/** The file version this program writes for a database with segments (its data is of the current version, 7). */
export const segmentedFileVersion = 8;

/** How many documents a store holds before its writes of documents go to segments. */
export const segmentThreshold = 1000;

const segmentName = /^(\d{6})-[0-9a-z]{4,16}\.jsonl$/;
const segmentTemp = /^\d{6}-[0-9a-z]{4,16}\.jsonl\.(\d+)\.tmp$/;

export const segmentListSchema = z.array(z.string().regex(segmentName)).max(100_000);

/** The folder of a database file's segments. */
export const segmentFolder = (databaseFile: string): string =>
  join(dirname(databaseFile), `${basename(databaseFile)}.documents`);

/** Where a document's stored line lies: its segment and the bytes [start, end) of its line, and its content hash. */
export interface Located {
  segment: string;
  start: number;
  end: number;
  contentHash: string | undefined;
}

/**
 * Each line of a segment, parsed as JSON (validated by the caller), with the bytes it lies at; read whole, one segment
 * at a time, so that a store can note where its documents lie without keeping them.
 */
export function scanSegment(
  databaseFile: string,
  name: string,
  each: (raw: unknown, start: number, end: number) => void,
): void {
  const bytes = readFileSync(join(segmentFolder(databaseFile), name));
  let at = 0;
  while (at < bytes.length) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    if (end > at) each(JSON.parse(bytes.toString("utf8", at, end)), at, end);
    at = end + 1;
  }
}

/**
 * Reads stored lines as JSON, one segment file read whole at a time (the last one kept while the next line is in it,
 * so reading a store's documents in order reads each segment once).
 */
export class SegmentReader {
  #name: string | undefined;
  #bytes: Buffer | undefined;
  constructor(private readonly databaseFile: string) {}

  read(at: Located): unknown {
    if (this.#name !== at.segment) {
      this.#bytes = readFileSync(join(segmentFolder(this.databaseFile), at.segment));
      this.#name = at.segment;
    }
    return JSON.parse(this.#bytes!.toString("utf8", at.start, at.end));
  }
}

/** One stored line, read alone (a document asked for by id). */
export function readLine(databaseFile: string, at: Located): unknown {
  const fd = openSync(join(segmentFolder(databaseFile), at.segment), "r");
  try {
    return JSON.parse(readAt(fd, at.start, at.end - at.start).toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

/** The stored lines of the documents in `lines` (JSON text, no newline): what a compaction writes again. */
export function lineText(databaseFile: string, lines: Iterable<Located>): string[] {
  const out: string[] = [];
  let name: string | undefined;
  let bytes: Buffer | undefined;
  for (const at of lines) {
    if (name !== at.segment) {
      bytes = readFileSync(join(segmentFolder(databaseFile), at.segment));
      name = at.segment;
    }
    out.push(bytes!.toString("utf8", at.start, at.end));
  }
  return out;
}

/**
 * Writes a new segment after `existing` durably, a line per document (`lines`: each document's JSON); returns its name
 * (not yet named by the database file) and where each line lies in it.
 */
export async function writeSegment(
  databaseFile: string,
  existing: readonly string[],
  lines: readonly string[],
  fs: DurableFs = nodeFs,
  /** A buffer to write the lines into, grown here as needed and kept by the caller for its next write. */
  scratch: { bytes: Buffer } = { bytes: Buffer.alloc(0) },
): Promise<{ name: string; ranges: { start: number; end: number }[] }> {
  const last = existing.at(-1);
  const seq = (last ? Number(segmentName.exec(last)?.[1] ?? 0) : 0) + 1;
  const name = `${String(seq).padStart(6, "0")}-${Math.random().toString(36).slice(2, 8).padEnd(4, "0")}.jsonl`;
  const folder = segmentFolder(databaseFile);
  await mkdir(folder, { recursive: true });
  const ranges: { start: number; end: number }[] = [];
  let at = 0;
  for (const line of lines) {
    const end = at + Buffer.byteLength(line, "utf8");
    ranges.push({ start: at, end });
    at = end + 1;
  }
  // The lines written straight into the file's bytes (no joined string of the whole batch besides them), in the
  // caller's buffer (a batched import writes every batch's segment through the same one).
  if (scratch.bytes.length < at) scratch.bytes = Buffer.allocUnsafe(Math.ceil(at * 1.25));
  const bytes = scratch.bytes.subarray(0, at);
  for (const [k, line] of lines.entries()) {
    bytes.write(line, ranges[k]!.start, "utf8");
    bytes[ranges[k]!.end] = 10;
  }
  await writeFileDurably(join(folder, name), lines.length > 0 ? bytes : "\n", fs);
  return { name, ranges };
}

/**
 * Removes the segments that neither list names (the database file's and its backup's), and the temp files of
 * segment writes whose process is gone. Best effort: a file that cannot be removed stays.
 */
export function sweepSegments(databaseFile: string, keep: readonly (readonly string[])[]): void {
  const folder = segmentFolder(databaseFile);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const kept = new Set(keep.flat());
  for (const name of names) {
    const temp = segmentTemp.exec(name);
    const stale = segmentName.test(name) ? !kept.has(name) : temp ? !processAlive(Number(temp[1])) : false;
    if (stale) rmSync(join(folder, name), { force: true });
  }
}
