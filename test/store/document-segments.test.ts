/**
 * The embedded store's document segments (src/store/document-segments.ts): once a store is large, each batch of
 * documents goes to a segment file of its own and the database file names it; reading the store again gives the
 * same documents in the same order. A batch is stored whole or not at all: a write that fails after its segment was
 * written leaves the store as it was, and the leftover segment is never read and is swept by the next write.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CorpusDocument } from "../../src/domain/corpus-document.js";
import type { DurableFs } from "../../src/files/durable-write.js";
import { segmentedFileVersion, segmentFolder, segmentThreshold } from "../../src/store/document-segments.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";

const doc = (id: string, title = `Titel ${id}`): CorpusDocument => ({
  id,
  kind: "motion",
  level: "riksdag",
  municipality: null,
  county: null,
  parties: ["V"],
  authors: [{ name: "Anna Andersson", party: "V" }],
  date: "2024-03-01",
  title,
  summary: "En sammanfattning.",
  topics: [],
  arguments: [],
  proposals: ["att riksdagen utreder frågan"],
  questions: [],
  facts: [],
  source: { title, publisher: "Riksdagen", date: "2024-03-01" },
});

const docs = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => doc(`d${from + k}`));

/** Node's calls, but the rename onto the database file itself fails (after the segment was written). */
function failingMainRename(db: string): DurableFs & { armed: boolean } {
  const fs = {
    armed: false,
    open: (p: string, f: "w" | "r") => open(p, f),
    rename: async (from: string, to: string) => {
      if (fs.armed && to === db) throw new Error("simulated crash before the database file is replaced");
      await rename(from, to);
    },
    rm: (p: string, o: { force: true }) => rm(p, o),
  };
  return fs;
}

describe("document segments of the embedded store", () => {
  it("keeps batches beside the file once the store is large, and reads them back in order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-segments-"));
    const db = join(dir, "db.json");
    const store = await LowdbStore.open(db);
    await store.putDocuments(docs(0, 600));
    expect(JSON.parse(readFileSync(db, "utf8")).schemaVersion).toBe(7);
    expect(existsSync(segmentFolder(db))).toBe(false);
    await store.putDocuments(docs(600, 1200));
    await store.putDocuments([doc("d5", "Ersatt titel"), ...docs(1200, 1300)]);
    const file = JSON.parse(readFileSync(db, "utf8"));
    expect(file.schemaVersion).toBe(8);
    expect(file.documents).toHaveLength(600);
    expect(file.documentSegments).toHaveLength(2);
    expect(readdirSync(segmentFolder(db)).sort()).toEqual([...file.documentSegments].sort());
    const again = await LowdbStore.open(db);
    const read = await again.documents();
    expect(read.map((d) => d.id)).toEqual((await store.documents()).map((d) => d.id));
    expect(read).toHaveLength(1300);
    expect(read[5]!.title).toBe("Ersatt titel");
    expect((await again.document("d1299"))?.title).toBe("Titel d1299");
    // Read by id from its segment (d5 is inline in the file, its new version in a segment); the ids and hashes in
    // the same order without the documents; the same array while it is held.
    expect((await again.document("d5"))?.title).toBe("Ersatt titel");
    expect((await again.documentHashes()).map((d) => d.id)).toEqual(read.map((d) => d.id));
    expect(await again.documents()).toBe(read);
    // A restore (db copy into this engine) writes every document inline again.
    await again.restore(await again.snapshot());
    const restored = JSON.parse(readFileSync(db, "utf8"));
    expect(restored.schemaVersion).toBe(7);
    expect(restored.documents).toHaveLength(1300);
    expect((await (await LowdbStore.open(db)).documents()).map((d) => d.id)).toEqual(read.map((d) => d.id));
  });

  it("stores a batch whole or not at all when the write is cut after its segment", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-segments-"));
    const db = join(dir, "db.json");
    const fs = failingMainRename(db);
    const store = await LowdbStore.open(db, { fs });
    await store.putDocuments(docs(0, segmentThreshold));
    await store.putDocuments(docs(segmentThreshold, segmentThreshold + 100));
    const before = readFileSync(db, "utf8");
    const segmentsBefore = readdirSync(segmentFolder(db)).length;
    fs.armed = true;
    await expect(store.putDocuments(docs(5000, 5500))).rejects.toThrow();
    expect(readFileSync(db, "utf8")).toBe(before);
    expect(await store.documents()).toHaveLength(segmentThreshold + 100);
    // The cut write's segment lies there, named by no database file: never read.
    expect(readdirSync(segmentFolder(db))).toHaveLength(segmentsBefore + 1);
    expect(await (await LowdbStore.open(db)).documents()).toHaveLength(segmentThreshold + 100);
    fs.armed = false;
    await store.putDocuments(docs(5000, 5500));
    const file = JSON.parse(readFileSync(db, "utf8"));
    expect(readdirSync(segmentFolder(db)).sort()).toEqual([...file.documentSegments].sort());
    expect(await (await LowdbStore.open(db)).documents()).toHaveLength(segmentThreshold + 600);
  });

  it("compacts its segments when replaced documents fill them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-segments-"));
    const db = join(dir, "db.json");
    const store = await LowdbStore.open(db);
    await store.putDocuments(docs(0, 10));
    for (let round = 0; round < 8; round++)
      await store.putDocuments(docs(10, 1200).map((d) => ({ ...d, title: `r${round}` })));
    const file = JSON.parse(readFileSync(db, "utf8"));
    expect(file.documentSegments.length).toBeLessThan(4);
    const read = await (await LowdbStore.open(db)).documents();
    expect(read).toHaveLength(1200);
    expect(read[100]!.title).toBe("r7");
    expect((await (await LowdbStore.open(db)).document("d1100"))?.title).toBe("r7");
    expect((await store.documents()).map((d) => [d.id, d.title])).toEqual(read.map((d) => [d.id, d.title]));
    // The segments the file and its backup name are kept, no others.
    const backup = JSON.parse(readFileSync(`${db}.bak`, "utf8"));
    const named = new Set([...file.documentSegments, ...(backup.documentSegments ?? [])]);
    expect(readdirSync(segmentFolder(db)).every((n) => named.has(n))).toBe(true);
  });

  it("a segmented file from before filed documents (6, data of version 5) is read, then written as 8", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-segments-"));
    const db = join(dir, "db.json");
    const store = await LowdbStore.open(db);
    await store.putDocuments(docs(0, 1000));
    await store.putDocuments(docs(1000, 1100));
    await store.close();
    // As the program before filed documents wrote it: marker 6, no filings, no meetings.
    const { filings: _f, meetings: _m, ...old } = JSON.parse(readFileSync(db, "utf8"));
    writeFileSync(db, JSON.stringify({ ...old, schemaVersion: 6 }));
    const again = await LowdbStore.open(db);
    expect(await again.documents()).toHaveLength(1100);
    expect(await again.filings()).toEqual([]);
    await again.addMeetings([{ municipality: { code: "0186", name: "Lidingö" }, date: "2026-01-26", body: "kf" }]);
    const file = JSON.parse(readFileSync(db, "utf8"));
    expect([file.schemaVersion, file.meetings.length, file.filings]).toEqual([segmentedFileVersion, 1, []]);
    expect(await (await LowdbStore.open(db)).documents()).toHaveLength(1100);
    await again.close();
  });
});
