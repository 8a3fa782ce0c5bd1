/**
 * The workbench's core: date order in the embedded index and in PostgreSQL (the same order for
 * the same records), facet counts that leave each facet's own filter out, the public view of
 * a record (no file names) and the export's topic labels.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportRecord } from "../../src/corpus/export.js";
import { searchWithOpenFacets } from "../../src/corpus/facet-search.js";
import { namesAFile, publicRecord } from "../../src/corpus/public-record.js";
import { CorpusIndex } from "../../src/corpus/search/index.js";
import { PostgresSearch } from "../../src/corpus/search/postgres/index.js";
import { corpusDocumentSchema, type CorpusDocument } from "../../src/domain/corpus-document.js";
import { runMigrations } from "../../src/store/postgres/migrations.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../helpers/postgres.js";

notePostgresSkipped("test/corpus/workbench.test.ts");

function doc(id: string, date: string | null, parties: string[], extra: Partial<CorpusDocument> = {}): CorpusDocument {
  return corpusDocumentSchema.parse({
    id,
    kind: "motion",
    level: "riksdag",
    municipality: null,
    county: null,
    parties,
    authors: [],
    date,
    title: `Motion om cykelbanor ${id}`,
    summary: "Fler cykelbanor i småorter.",
    topics: ["samverkan"],
    arguments: [],
    proposals: [],
    questions: [],
    facts: [],
    source: { title: `Motion ${id}`, publisher: "Sveriges riksdag", date },
    ...extra,
  });
}

const docs = [
  doc("a-2019", "2019-05-02", ["S"]),
  doc("b-undated", null, ["V"]),
  doc("c-2021", "2021", ["V"]),
  doc("d-2021-03", "2021-03-15", ["S", "V"]),
  doc("e-2001", "2001-01-01", ["M"], { title: "Cykelbanor cykelbanor cykelbanor" }),
  doc("f-undated", null, ["S"]),
];
const newestFirst = ["d-2021-03", "c-2021", "a-2019", "e-2001", "b-undated", "f-undated"];
const oldestFirst = ["e-2001", "a-2019", "c-2021", "d-2021-03", "b-undated", "f-undated"];

describe("date order in the embedded index", () => {
  const index = CorpusIndex.build(docs);
  const ids = (sort: "relevance" | "newest" | "oldest", text = "", offset = 0, limit = 20) =>
    index.search({ text, sort, offset, limit }).hits.map((h) => h.id);

  it("without text: newest or oldest first, undated last either way", () => {
    expect(ids("newest")).toEqual(newestFirst);
    expect(ids("relevance")).toEqual(newestFirst);
    expect(ids("oldest")).toEqual(oldestFirst);
    expect(index.searchIds({ text: "", sort: "oldest" })).toEqual(oldestFirst);
  });

  it("with text: the same matches as by relevance, in date order, pages included", () => {
    const byScore = ids("relevance", "cykelbanor");
    expect(byScore[0]).toBe("e-2001");
    expect(new Set(ids("newest", "cykelbanor"))).toEqual(new Set(byScore));
    expect(ids("newest", "cykelbanor")).toEqual(newestFirst);
    expect(ids("oldest", "cykelbanor", 2, 3)).toEqual(oldestFirst.slice(2, 5));
    expect(index.searchIds({ text: "cykelbanor", sort: "newest" })).toEqual(newestFirst);
    // Hits by date keep their scores and marked snippets.
    const hit = index.search({ text: "cykelbanor", sort: "oldest", limit: 1 }).hits[0]!;
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.snippet.marks.length).toBeGreaterThan(0);
  });

  it("with filters: only what they let through, in order", () => {
    const r = index.search({ text: "", sort: "oldest", filters: { party: ["V", "S"], from: 2019 } });
    expect(r.hits.map((h) => h.id)).toEqual(["a-2019", "c-2021", "d-2021-03"]);
  });
});

describe("facet counts that leave out their own filter", () => {
  const index = CorpusIndex.build(docs);
  const count = (r: ReturnType<typeof index.search>, facet: "party" | "year", value: string) =>
    r.facets[facet].find((v) => v.value === value)?.count ?? 0;

  it("keeps the other parties countable when one is ticked, and the hits are the search's own", () => {
    const plain = index.search({ text: "", filters: { party: ["S"] } });
    expect(count(plain, "party", "M")).toBe(0);
    const open = searchWithOpenFacets(index, { text: "", filters: { party: ["S"] } });
    expect(open.hits.map((h) => h.id)).toEqual(plain.hits.map((h) => h.id));
    expect(open.total).toBe(3);
    expect(count(open, "party", "M")).toBe(1);
    expect(count(open, "party", "V")).toBe(3);
  });

  it("counts a facet under the other filters still, and years without the year range", () => {
    const open = searchWithOpenFacets(index, { text: "", filters: { party: ["V"], from: 2020, to: 2021 } });
    expect(open.hits.map((h) => h.id).sort()).toEqual(["c-2021", "d-2021-03"]);
    // Parties under the year range: 2020–2021 has V and S documents, no M.
    expect(count(open, "party", "M")).toBe(0);
    expect(count(open, "party", "S")).toBe(1);
    // Years under the party filter only: V's 2021 documents, not the year-less or M's 2001.
    expect(open.facets.year.map((v) => [v.value, v.count])).toEqual([["2021", 2]]);
  });
});

describe("a record as the web shows it", () => {
  const imported = doc("g", "2020-01-01", ["S"], {
    source: { title: "Motion g", publisher: "Sveriges riksdag", date: "2020-01-01", reference: "bulk.zip/a.json" },
    imported: { file: "bulk.zip/a.json", at: "2026-11-20T12:00:00.000Z", format: "riksdagen-dokumentstatus" },
  });

  it("leaves out the file it was imported from, and a reference naming a file", () => {
    const p = publicRecord(imported);
    expect(JSON.stringify(p)).not.toContain("a.json");
    expect(p.imported).toEqual({ at: "2026-11-20T12:00:00.000Z", format: "riksdagen-dokumentstatus" });
    expect(p.source).toEqual({ title: "Motion g", publisher: "Sveriges riksdag", date: "2020-01-01" });
  });

  it("cuts the tagger's evidence where it names the file", () => {
    const tagged = doc("j", "2023-05-01", [], {
      source: { title: "J", publisher: "P", date: "2023-05-01", reference: "2023-05-01 motion.docx" },
      imported: { file: "2023-05-01 motion.docx", at: "2026-11-20T12:00:00.000Z", format: "docx" },
      tagging: {
        date: { confidence: 0.4, evidence: "datum i filnamnet ”2023-05-01 motion.docx”" },
        kind: { confidence: 0.9, evidence: "rubriken ”Motion om cykelbanor”" },
      },
    });
    const p = publicRecord(tagged);
    expect(JSON.stringify(p)).not.toContain("motion.docx");
    expect(p.tagging).toEqual({
      date: { confidence: 0.4, evidence: "datum i filnamnet" },
      kind: { confidence: 0.9, evidence: "rubriken ”Motion om cykelbanor”" },
    });
  });

  it("keeps a reference to an archive", () => {
    for (const r of ["Kommunarkivet, dnr KS 2023/45", "Diarienummer 2023.12", "Stadsarkivet"])
      expect(namesAFile(r), r).toBe(false);
    for (const r of ["motion.docx", "lista.json#2", "seed 000_d52b300dadbf1825.txt", "fil.PDF"])
      expect(namesAFile(r), r).toBe(true);
    const kept = doc("h", null, [], {
      source: { title: "H", publisher: "P", date: null, reference: "Kommunarkivet, dnr KS 2023/45" },
    });
    expect(publicRecord(kept).source.reference).toBe("Kommunarkivet, dnr KS 2023/45");
  });

  it("exports the topics' Swedish names beside their ids", () => {
    const r = exportRecord(doc("i", null, [], { topics: ["manniskohandel", "barn-och-unga"] }));
    expect(r.topics).toEqual(["manniskohandel", "barn-och-unga"]);
    expect(r.topicLabels).toEqual(["människohandel", "barn och unga"]);
    expect(Object.keys(r).indexOf("topicLabels")).toBe(Object.keys(r).indexOf("topics") + 1);
  });
});

describe.skipIf(!postgresAvailable())("date order in PostgreSQL", () => {
  let db: TestDatabase;
  let store: PostgresStore;
  let search: PostgresSearch;

  beforeAll(async () => {
    db = await freshDatabase("workbench");
    await onDatabase(db.url, (c) => runMigrations(c));
    store = await PostgresStore.open(db.url);
    await store.putDocuments(docs);
    search = new PostgresSearch(store.pool);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  }, 60_000);

  it("gives the embedded index's order: newest, oldest, undated last; by relevance unchanged", async () => {
    const ids = async (sort: "relevance" | "newest" | "oldest", text = "", offset = 0) =>
      (await search.search({ text, sort, offset, limit: 20 })).hits.map((h) => h.id);
    expect(await ids("newest")).toEqual(newestFirst);
    expect(await ids("oldest")).toEqual(oldestFirst);
    expect(await ids("oldest", "cykelbanor")).toEqual(oldestFirst);
    expect(await ids("newest", "cykelbanor", 3)).toEqual(newestFirst.slice(3));
    expect((await ids("relevance", "cykelbanor"))[0]).toBe("e-2001");
  });
});
