/**
 * Document segments of the embedded store: a large corpus keeps its documents beside the database file rather than
 * in it, so that adding a batch writes the batch once instead of the whole corpus again.
 *
 * - `motionera.json.documents/000001-k3j9x2.jsonl`: one segment per write of documents, a document per line,
 *   written durably before the database file names it;
 * - the database file then lists its segments (`documentSegments`, in order) and keeps the documents it held before
 *   the first segment inline; its `schemaVersion` is then 6 (data of version 5) or 8 (data of version 7), so a
 *   program that knows only the data's version refuses the file
 *   instead of losing the documents it does not see. A file without segments has the data's version.
 *
 * The documents are the inline ones with each segment applied in order as putDocuments applies a batch: a document
 * whose id is there already is replaced in its place, a new one is appended. A segment that no database file names
 * (its write was cut short) is never read, so a batch is stored whole or not at all; such leftovers are removed by
 * the next write, as are segments that neither the database file nor its backup names any more.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "../domain/zod.js";
import type { CorpusDocument } from "../domain/corpus-document.js";
import { nodeFs, writeFileDurably, type DurableFs } from "../files/durable-write.js";
import { processAlive } from "./process-alive.js";

/**
 * The file version of a database whose documents lie partly in segments: one number per version of the data
 * inside, so that a program that knows only an older one refuses the file instead of losing what it does not see.
 */
export const segmentedFileVersion = 8;

/** Each segmented file version this program reads, and the version of the data it holds. */
export const segmentedDataVersions: Readonly<Record<number, number>> = { 6: 5, [segmentedFileVersion]: 7 };

/** How many documents a store holds before its writes of documents go to segments. */
export const segmentThreshold = 1000;

const segmentName = /^(\d{6})-[0-9a-z]{4,16}\.jsonl$/;
const segmentTemp = /^\d{6}-[0-9a-z]{4,16}\.jsonl\.(\d+)\.tmp$/;

export const segmentListSchema = z.array(z.string().regex(segmentName)).max(100_000);

/** The folder of a database file's segments. */
export const segmentFolder = (databaseFile: string): string =>
  join(dirname(databaseFile), `${basename(databaseFile)}.documents`);

/** The raw documents of the named segments, in order, each segment's lines parsed as JSON (validated later). */
export function readSegments(databaseFile: string, names: readonly string[]): unknown[][] {
  const folder = segmentFolder(databaseFile);
  return names.map((name) => {
    const text = readFileSync(join(folder, name), "utf8");
    const out: unknown[] = [];
    let at = 0;
    while (at < text.length) {
      let end = text.indexOf("\n", at);
      if (end < 0) end = text.length;
      if (end > at) out.push(JSON.parse(text.slice(at, end)));
      at = end + 1;
    }
    return out;
  });
}

/** The inline documents with each segment applied in order (replaced by id in place, else appended). */
export function applySegments(inline: readonly unknown[], segments: readonly (readonly unknown[])[]): unknown[] {
  const out = [...inline];
  const at = new Map<unknown, number>();
  for (let i = 0; i < out.length; i++) at.set(idOf(out[i]), i);
  for (const segment of segments)
    for (const d of segment) {
      const id = idOf(d);
      const i = id === undefined ? undefined : at.get(id);
      if (i !== undefined) out[i] = d;
      else {
        if (id !== undefined) at.set(id, out.length);
        out.push(d);
      }
    }
  return out;
}

const idOf = (d: unknown): unknown =>
  d && typeof d === "object" && typeof (d as { id?: unknown }).id === "string" ? (d as { id: string }).id : undefined;

/** Writes a new segment after `existing` durably; returns its name (not yet named by the database file). */
export async function writeSegment(
  databaseFile: string,
  existing: readonly string[],
  docs: readonly CorpusDocument[],
  fs: DurableFs = nodeFs,
): Promise<string> {
  const last = existing.at(-1);
  const seq = (last ? Number(segmentName.exec(last)?.[1] ?? 0) : 0) + 1;
  const name = `${String(seq).padStart(6, "0")}-${Math.random().toString(36).slice(2, 8).padEnd(4, "0")}.jsonl`;
  const folder = segmentFolder(databaseFile);
  await mkdir(folder, { recursive: true });
  let text = "";
  for (const d of docs) text += `${JSON.stringify(d)}\n`;
  await writeFileDurably(join(folder, name), text, fs);
  return name;
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
