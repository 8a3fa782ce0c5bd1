/**
 * Corpus search in PostgreSQL (src/corpus/search/postgres/), on the test server or else on
 * PGlite: Swedish stems, weights, websearch syntax, prefixes, typos from the vocabulary, facets
 * equal to a count by hand, å/ä/ö kept apart, headlines only for the page returned, the
 * vocabulary kept by the triggers, and the security suite's known-bad strings as queries and
 * filters never breaking the SQL.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWebQuery, PostgresSearch, searchStatement } from "../../../src/corpus/search/postgres/index.js";
import { CorpusIndex, type SearchFilters } from "../../../src/corpus/search/index.js";
import { findMunicipality } from "../../../src/data/places.js";
import { corpusDocumentSchema, type CorpusDocument } from "../../../src/domain/corpus-document.js";
import { PostgresStore } from "../../../src/store/postgres/postgres-store.js";
import { migrationsDir, runMigrations } from "../../../src/store/postgres/migrations.js";
import {
  freshDatabase,
  notePostgresSkipped,
  onDatabase,
  postgresAvailable,
  type TestDatabase,
} from "../../helpers/postgres.js";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { runCli, tempWorkspace } from "../../helpers/cli.js";
import { hostileStrings } from "../../security/hostile-strings.js";

notePostgresSkipped("test/corpus/search/postgres-search.test.ts");

type Input = Partial<Omit<CorpusDocument, "municipality" | "county">> & { id: string; title: string; kommun?: string };

function doc(x: Input): CorpusDocument {
  const { kommun, ...rest } = x;
  const place = kommun ? findMunicipality(kommun) : undefined;
  return corpusDocumentSchema.parse({
    kind: "debattartikel",
    level: "kommun",
    municipality: place ? { code: place.code, name: place.name } : null,
    county: place ? { code: place.county.code, name: place.county.name } : null,
    parties: [],
    authors: [],
    date: null,
    summary: "",
    topics: [],
    arguments: [],
    proposals: [],
    questions: [],
    facts: [],
    source: { title: x.title, publisher: "Testkällan", date: x.date ?? null },
    ...rest,
  });
}

const docs: CorpusDocument[] = [
  doc({
    id: "lidingo-titel",
    kommun: "Lidingö",
    kind: "motion",
    parties: ["L"],
    date: "2023-02-21",
    title: "Lidingö borde arbeta mot prostitution",
    summary: "Liberalerna vill att kommunen ansluter sig till KAST.",
    topics: ["prostitution", "kast"],
    proposals: ["att kommunen tar fram en handlingsplan"],
  }),
  doc({
    id: "solna-text",
    kommun: "Solna",
    kind: "debattartikel",
    parties: ["S", "V"],
    date: "2021-05",
    title: "Solna behöver en ny socialtjänst",
    summary: "Socialdemokraterna vill stärka socialtjänsten.",
    topics: ["stod"],
    fullText: "Långt ner i texten nämns prostitutionen i kommunen och behovet av stöd.",
  }),
  doc({
    id: "malmo-handel",
    kommun: "Malmö",
    kind: "interpellation",
    parties: ["M"],
    date: "2019",
    title: "Människohandel för sexuella ändamål",
    summary: "En interpellation om köp av sexuell tjänst och människohandel i hamnen.",
    topics: ["manniskohandel", "sexkop"],
    questions: ["Vad gör kommunen mot köp av sexuell tjänst?"],
  }),
  doc({
    id: "far-och-son",
    kommun: "Solna",
    kind: "nyhet",
    parties: ["KD"],
    date: "2020-01-01",
    title: "Far och son startar förening",
    summary: "En far berättar om föreningen.",
  }),
  doc({
    id: "far-inte",
    kommun: "Malmö",
    kind: "nyhet",
    parties: ["S"],
    date: "2022",
    title: "Kommunen får inte sälja marken",
    summary: "Beslutet får stor betydelse för hamnen.",
  }),
  doc({
    id: "cafe",
    kind: "annat",
    title: "Café för unga i Solna",
    summary: "Ett CAFÉ öppnar, med stöd mot koppleri och exploatering.",
    parties: ["s"],
  }),
];

describe.skipIf(!postgresAvailable())("corpus search in PostgreSQL", () => {
  let db: TestDatabase;
  let store: PostgresStore;
  let search: PostgresSearch;
  const ids = async (text: string, filters?: SearchFilters) =>
    (await search.search({ text, ...(filters ? { filters } : {}), limit: 50 })).hits.map((h) => h.id);

  beforeAll(async () => {
    db = await freshDatabase("search");
    await onDatabase(db.url, (c) => runMigrations(c));
    store = await PostgresStore.open(db.url);
    await store.putDocuments(docs);
    search = new PostgresSearch(store.pool);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  }, 60_000);

  it("uses the swedish configuration: an inflected form finds the base form, stop words are not indexed", async () => {
    expect(await ids("prostitutionen")).toEqual(expect.arrayContaining(["lidingo-titel", "solna-text"]));
    expect(await ids("socialtjänsten")).toContain("solna-text");
    await onDatabase(db.url, async (c) => {
      const { rows } = await c.query<{ v: string }>(
        "SELECT search_vector::text AS v FROM documents WHERE id = 'lidingo-titel'",
      );
      expect(rows[0]!.v).toContain("'prostitution':");
      expect(rows[0]!.v).not.toMatch(/'mot':/); // a Swedish stop word
    });
  });

  it("ranks a title hit above a hit deep in the full text", async () => {
    const r = await search.search({ text: "prostitution" });
    expect(r.hits.map((h) => h.id).slice(0, 2)).toEqual(["lidingo-titel", "solna-text"]);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
  });

  it("takes websearch syntax: a phrase, OR, minus", async () => {
    expect(await ids('"köp av sexuell tjänst"')).toEqual(["malmo-handel"]);
    expect(await ids('"sexuell köp"')).toEqual([]);
    expect((await ids("hamnen OR koppleri")).sort()).toEqual(["cafe", "far-inte", "malmo-handel"]);
    expect(await ids("hamnen -människohandel")).toEqual(["far-inte"]);
    expect(await ids('kommunen -"köp av sexuell tjänst"')).not.toContain("malmo-handel");
  });

  it("finds prefixes, with a star and as the last word typed", async () => {
    expect((await ids("prostitu*")).sort()).toEqual(["lidingo-titel", "solna-text"]);
    expect((await ids("prostitu")).sort()).toEqual(["lidingo-titel", "solna-text"]);
    expect(await ids("människoh")).toEqual(["malmo-handel"]);
  });

  it("finds a word with a typo through the vocabulary's trigrams", async () => {
    expect((await ids("prostitusion")).sort()).toEqual(["lidingo-titel", "solna-text"]);
    expect(await ids("kopleri")).toEqual(["cafe"]);
  });

  it("relaxes a query none has all the words of to any of them", async () => {
    const r = await search.search({ text: "koppleri hamnen" });
    expect(r.relaxed).toBe(true);
    expect(r.hits.map((h) => h.id).sort()).toEqual(["cafe", "far-inte", "malmo-handel"]);
  });

  it("keeps å, ä, ö apart from a, o (får is not far) and folds other accents (café = cafe)", async () => {
    expect((await ids("far")).sort()).toEqual(["far-och-son"]);
    expect(await ids("får")).toEqual(["far-inte"]);
    expect(await ids("cafe")).toEqual(["cafe"]);
    expect(await ids("CAFÉ")).toEqual(["cafe"]);
    await onDatabase(db.url, async (c) => {
      const { rows } = await c.query<{ f: string }>("SELECT motionera_fold($1) AS f", ["Får Ölet ÅÄÖ Éclair Øre"]);
      expect(rows[0]!.f).toBe("får ölet åäö eclair öre");
    });
  });

  it("counts facets over every match, equal to a count by hand, and filters as the embedded index does", async () => {
    const r = await search.search({ text: "kommunen", limit: 1 });
    const matching = docs.filter((d) => ["lidingo-titel", "solna-text", "malmo-handel", "far-inte"].includes(d.id));
    expect(r.total).toBe(matching.length);
    expect(r.hits).toHaveLength(1);
    const count = (values: string[]) => {
      const m = new Map<string, number>();
      for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
      return Object.fromEntries(m);
    };
    const asRecord = (xs: { value: string; count: number }[]) => Object.fromEntries(xs.map((x) => [x.value, x.count]));
    expect(asRecord(r.facets.kind)).toEqual(count(matching.map((d) => d.kind)));
    expect(asRecord(r.facets.party)).toEqual(count(matching.flatMap((d) => d.parties)));
    expect(asRecord(r.facets.topic)).toEqual(count(matching.flatMap((d) => d.topics)));
    expect(asRecord(r.facets.municipality)).toEqual(count(matching.map((d) => d.municipality!.code)));
    expect(asRecord(r.facets.county)).toEqual(count(matching.map((d) => d.county!.code)));
    expect(asRecord(r.facets.year)).toEqual(count(matching.map((d) => d.date!.slice(0, 4))));
    expect(r.facets.year.map((y) => y.value)).toEqual(["2023", "2022", "2021", "2019"]);
    expect(r.facets.municipality.find((m) => m.value === "0186")?.label).toBe("Lidingö");

    // The same facets as the embedded index over the same documents.
    const index = CorpusIndex.build(docs);
    for (const [text, filters] of [
      ["kommunen", undefined],
      ["", { party: ["s"] }],
      ["", { county: ["1"], from: 2021 }],
      ["sexuell", { kind: ["interpellation", "motion"] }],
      ["", { topic: ["sexkop"], to: 2020 }],
    ] as [string, SearchFilters | undefined][]) {
      const q = { text, ...(filters ? { filters } : {}), limit: 50 };
      const pg = await search.search(q);
      const mem = index.search(q);
      expect(pg.total, `${text} ${JSON.stringify(filters)}`).toBe(mem.total);
      expect(pg.facets).toEqual(mem.facets);
      if (!text) expect(pg.hits.map((h) => h.id)).toEqual(mem.hits.map((h) => h.id)); // newest first
    }
  });

  it("gives hits the embedded index's shape, with a ts_headline snippet marking the words", async () => {
    const [pgHit] = (await search.search({ text: "handlingsplan", limit: 1 })).hits;
    const [memHit] = CorpusIndex.build(docs).search({ text: "handlingsplan", limit: 1 }).hits;
    expect(pgHit).toBeDefined();
    const { score: _a, snippet, ...rest } = pgHit!;
    const { score: _b, snippet: _c, ...memRest } = memHit!;
    expect(rest).toEqual(memRest);
    expect(snippet.marks.length).toBeGreaterThan(0);
    expect(snippet.marks.map(([a, b]) => snippet.text.slice(a, b))).toContain("handlingsplan");
  });

  it("makes headlines only for the page returned", async () => {
    const q = { text: "kommunen", limit: 2, offset: 1 };
    const r = await search.search(q);
    expect(r.total).toBe(4);
    expect(r.hits).toHaveLength(2);
    for (const h of r.hits) expect(h.snippet.text.length).toBeGreaterThan(0);
    // The plan, run: the node that computes ts_headline sees the page's rows, not the matches.
    const { sql, params } = searchStatement(q);
    const plan = await onDatabase(db.url, async (c) => {
      const { rows } = await c.query<{ "QUERY PLAN": unknown }>(
        `EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) ${sql}`,
        params,
      );
      return rows[0]!["QUERY PLAN"];
    });
    const headlined: number[] = [];
    const walk = (node: unknown) => {
      if (!node || typeof node !== "object") return;
      const n = node as { Output?: string[]; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: unknown[] };
      if (n.Output?.some((o) => o.includes("ts_headline")))
        headlined.push((n["Actual Rows"] ?? 0) * (n["Actual Loops"] ?? 1));
      for (const child of n.Plans ?? []) walk(child);
      for (const v of Object.values(n)) if (Array.isArray(v) && v !== n.Plans) v.forEach(walk);
      if ("Plan" in n) walk((n as { Plan: unknown }).Plan);
    };
    (plan as unknown[]).forEach(walk);
    expect(headlined.length).toBeGreaterThan(0);
    for (const rows of headlined) expect(rows).toBeLessThanOrEqual(2);
  });

  it("keeps the vocabulary exact through inserts, updates and deletes", async () => {
    const vocabulary = () =>
      onDatabase(db.url, async (c) => {
        const { rows } = await c.query<{ word: string; documents: number }>(
          "SELECT word, documents FROM search_words ORDER BY word",
        );
        const expected = await c.query<{ word: string; documents: number }>(
          `SELECT w.lexeme AS word, count(*)::integer AS documents FROM documents d, unnest(d.search_vector) w
           GROUP BY w.lexeme ORDER BY w.lexeme`,
        );
        return { rows, expected: expected.rows };
      });
    await store.putDocuments([{ ...docs[3]!, title: "Mor och dotter startar förening" }]);
    let v = await vocabulary();
    expect(v.rows).toEqual(v.expected);
    expect(v.rows.some((r) => r.word === "mor")).toBe(true);
    expect(v.rows.some((r) => r.word === "son")).toBe(false);
    await onDatabase(db.url, (c) => c.query("DELETE FROM documents WHERE id = 'cafe'"));
    v = await vocabulary();
    expect(v.rows).toEqual(v.expected);
    expect(v.rows.some((r) => r.word === "koppleri")).toBe(false);
  });

  it("never breaks its SQL on the security suite's known-bad strings, as queries and as filters", async () => {
    const values = [...Object.values(hostileStrings), "'; DROP TABLE documents; --", "a:* & !b", "\\", "' | '"];
    for (const s of values) {
      const r = await search.search({
        text: s,
        filters: { party: [s], kind: [s], topic: [s], municipality: [s], county: [s] },
      });
      expect(r.total, JSON.stringify(s)).toBe(0);
      const free = await search.search({ text: `${s} kommunen` });
      expect(free.total, JSON.stringify(s)).toBeGreaterThanOrEqual(0);
    }
    expect((await store.documents()).length).toBeGreaterThan(0);
  });

  it("corpus search --motor postgres searches in the database; index, the default, from its documents", () => {
    const env = { MOTIONERA_DATABASE_URL: db.url };
    const pgRun = runCli(["corpus", "search", "prostitusion", "--motor", "postgres", "--json"], { env });
    expect(pgRun.code, pgRun.stderr).toBe(0);
    const viaPg = JSON.parse(pgRun.stdout) as { total: number; hits: { id: string }[] };
    expect(viaPg.hits.map((h) => h.id).sort()).toEqual(["lidingo-titel", "solna-text"]);
    const memRun = runCli(["corpus", "search", "prostitusion", "--json", "--database-url", db.url]);
    expect(memRun.code, memRun.stderr).toBe(0);
    expect((JSON.parse(memRun.stdout) as { total: number }).total).toBe(viaPg.total);

    const { db: file } = tempWorkspace();
    const refused = runCli(["corpus", "search", "kast", "--motor", "postgres", "--db", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--motor postgres söker i en PostgreSQL-databas");
    const wrong = runCli(["corpus", "search", "kast", "--motor", "elastic", "--db", file]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--motor ska vara index eller postgres");
  }, 120_000);

  it("the service searches an index built from the store's documents, rebuilt on another writer's change", async () => {
    const ws = await Workspace.open({ databaseUrl: db.url });
    try {
      const app = createApp(ws);
      const find = async (q: string) =>
        (
          (await (await app.request(`/api/corpus/search?q=${encodeURIComponent(q)}`)).json()) as {
            hits: { id: string }[];
          }
        ).hits.map((h) => h.id);
      expect(await find("handlingsplan")).toEqual(["lidingo-titel"]);
      expect(await find("kameraövervakning")).toEqual([]);
      // Another process (another store on the database) adds a document: the next search finds it.
      await store.putDocuments([
        doc({ id: "ny-kamera", kommun: "Lidingö", title: "Kameraövervakning vid stationen", date: "2024-03-01" }),
      ]);
      expect(await find("kameraövervakning")).toEqual(["ny-kamera"]);
      expect(await ids("kameraövervakning")).toEqual(["ny-kamera"]); // and PostgreSQL's own search agrees
    } finally {
      await ws.store.close();
    }
  });

  it("a write of facts alone keeps the store's documents (the same array): the service keeps its index", async () => {
    const before = await store.documents();
    const revision = await store.revision();
    await store.addFact({
      subject: "0186",
      key: "population",
      value: { type: "number", value: 48_000 },
      asOf: "2024",
      source: { title: "Folkmängd efter region", publisher: "SCB", date: "2025-02" },
    });
    expect(await store.revision()).not.toBe(revision);
    expect(await store.documents()).toBe(before);
    await store.putDocuments([doc({ id: "ny-efter-fakta", title: "Ännu en motion" })]);
    const after = await store.documents();
    expect(after).not.toBe(before);
    expect(after.map((d) => d.id)).toContain("ny-efter-fakta");
  });
});

describe.skipIf(!postgresAvailable())("the search migration on a database that holds documents already", () => {
  it("computes the vectors and the vocabulary of the documents there, and search finds them", async () => {
    const db = await freshDatabase("search_late");
    try {
      // The store's schema alone (a database moved up before search came), with documents in it.
      const first = mkdtempSync(join(tmpdir(), "motionera-migrations-"));
      copyFileSync(join(migrationsDir, "1764690000000_store.sql"), join(first, "1764690000000_store.sql"));
      await onDatabase(db.url, (c) => runMigrations(c, first));
      await onDatabase(db.url, (c) =>
        c.query("INSERT INTO documents (id, document) SELECT e->>'id', e FROM jsonb_array_elements($1::jsonb) e", [
          JSON.stringify(docs),
        ]),
      );
      const ran = await onDatabase(db.url, (c) => runMigrations(c));
      expect(ran).toContain("1764800000000_search");
      expect(ran).not.toContain("1764690000000_store");
      const store = await PostgresStore.open(db.url);
      try {
        const found = await new PostgresSearch(store.pool).search({ text: "prostitusion" });
        expect(found.hits.map((h) => h.id).sort()).toEqual(["lidingo-titel", "solna-text"]);
        const words = await onDatabase(db.url, (c) =>
          c.query<{ n: number }>("SELECT documents AS n FROM search_words WHERE word = 'prostitution'"),
        );
        expect(words.rows[0]!.n).toBe(2);
      } finally {
        await store.close();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);
});

describe("a query in websearch syntax, parsed", () => {
  it("splits OR groups, phrases, exclusions and prefixes; the last word typed is a prefix too", () => {
    const q = parseWebQuery('sexköp "köp av tjänst" -barn OR prostitu* hamn');
    expect(q.groups).toEqual([
      [
        { type: "word", words: ["sexköp"], negated: false },
        { type: "phrase", words: ["köp", "av", "tjänst"], negated: false },
        { type: "word", words: ["barn"], negated: true },
      ],
      [
        { type: "prefix", words: ["prostitu"], negated: false },
        { type: "word", words: ["hamn"], negated: false },
      ],
    ]);
    expect(q.prefixLast).toBe(true);
    expect(parseWebQuery('kast -"sexuell tjänst"').groups[0]![1]).toMatchObject({ type: "phrase", negated: true });
    expect(parseWebQuery("kast ").prefixLast).toBe(true);
    expect(parseWebQuery("kast för").prefixLast).toBe(false); // a stop word last: not a prefix
    expect(parseWebQuery("för")).toMatchObject({ prefixLast: true, stopPrefix: true }); // only stop words
    expect(parseWebQuery("  OR -  ").hasWords).toBe(false);
  });
});
