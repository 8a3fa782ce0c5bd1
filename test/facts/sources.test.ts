import { describe, expect, it } from "vitest";
import { factSchema, sourceSchema, type Fact, type Source } from "../../src/domain/fact.js";
import { databaseSchema, schemaVersion } from "../../src/store/schema.js";
import { missingFromSource, registrySources } from "../../src/facts/sources.js";

const fact = (id: string, key: string, source: Source, extra: Partial<Fact> = {}): Fact => ({
  id,
  subject: "0186",
  key,
  value: { type: "number", value: 1 },
  asOf: "2023",
  source,
  recordedAt: "2026-01-01T00:00:00.000Z",
  ...extra,
});

const full: Source = {
  title: "Protokoll",
  publisher: "Lidingö stad",
  date: "2023-03-01",
  url: "https://lidingo.se/protokoll",
};
const untitled: Source = { publisher: "Sveriges Radio", date: null, url: "https://sverigesradio.se/artikel/1" };
const party: Source = {
  title: "Pressmeddelande",
  publisher: "Vänsterpartiet Göteborg",
  date: "2020-03-06",
  parties: ["V"],
};

describe("the source schema", () => {
  it("takes a source without a title, with parties, and reads an old source as it was", () => {
    expect(sourceSchema.parse(untitled)).toEqual(untitled);
    expect(sourceSchema.parse(party).parties).toEqual(["V"]);
    const old = { title: "Kartläggning", publisher: "Länsstyrelsen", date: null };
    expect(sourceSchema.parse(old)).toEqual(old);
  });

  it("refuses an empty title, an empty party list and a missing publisher", () => {
    expect(sourceSchema.safeParse({ ...full, title: "" }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...party, parties: [] }).success).toBe(false);
    expect(sourceSchema.safeParse({ title: "X", date: null }).success).toBe(false);
  });
});

describe("since on a fact", () => {
  const base = fact("0186.x.2019", "x", full, { asOf: "2019" });

  it("is optional and may start any time up to the as-of it runs to", () => {
    expect(factSchema.safeParse(base).success).toBe(true);
    for (const since of ["2017", "2019", "2019-06", "2019-12-31"])
      expect(factSchema.safeParse({ ...base, since }).success, since).toBe(true);
  });

  it("is refused when it starts after the as-of", () => {
    const r = factSchema.safeParse({ ...base, since: "2020" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["since"]);
    expect(factSchema.safeParse({ ...base, asOf: "2019-05", since: "2019-06" }).success).toBe(false);
  });

  it("is read back through the database schema", () => {
    const db = databaseSchema.parse({
      schemaVersion,
      facts: [{ ...base, since: "2017" }],
      documents: [],
      factKeys: [],
      shippedKeysOffered: [],
      tokens: [],
      audit: [],
      savedDrafts: [],
      filings: [],
      meetings: [],
    });
    expect(db.facts[0]?.since).toBe("2017");
  });
});

describe("registrySources", () => {
  const facts = [
    fact("a", "population", full),
    fact("b", "mika_kast_agreement", untitled),
    fact("c", "kast_clients", untitled),
    fact("d", "population", full, { asOf: "2024" }),
    fact("e", "action_plan_sells_sex", party),
    // The same fields in another key order are the same source.
    fact("f", "kast_clients", { url: untitled.url!, date: null, publisher: "Sveriges Radio" }),
  ];

  it("lists each distinct source once with the facts and keys citing it", () => {
    const list = registrySources(facts);
    expect(list).toHaveLength(3);
    const lidingo = list.find((s) => s.source.publisher === "Lidingö stad");
    expect(lidingo).toMatchObject({ factIds: ["a", "d"], keys: ["population"], missing: [] });
    const sr = list.find((s) => s.source.publisher === "Sveriges Radio");
    expect(sr).toMatchObject({
      factIds: ["b", "c", "f"],
      keys: ["kast_clients", "mika_kast_agreement"],
      missing: ["title", "date"],
    });
    expect(list.find((s) => s.source.publisher === "Vänsterpartiet Göteborg")?.missing).toEqual(["url"]);
  });

  it("sorts by publisher, then date", () => {
    expect(registrySources(facts).map((s) => s.source.publisher)).toEqual([
      "Lidingö stad",
      "Sveriges Radio",
      "Vänsterpartiet Göteborg",
    ]);
  });

  it("with incomplete, keeps only the sources lacking a title, a date or a URL", () => {
    expect(registrySources(facts, { incomplete: true }).map((s) => s.source.publisher)).toEqual([
      "Sveriges Radio",
      "Vänsterpartiet Göteborg",
    ]);
    expect(missingFromSource(full)).toEqual([]);
    expect(missingFromSource({ publisher: "X", date: null })).toEqual(["title", "date", "url"]);
  });
});
