import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyze,
  citationOf,
  CorpusIndex,
  openIndex,
  parseQuery,
  type SearchResult,
} from "../../../src/corpus/search/index.js";
import { corpusDocumentSchema, type CorpusDocument } from "../../../src/domain/corpus-document.js";
import { findMunicipality } from "../../../src/data/places.js";
import { LowdbStore } from "../../../src/store/lowdb-store.js";

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
    id: "lidingo-2023",
    kommun: "Lidingö",
    parties: ["L"],
    authors: [
      { name: "Anna Andersson", party: "L", role: "gruppledare" },
      { name: "Bo Berg", party: "L" },
      { name: "Cecilia Ceder", party: "L" },
    ],
    date: "2023-02-21",
    title: "Lidingö borde bli en del av länets arbete mot prostitution",
    summary:
      "Liberalerna vill att Lidingö ansluter sig till KAST, så att sexköparen kan få behandling och den som " +
      "säljer sex får stöd.",
    topics: ["prostitution", "kast", "sexkop"],
    arguments: [
      {
        claim: "Köp av sexuell tjänst är ett brott som kommunen måste motverka.",
        stance: "for",
        type: "law-enforcement",
      },
    ],
  }),
  doc({
    id: "umea-2018",
    kommun: "Umeå",
    parties: ["S"],
    authors: [
      { name: "Birgitta Bok", party: "S" },
      { name: "Anders Al", party: "S" },
    ],
    outlet: "Folkbladet",
    date: "2018",
    title: "Umeå behöver en handlingsplan mot människohandel",
    summary: "Socialdemokraterna vill att kommunen tar fram en handlingsplan mot människohandel och prostitution.",
    topics: ["manniskohandel", "handlingsplan", "prostitution"],
  }),
  doc({
    id: "goteborg-2020",
    kind: "pressmeddelande",
    kommun: "Göteborg",
    parties: ["V"],
    authors: [{ name: "Grete Gran", party: "V" }],
    outlet: "Vänsterpartiet Göteborg",
    date: "2020-03-06",
    title: "Vänsterpartiet kräver handlingsplaner för personer som säljer sex",
    summary:
      "Partiet vill se ett köp av fler platser på skyddade boenden, en tjänst som samordnar arbetet och " +
      "bättre sexuell hälsa för unga.",
    topics: ["handlingsplan", "stod"],
  }),
  doc({
    id: "norrkoping-2023",
    kind: "interpellation",
    kommun: "Norrköping",
    parties: ["V"],
    authors: [{ name: "Nils Norr", party: "V" }],
    outlet: "Norrköpings kommunfullmäktige",
    date: "2023",
    title: "Vad händer i arbetet mot prostitution?",
    summary:
      "Interpellationen frågar hur kommunen arbetar med stöd till utsatta. Den tar upp att Mikamottagningen i " +
      "Stockholm har lång erfarenhet och att kommunen borde lära av Mikamottagningen, " +
      "och att fler behöver kunna få hjälp av Mikamottagningen eller en liknande verksamhet.",
    questions: ["Hur många har fått stöd sedan 2020?"],
    topics: ["prostitution", "mikamottagningen"],
  }),
  doc({
    id: "helsingborg-odaterad",
    kommun: "Helsingborg",
    parties: ["M", "L", "KD", "C"],
    authors: [
      { name: "Per Pil", party: "M" },
      { name: "Maria Mo", party: "L" },
      { name: "Lars Lund", party: "KD" },
    ],
    title: "Helsingborg ska samordna insatserna",
    summary: "Styret vill att staden samordnar socialtjänstens och polisens arbete mot prostitutionen i staden.",
    topics: ["samverkan", "prostitution"],
  }),
  doc({
    id: "stockholm-2021",
    kind: "motion",
    kommun: "Stockholm",
    parties: ["S"],
    authors: [{ name: "Sara Sten", party: "S" }],
    date: "2021-05-10",
    title: "Bygg ut Mikamottagningen",
    summary: "Motionen föreslår fler behandlare och längre öppettider.",
    proposals: ["att kommunfullmäktige ger socialnämnden i uppdrag att utöka verksamheten"],
    topics: ["mikamottagningen", "stod"],
    fullText:
      "Motion till kommunfullmäktige. Verksamheten möter många som vill lämna prostitutionen. " +
      "Trafficking är en del av den organiserade brottsligheten, och människohandlare rör sig mellan städerna. ".repeat(
        3,
      ),
  }),
];

const index = CorpusIndex.build(docs);
const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const facet = (r: SearchResult, name: keyof SearchResult["facets"]) =>
  Object.fromEntries(r.facets[name].map((v) => [v.value, v.count]));

describe("the Swedish pipeline", () => {
  it("stems, lower-cases, keeps å ä ö and drops stop words", () => {
    expect(analyze("Det är en handlingsplan för Kommunen")).toEqual(["handlingsplan", "kommun"]);
    expect(analyze("Sexköparna, sexköparen och sexköpare")).toEqual(["sexköp", "sexköp", "sexköp"]);
    expect(analyze("Människohandel i Västerås")).toEqual(["människohandel", "västerås"]);
  });

  it("parses phrases, free words and the prefix word", () => {
    const p = parseQuery('sexköpare "köp av sexuell tjänst" kast');
    expect(p.free.map((t) => t.stem)).toEqual(["sexköp", "kast"]);
    expect(p.phrases).toEqual([["köp", "sexuell", "tjänst"]]);
    expect(p.prefixLast).toBe(true);
    expect(parseQuery('kast "köp av sex"').prefixLast).toBe(false);
  });
});

describe("CorpusIndex.search", () => {
  it("finds inflected forms by stem: sexköpare → sexköparen, handlingsplaner → handlingsplan", () => {
    expect(ids(index.search({ text: "sexköpare" }))).toEqual(["lidingo-2023"]);
    expect(ids(index.search({ text: "handlingsplaner" })).sort()).toEqual(["goteborg-2020", "umea-2018"]);
  });

  it("ignores stop words in the query", () => {
    const withStop = index.search({ text: "vilka handlingsplaner" });
    expect(withStop.total).toBe(2);
    expect(ids(withStop)).toEqual(ids(index.search({ text: "handlingsplaner" })));
  });

  it("matches a quoted phrase only where its words stand in order", () => {
    const r = index.search({ text: '"köp av sexuell tjänst"' });
    expect(ids(r)).toEqual(["lidingo-2023"]);
    // The Göteborg release has every word, scattered:
    expect(index.search({ text: "köp sexuell tjänst" }).hits.map((h) => h.id)).toContain("goteborg-2020");
    expect(index.search({ text: '"sexuell tjänst köp"' }).total).toBe(0);
    // Phrases and free words combine:
    expect(ids(index.search({ text: '"köp av sexuell tjänst" kast' }))).toEqual(["lidingo-2023"]);
    expect(index.search({ text: '"köp av sexuell tjänst" handlingsplan' }).total).toBe(0);
    expect(ids(index.search({ text: '"organiserade brottsligheten" "människohandlare rör sig"' }))).toEqual([
      "stockholm-2021",
    ]);
  });

  it("searches the last word as a prefix", () => {
    expect(ids(index.search({ text: "handlingspl" })).sort()).toEqual(["goteborg-2020", "umea-2018"]);
    expect(ids(index.search({ text: "umeå människoh" }))).toEqual(["umea-2018"]);
  });

  it("tolerates a typo in a longer word", () => {
    const r = index.search({ text: "prostitusion" });
    expect(r.total).toBeGreaterThanOrEqual(4);
    expect(ids(r)).toEqual(expect.arrayContaining(["lidingo-2023", "umea-2018", "norrkoping-2023"]));
  });

  it("ranks a title match first", () => {
    const r = index.search({ text: "mikamottagningen" });
    expect(r.total).toBe(2);
    expect(ids(r)[0]).toBe("stockholm-2021");
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
  });

  it("narrows with more words (AND) and falls back to any word when none has all", () => {
    expect(index.search({ text: "prostitution" }).total).toBeGreaterThan(
      index.search({ text: "prostitution lidingö" }).total,
    );
    const r = index.search({ text: "lidingö umeå" });
    expect(r.relaxed).toBe(true);
    expect(ids(r).sort()).toEqual(["lidingo-2023", "umea-2018"]);
  });

  it("counts facets over all matches, not just the page", () => {
    const r = index.search({ text: "prostitution", limit: 1 });
    expect(r.hits).toHaveLength(1);
    expect(r.total).toBe(5);
    expect(facet(r, "party")).toEqual({ L: 2, S: 2, V: 1, M: 1, KD: 1, C: 1 });
    expect(facet(r, "county")).toEqual({ "01": 2, "24": 1, "05": 1, "12": 1 });
    expect(facet(r, "year")).toEqual({ "2023": 2, "2021": 1, "2018": 1 });
    expect(r.facets.year.map((v) => v.value)).toEqual(["2023", "2021", "2018"]);
    expect(r.facets.municipality.find((v) => v.value === "0186")?.label).toBe("Lidingö");
    expect(r.facets.county.find((v) => v.value === "01")?.label).toBe("Stockholms län");
    expect(r.facets.topic.find((v) => v.value === "manniskohandel")?.label).toBe("människohandel");
    expect(r.facets.kind[0]).toEqual({ value: "debattartikel", label: "debattartikel", count: 3 });

    const f = index.search({ text: "prostitution", filters: { county: ["01"] } });
    expect(f.total).toBe(2);
    expect(facet(f, "party")).toEqual({ L: 1, S: 1 });
    expect(facet(f, "municipality")).toEqual({ "0186": 1, "0180": 1 });
  });

  it("combines filters: AND across facets, OR within one", () => {
    expect(ids(index.search({ text: "", filters: { party: ["L"], county: ["01"], from: 2022, to: 2024 } }))).toEqual([
      "lidingo-2023",
    ]);
    expect(index.search({ text: "", filters: { party: ["L"], county: ["01"], from: 2024 } }).total).toBe(0);
    expect(ids(index.search({ text: "", filters: { party: ["L", "V"] } })).sort()).toEqual([
      "goteborg-2020",
      "helsingborg-odaterad",
      "lidingo-2023",
      "norrkoping-2023",
    ]);
    expect(
      ids(
        index.search({
          text: "prostitution",
          filters: { kind: ["interpellation", "motion"], topic: ["mikamottagningen"] },
        }),
      ).sort(),
    ).toEqual(["norrkoping-2023", "stockholm-2021"]);
    expect(ids(index.search({ text: "", filters: { municipality: ["1480"] } }))).toEqual(["goteborg-2020"]);
    // Undated records drop out of a year range.
    expect(index.search({ text: "", filters: { from: 1900 } }).total).toBe(5);
  });

  it("lists the filtered documents newest first for an empty query", () => {
    const r = index.search({ text: "  ", filters: { county: ["01"] } });
    expect(ids(r)).toEqual(["lidingo-2023", "stockholm-2021"]);
    expect(r.hits[0]!.snippet.marks).toEqual([]);
    expect(ids(index.search({ text: "" }))).toEqual([
      "lidingo-2023",
      "norrkoping-2023",
      "stockholm-2021",
      "goteborg-2020",
      "umea-2018",
      "helsingborg-odaterad",
    ]);
    expect(index.filter({ party: ["V"] })).toEqual(["norrkoping-2023", "goteborg-2020"]);
    expect(ids(index.search({ text: "", limit: 2, offset: 2 }))).toEqual(["stockholm-2021", "goteborg-2020"]);
  });

  it("returns a snippet with every matched word marked", () => {
    const hit = index.search({ text: "sexköpare" }).hits[0]!;
    const marked = hit.snippet.marks.map(([a, b]) => hit.snippet.text.slice(a, b));
    expect(marked).toEqual(["sexköparen"]);
    const mika = index.search({ text: "mikamottagningen", filters: { kind: ["interpellation"] } }).hits[0]!;
    expect(mika.snippet.marks.map(([a, b]) => mika.snippet.text.slice(a, b))).toEqual([
      "Mikamottagningen",
      "Mikamottagningen",
      "Mikamottagningen",
    ]);
    expect(mika.snippet.text.length).toBeLessThanOrEqual(205);
    const ph = index.search({ text: '"köp av sexuell tjänst"' }).hits[0]!;
    expect(ph.snippet.marks.map(([a, b]) => ph.snippet.text.slice(a, b))).toEqual(["Köp", "sexuell", "tjänst"]);
  });

  it("gives each hit its record's fields and a citation", () => {
    const hit = index.search({ text: "sexköpare" }).hits[0]!;
    expect(hit).toMatchObject({
      id: "lidingo-2023",
      kind: "debattartikel",
      date: "2023-02-21",
      municipality: { code: "0186", name: "Lidingö" },
      county: { code: "01", name: "Stockholms län" },
      parties: ["L"],
      topics: ["prostitution", "kast", "sexkop"],
    });
    expect(hit.authors[0]).toEqual({ name: "Anna Andersson", party: "L", role: "gruppledare" });
    expect(hit.citation).toBe(
      "Liberalerna Lidingö: Lidingö borde bli en del av länets arbete mot prostitution (debattartikel), " +
        "Lidingö, 21 februari 2023.",
    );
  });
});

describe("edge cases", () => {
  it("builds an empty index and searches it", () => {
    const empty = CorpusIndex.build([]);
    expect(empty.size).toBe(0);
    expect(empty.search({ text: "prostitution" }).total).toBe(0);
    expect(empty.search({ text: "" }).hits).toEqual([]);
    expect(CorpusIndex.deserialize(empty.serialize()).search({ text: "kast", filters: { party: ["S"] } }).total).toBe(
      0,
    );
  });

  it("returns every match's id in ranked order for export", () => {
    const q = { text: "prostitution", filters: { party: ["L", "S", "V"] } };
    expect(index.searchIds(q)).toEqual(index.search({ ...q, limit: 1000 }).hits.map((h) => h.id));
    expect(index.searchIds({ text: "" })).toEqual(index.filter({}));
  });

  it("copes with stop-word-only, unknown and odd queries", () => {
    expect(index.search({ text: "och det" }).total).toBe(0);
    expect(index.search({ text: "xyzzyqwerty" }).total).toBe(0);
    expect(index.search({ text: '""' }).total).toBe(6);
    expect(index.search({ text: '"köp av' }).total).toBeGreaterThan(0); // unclosed quote: a phrase to the end
    expect(index.search({ text: "prostitution", limit: 0 }).hits).toEqual([]);
    expect(index.search({ text: "prostitution", offset: 100 }).hits).toEqual([]);
  });
});

describe("citationOf", () => {
  const byId = (id: string) => docs.find((d) => d.id === id)!;
  it("names two authors, the outlet, place and date in Swedish", () => {
    expect(citationOf(byId("umea-2018"))).toBe(
      "Birgitta Bok och Anders Al (S): Umeå behöver en handlingsplan mot människohandel (debattartikel i " +
        "Folkbladet), Umeå, 2018.",
    );
    expect(citationOf(byId("goteborg-2020"))).toBe(
      "Grete Gran (V): Vänsterpartiet kräver handlingsplaner för personer som säljer sex (pressmeddelande " +
        "från Vänsterpartiet Göteborg), Göteborg, 6 mars 2020.",
    );
    expect(citationOf(byId("helsingborg-odaterad"))).toBe(
      "M, L, KD och C i Helsingborg: Helsingborg ska samordna insatserna (debattartikel), Helsingborg, odaterad.",
    );
  });
});

describe("serialisation", () => {
  it("gives identical results after a round trip", () => {
    const copy = CorpusIndex.deserialize(index.serialize());
    expect(copy.size).toBe(docs.length);
    for (const q of [
      { text: "prostitution" },
      { text: '"köp av sexuell tjänst"' },
      { text: "handlingspl", filters: { party: ["S", "V"] } },
      { text: "prostitusion", limit: 2, offset: 1 },
      { text: "", filters: { from: 2019 } },
    ]) {
      expect(copy.search(q)).toEqual(index.search(q));
    }
    expect(copy.filter({ county: ["01"] })).toEqual(index.filter({ county: ["01"] }));
  });

  it("refuses a damaged or foreign serialisation", () => {
    expect(() => CorpusIndex.deserialize("{}")).toThrow();
    expect(() => CorpusIndex.deserialize("not json")).toThrow();
    const s = JSON.parse(index.serialize()) as Record<string, unknown>;
    expect(() => CorpusIndex.deserialize(JSON.stringify({ ...s, version: 999 }))).toThrow();
    expect(() => CorpusIndex.deserialize(JSON.stringify({ ...s, n: 99 }))).toThrow();
    expect(() => CorpusIndex.deserialize(JSON.stringify({ ...s, vocab: ["x"] }))).toThrow();
    const arrays = s.arrays as Record<string, { b64: string }>;
    expect(() =>
      CorpusIndex.deserialize(JSON.stringify({ ...s, arrays: { ...arrays, stored: { t: "u8", n: 1, b64: "eA==" } } })),
    ).toThrow();
    expect(() => CorpusIndex.deserialize(JSON.stringify({ ...s, arrays: { ...arrays, order: undefined } }))).toThrow();
    expect(() =>
      CorpusIndex.deserialize(
        JSON.stringify({ ...s, arrays: { ...arrays, postBytes: { ...arrays.postBytes, b64: "AAAA" } } }),
      ),
    ).toThrow();
  });
});

describe("openIndex", () => {
  it("rebuilds only when the store changed, and survives a damaged index file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-search-"));
    const dbFile = join(dir, "db.json");
    const store = await LowdbStore.open(dbFile);
    await store.putDocuments(docs.slice(0, 4));

    const first = await openIndex(store);
    expect(first.rebuilt).toBe(true);
    expect(first.index.size).toBe(4);
    expect(readFileSync(join(dir, "db.index.json"), "utf8").split("\n", 1)[0]).toContain('"revision"');

    const second = await openIndex(store);
    expect(second.rebuilt).toBe(false);
    expect(second.index.search({ text: "prostitution" })).toEqual(first.index.search({ text: "prostitution" }));

    await store.putDocuments(docs.slice(4));
    const third = await openIndex(store);
    expect(third.rebuilt).toBe(true);
    expect(third.index.size).toBe(6);
    expect((await openIndex(store)).rebuilt).toBe(false);

    // A reopened store of the same file reads the same index.
    expect((await openIndex(await LowdbStore.open(dbFile))).rebuilt).toBe(false);

    writeFileSync(join(dir, "db.index.json"), "{ not an index");
    const corrupt = await openIndex(store);
    expect(corrupt.rebuilt).toBe(true);
    expect(corrupt.index.size).toBe(6);

    // A valid header over a damaged body.
    const text = readFileSync(join(dir, "db.index.json"), "utf8");
    writeFileSync(join(dir, "db.index.json"), text.slice(0, text.length / 2));
    const truncated = await openIndex(store);
    expect(truncated.rebuilt).toBe(true);
    expect(truncated.index.search({ text: "sexköpare" }).total).toBe(1);
    expect((await openIndex(store)).rebuilt).toBe(false);

    // A custom index path.
    const custom = join(dir, "elsewhere.json");
    expect((await openIndex(store, custom)).rebuilt).toBe(true);
    expect((await openIndex(store, custom)).rebuilt).toBe(false);
  });
});
