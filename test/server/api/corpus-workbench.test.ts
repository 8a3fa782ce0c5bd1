/**
 * The researcher's workbench in the API: several values per filter (OR within one, AND across),
 * a year range, sort by relevance or date, the export in each format with the same query and
 * filters (topics in Swedish beside their ids), the record with Riksdagen's fields and no file
 * names, and all of it in the OpenAPI document. Over the shipped records and two of our
 * Riksdagen-shaped files imported through the API.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { auth, makeApp } from "./helpers.js";

const fixtures = join(import.meta.dirname, "../../fixtures");

let app: Awaited<ReturnType<typeof makeApp>>["app"];
let motionId = "";

type Hit = { id: string; date: string | null; parties: string[]; kind: string; score: number; topics: string[] };
type Result = { total: number; hits: Hit[]; facets: Record<string, { value: string; count: number }[]> };

const search = async (qs: string): Promise<Result> => {
  const res = await app.request(`/api/corpus/search?limit=100&${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Result;
};
const ids = (r: Result) => r.hits.map((h) => h.id);

beforeAll(async () => {
  ({ app } = await makeApp());
  const fd = new FormData();
  for (const f of ["mot-enskild.json", "ip.json"])
    fd.append("files", new File([new Uint8Array(readFileSync(join(fixtures, "riksdagen", f)))], f));
  const res = await app.request("/api/corpus/import", { method: "POST", headers: auth, body: fd });
  expect(res.status, await res.clone().text()).toBe(200);
  const out = (await res.json()) as { results: { record: { id: string; kind: string } }[] };
  motionId = out.results.find((r) => r.record.kind === "motion")!.record.id;
});

describe("search filters", () => {
  it("takes several values of one filter as any of them, and combines filters with AND", async () => {
    const s = await search("party=S");
    const v = await search("party=V");
    const both = await search("party=S&party=V");
    expect(s.total).toBeGreaterThan(0);
    expect(v.total).toBeGreaterThan(0);
    expect(new Set(ids(both))).toEqual(new Set([...ids(s), ...ids(v)]));
    expect(both.hits.every((h) => h.parties.some((p) => p === "S" || p === "V"))).toBe(true);
    // AND across filters: of S or V, only the interpellations.
    const narrowed = await search("party=S&party=V&kind=interpellation");
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThan(both.total);
    expect(narrowed.hits.every((h) => h.kind === "interpellation")).toBe(true);
    expect(ids(narrowed).every((id) => ids(both).includes(id))).toBe(true);
  });

  it("keeps to a year range, inclusive, leaving undated records out", async () => {
    const all = await search("");
    const inRange = (h: Hit) =>
      h.date !== null && Number(h.date.slice(0, 4)) >= 2014 && Number(h.date.slice(0, 4)) <= 2020;
    const expected = all.hits.filter(inRange).map((h) => h.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(all.total);
    const r = await search("from=2014&to=2020");
    expect(new Set(ids(r))).toEqual(new Set(expected));
    expect((await search("from=2021")).hits.every((h) => Number(h.date?.slice(0, 4)) >= 2021)).toBe(true);
  });

  it("sorts by relevance, newest or oldest first; undated records last by date", async () => {
    const dates = (r: Result) => r.hits.map((h) => h.date);
    // As the index orders dates: "2023" before "2023-02-21" when newest first is reversed.
    const key = (d: string | null) => (d ? `${d.slice(0, 4)}${d.slice(5, 7) || "00"}${d.slice(8, 10) || "00"}` : "");
    const newest = await search("sort=newest");
    const dated = dates(newest).filter((d) => d !== null);
    expect(dates(newest)).toEqual([...dated.sort((a, b) => key(b).localeCompare(key(a))), null]);
    const oldest = await search("sort=oldest");
    expect(dates(oldest)).toEqual([...dated.sort((a, b) => key(a).localeCompare(key(b))), null]);

    const q = `q=${encodeURIComponent("prostitution")}`;
    const relevance = await search(q);
    expect(relevance.total).toBeGreaterThan(2);
    const scores = relevance.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const byDate = await search(`${q}&sort=oldest`);
    expect(new Set(ids(byDate))).toEqual(new Set(ids(relevance)));
    const years = byDate.hits.filter((h) => h.date).map((h) => key(h.date));
    expect(years).toEqual([...years].sort());
    // Paging follows the order.
    const page = await app.request(`/api/corpus/search?${q}&sort=oldest&limit=2&offset=1`);
    expect(ids((await page.json()) as Result)).toEqual(ids(byDate).slice(1, 3));
    expect((await app.request("/api/corpus/search?sort=popular")).status).toBe(400);
  });
});

describe("export with the search's query and filters", () => {
  const filters = "party=S&party=V&from=2014&to=2023&sort=oldest";

  it("CSV: the same records in order, topics in Swedish beside their ids, decisions, designation", async () => {
    const expected = ids(await search(filters));
    const res = await app.request(`/api/corpus/export?format=csv&${filters}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(res.headers.get("x-motionera-count")).toBe(String(expected.length));
    const umea = rows.find((r) => r.id === "2018-umea-debattartikel-s")!;
    const labels = umea.topic_labels!.split(" | ");
    const topicIds = umea.topics!.split(" | ");
    expect(labels).toHaveLength(topicIds.length);
    expect(topicIds[labels.indexOf("människohandel")]).toBe("manniskohandel");
    expect(topicIds[labels.indexOf("barn och unga")]).toBe("barn-och-unga");
    const motion = rows.find((r) => r.id === motionId)!;
    expect(motion).toMatchObject({ designation: "2014/15:1148", committee: "CU", external_id: "HZ01TEST1" });
    expect(motion.decisions).toBe(
      "1: utskottet Avslag, kammaren Avslag (2014/15:CU7) | 2: utskottet Avslag, kammaren Avslag (2014/15:CU7)",
    );
    // No file names: the reference to the imported file is left out.
    expect(motion.source_reference).toBe("");
    expect(motion.source_url).toBe("https://data.riksdagen.se/dokument/HZ01TEST1.html");
  });

  it("JSON and JSON Lines: the same records, topicLabels beside topics, no file names", async () => {
    const expected = ids(await search(filters));
    const j = await app.request(`/api/corpus/export?format=json&${filters}`);
    expect(j.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const docs = (await j.json()) as { id: string; topics: string[]; topicLabels: string[]; imported?: object }[];
    expect(docs.map((d) => d.id)).toEqual(expected);
    for (const d of docs) expect(d.topicLabels).toHaveLength(d.topics.length);
    const jsonText = JSON.stringify(docs);
    expect(jsonText).not.toContain("mot-enskild.json");
    expect(docs.find((d) => d.id === motionId)!.imported).toEqual({
      at: expect.any(String),
      format: expect.any(String),
    });

    const l = await app.request(`/api/corpus/export?format=jsonl&${filters}`);
    expect(l.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const text = await l.text();
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.slice(0, -1).split("\n");
    const parsed = lines.map((line) => JSON.parse(line) as { id: string; topicLabels: string[] });
    expect(parsed.map((d) => d.id)).toEqual(expected);
    expect(parsed.find((d) => d.id === "2018-umea-debattartikel-s")!.topicLabels).toContain("människohandel");
  });

  it("takes the format from Accept when the query names none", async () => {
    const as = async (accept: string) =>
      (await app.request("/api/corpus/export?party=V", { headers: { Accept: accept } })).headers.get("content-type");
    expect(await as("application/x-ndjson")).toBe("application/jsonl; charset=utf-8");
    expect(await as("application/json")).toBe("application/json; charset=utf-8");
    expect(await as("text/csv")).toBe("text/csv; charset=utf-8");
    expect(await as("application/json;q=0.5, application/jsonl")).toBe("application/jsonl; charset=utf-8");
    expect(await as("*/*")).toBe("text/csv; charset=utf-8");
    // The query's format wins.
    const res = await app.request("/api/corpus/export?format=json", { headers: { Accept: "text/csv" } });
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });
});

describe("GET /api/corpus/{id}", () => {
  it("gives Riksdagen's fields: designation, committee, decisions, signers, the original, full text", async () => {
    const res = await app.request(`/api/corpus/${motionId}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(doc).toMatchObject({
      kind: "motion",
      designation: "2014/15:1148",
      committee: "CU",
      externalId: "HZ01TEST1",
      authors: [
        { name: "Påhittad Person", party: "S" },
        { name: "Annan Påhittad", party: "L" },
      ],
      decisions: [
        { number: "1", committee: "Avslag", chamber: "Avslag", handledIn: "2014/15:CU7" },
        { number: "2", committee: "Avslag", chamber: "Avslag", handledIn: "2014/15:CU7" },
      ],
      source: { url: "https://data.riksdagen.se/dokument/HZ01TEST1.html" },
      fullText: expect.stringContaining("En cykelbana"),
      provenance: expect.objectContaining({ designation: "structure" }),
    });
    expect(text).not.toContain("mot-enskild.json");
    expect((doc.source as Record<string, unknown>).reference).toBeUndefined();
    expect(doc.imported).not.toHaveProperty("file");
  });

  it("keeps a shipped record's seed file out too", async () => {
    const doc = (await (await app.request("/api/corpus/2018-umea-debattartikel-s")).json()) as {
      source: Record<string, unknown>;
    };
    expect(doc.source.reference).toBeUndefined();
    expect(doc.source.title).toBeTruthy();
  });
});

describe("the OpenAPI document", () => {
  it("describes the filters, sort, export formats and the public record", async () => {
    const spec = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const params = (path: string) => new Map(spec.paths[path]!.get.parameters.map((p) => [p.name, p]));
    const s = params("/api/corpus/search");
    for (const name of ["q", "kind", "party", "kommun", "lan", "topic", "from", "to", "sort"])
      expect(s.has(name)).toBe(true);
    expect(s.get("sort")!.schema.enum).toEqual(["relevance", "newest", "oldest"]);
    const e = params("/api/corpus/export");
    expect(e.get("format")!.schema.enum).toEqual(["csv", "json", "jsonl"]);
    expect(e.has("sort")).toBe(true);
    const record = spec.components.schemas.PublicCorpusDocument!.properties;
    for (const field of ["designation", "committee", "decisions", "externalId", "category", "fullText"])
      expect(record).toHaveProperty(field);
    // The exported record: the public one (perhaps by reference) with topicLabels.
    expect(JSON.stringify(spec.components.schemas.ExportedCorpusDocument)).toContain('"topicLabels"');
  });
});
