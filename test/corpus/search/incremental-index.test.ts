/**
 * The index updated batch by batch (CorpusIndex.withDocuments) equals a full build over the same documents in the
 * same order: the same hits, scores and facets for a set of queries, through the index file too, also when its stored
 * records are left in the file (as an import holds its index). Replacing a document leaves none of its old words
 * findable.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dokumentstatusFile } from "../../../bench/riksdagen-generate.js";
import { readAndTag } from "../../../src/corpus/import/import-files.js";
import { CorpusIndex, readIndexFile, saveIndexFile, writeIndexFile } from "../../../src/corpus/search/index.js";
import type { SearchQuery } from "../../../src/corpus/search/index.js";
import type { CorpusDocument } from "../../../src/domain/corpus-document.js";

async function riksdagenDocs(from: number, to: number): Promise<CorpusDocument[]> {
  const out: CorpusDocument[] = [];
  for (let i = from; i < to; i++) {
    const f = dokumentstatusFile(i);
    const [r] = await readAndTag({ name: f.name, bytes: new TextEncoder().encode(f.json) }, {}, new Date(0));
    if (!r?.ok) throw new Error(`generated file ${f.name} not read`);
    out.push({ ...r.record, id: `doc-${i}` });
  }
  return out;
}

const queries: SearchQuery[] = [
  { text: "kollektivtrafiken" },
  { text: "skolans resurser", limit: 50 },
  { text: '"vården på landsbygden"' },
  { text: "bredband", filters: { from: 2000, to: 2010 } },
  { text: "polis", filters: { party: ["S", "M"] } },
  { text: "", filters: { kind: ["motion"] }, limit: 30 },
  { text: "cykelväg äldreomsorg" },
  { text: "kulturskol", offset: 5, limit: 10 },
  { text: "kollektivtrafiken", filters: { party: ["SD"] } },
];

const answers = (index: CorpusIndex) => queries.map((q) => index.search(q));

describe("the incremental index", () => {
  it("equals a full build after batches are added, documents replaced in their place", async () => {
    const all = await riksdagenDocs(0, 600);
    // Replacements: the same ids with other documents' text, in the last batch.
    const replacements = (await riksdagenDocs(600, 640)).map((d, k) => ({ ...d, id: `doc-${k * 7}` }));
    let incremental = CorpusIndex.build(all.slice(0, 200));
    for (const batch of [all.slice(200, 400), all.slice(400, 600), replacements])
      incremental = incremental.withDocuments(batch);
    const byId = new Map(all.map((d) => [d.id, d]));
    for (const d of replacements) byId.set(d.id, d);
    const full = CorpusIndex.build([...byId.values()]);
    expect(incremental.size).toBe(600);
    expect(answers(incremental)).toEqual(answers(full));
    expect(incremental.parts().meta).toEqual(full.parts().meta);

    const dir = mkdtempSync(join(tmpdir(), "motionera-incremental-"));
    await writeIndexFile(join(dir, "i.index.json"), incremental, "r1");
    const reread = await readIndexFile(join(dir, "i.index.json"), "r1");
    expect(reread).toBeDefined();
    const again = reread!.withDocuments(await riksdagenDocs(640, 660));
    const fuller = CorpusIndex.build([...byId.values(), ...(await riksdagenDocs(640, 660))]);
    expect(answers(again)).toEqual(answers(fuller));

    // As an import holds it: the stored records left in the file, batches added (a replacement too), saved over the
    // file it reads them from and read back: the same answers, and the same file as a full build's.
    const path = join(dir, "i.index.json");
    let onDisk = await readIndexFile(path, "r1", { storedOnDisk: true });
    expect(onDisk).toBeDefined();
    expect(answers(onDisk!)).toEqual(answers(incremental));
    const later = await riksdagenDocs(640, 700);
    onDisk = onDisk!.withDocuments(later.slice(0, 30));
    await writeIndexFile(path, onDisk, "r2");
    onDisk = (await readIndexFile(path, "r2", { storedOnDisk: true }))!.withDocuments([
      ...later.slice(30),
      { ...later[0]!, id: "doc-3" },
    ]);
    byId.set("doc-3", { ...later[0]!, id: "doc-3" });
    for (const d of later) byId.set(d.id, d);
    const newest = CorpusIndex.build([...byId.values()]);
    expect(answers(onDisk)).toEqual(answers(newest));
    expect(onDisk.filter({ party: ["S"] })).toEqual(newest.filter({ party: ["S"] }));
    await writeIndexFile(path, onDisk, "r3");
    expect((await readIndexFile(path, "r3"))!.serialize()).toBe(newest.serialize());
  }, 60_000);

  it("merged in place (reuse) equals a full build, whether token ids keep their length or not", async () => {
    // Words of their own in some documents, so the vocabulary passes 128 terms and ids move across a varint length
    // between batches (the token streams then written anew), while other batches keep every length (written over).
    const docs = (await riksdagenDocs(0, 420)).map((d, i) =>
      i % 3 === 0 ? { ...d, fullText: `${d.fullText ?? ""} ${"zq".repeat(1 + (i % 5))}ord${i}x` } : d,
    );
    const batches = [docs.slice(0, 100), docs.slice(100, 101), docs.slice(101, 300), docs.slice(300, 420)];
    let inPlace = CorpusIndex.build(batches[0]!);
    let copied = CorpusIndex.build(batches[0]!);
    for (const [k, batch] of batches.slice(1).entries()) {
      inPlace = inPlace.withDocuments(batch, { reuse: true });
      copied = copied.withDocuments(batch);
      const full = CorpusIndex.build(docs.slice(0, [101, 300, 420][k]));
      expect(inPlace.serialize()).toBe(full.serialize());
      expect(copied.serialize()).toBe(full.serialize());
    }
    expect(answers(inPlace)).toEqual(answers(CorpusIndex.build(docs)));
    // A replacement in a batch: merged by copying, the same as a full build too.
    const replacement = { ...docs[5]!, title: "Ersatt motion om zebraöverlevnad" };
    inPlace = inPlace.withDocuments([replacement, ...(await riksdagenDocs(420, 430))], { reuse: true });
    const all = [...docs.slice(0, 5), replacement, ...docs.slice(6), ...(await riksdagenDocs(420, 430))];
    expect(inPlace.serialize()).toBe(CorpusIndex.build(all).serialize());
    // Read from its file (arrays that are views of the file's bytes) and merged in place: the file's other arrays
    // are not written over.
    const dir = mkdtempSync(join(tmpdir(), "motionera-in-place-"));
    await writeIndexFile(join(dir, "p.index.json"), inPlace, "r1");
    const reread = (await readIndexFile(join(dir, "p.index.json"), "r1", { storedOnDisk: true }))!;
    const more = await riksdagenDocs(430, 460);
    const grownIndex = reread.withDocuments(more, { reuse: true }).withDocuments(more.slice(0, 1), { reuse: true });
    expect(grownIndex.serialize()).toBe(CorpusIndex.build([...all, ...more]).serialize());
    // Saved as an import saves it: the same index, its records now read from the file written, as a reader finds it.
    const saved = await saveIndexFile(join(dir, "p.index.json"), grownIndex, "r2");
    expect(saved.serialize()).toBe(grownIndex.serialize());
    expect(answers(saved)).toEqual(answers(grownIndex));
    expect((await readIndexFile(join(dir, "p.index.json"), "r2"))!.serialize()).toBe(grownIndex.serialize());
  }, 60_000);

  it("puts added documents in the newest-first order, the same date by id, also read from a file", async () => {
    // Three dates and undated documents only, the ids of each batch falling between those of the others.
    const dates = ["2021-03-04", "2019-11-30", null, "2021-03-04", "2020"];
    const docs = (await riksdagenDocs(0, 160)).map((d, i) => ({
      ...d,
      id: `m-${String((i * 37) % 160).padStart(3, "0")}`,
      date: dates[i % dates.length] as CorpusDocument["date"],
    }));
    const dir = mkdtempSync(join(tmpdir(), "motionera-order-"));
    const path = join(dir, "o.index.json");
    await writeIndexFile(path, CorpusIndex.build(docs.slice(0, 60)), "r1");
    let index = (await readIndexFile(path, "r1", { storedOnDisk: true }))!;
    for (const [from, to] of [
      [60, 61],
      [61, 120],
      [120, 160],
    ] as const) {
      index = index.withDocuments(docs.slice(from, to), { reuse: true });
      expect(index.serialize()).toBe(CorpusIndex.build(docs.slice(0, to)).serialize());
    }
    // Newest first, the undated last, each date's documents by id.
    const expected = [...docs]
      .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || (a.id < b.id ? -1 : 1))
      .map((d) => d.id);
    expect(index.search({ text: "", sort: "newest", limit: 200 }).hits.map((h) => h.id)).toEqual(expected);
  }, 60_000);

  it("leaves no stale postings when a document is replaced", async () => {
    const [a, b] = await riksdagenDocs(0, 2);
    const unique = { ...a!, id: "x", title: "Zebraöverlevnad i fjällen", summary: "" };
    const index = CorpusIndex.build([unique, b!]);
    expect(index.search({ text: "zebraöverlevnad" }).total).toBe(1);
    const replaced = index.withDocuments([{ ...a!, id: "x" }]);
    expect(replaced.size).toBe(2);
    expect(replaced.search({ text: "zebraöverlevnad" }).total).toBe(0);
    expect(replaced.search({ text: "zebraöverlevnad" }).facets).toEqual(
      CorpusIndex.build([{ ...a!, id: "x" }, b!]).search({ text: "zebraöverlevnad" }).facets,
    );
  });
});
