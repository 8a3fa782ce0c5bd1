import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchKoladaFacts, NotByGender, type KoladaFetchRequest } from "../../src/facts/fetch/kolada-facts.js";
import {
  fetchScbFacts,
  ScbSelectionAmbiguous,
  scbPeriodAsOf,
  type ScbFetchRequest,
} from "../../src/facts/fetch/scb-facts.js";
import { StatisticsError } from "../../src/statistics/errors.js";
import { KoladaClient } from "../../src/statistics/kolada/client.js";
import { selectPlaces } from "../../src/statistics/places.js";
import { ScbClient } from "../../src/statistics/scb/client.js";
import type { LowdbStore } from "../../src/store/lowdb-store.js";
import { tempStore } from "../facts/import-helpers.js";
import { koladaValue, kpiById, municipalityCodes, scbValue } from "../helpers/statistics-fixtures.js";
import { startStatisticsStandIn, type StandIn } from "../helpers/statistics-stand-in.js";

const fast = { minDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000, retries: 2, pace: { limit: 1000, intervalMs: 1000 } };

let s: StandIn;
let store: LowdbStore;
beforeAll(async () => {
  s = await startStatisticsStandIn({ maxPerPage: 40 });
});
afterAll(() => s.close());
beforeEach(async () => {
  ({ store } = await tempStore());
  s.faults.length = 0;
});

const kolada = () => new KoladaClient({ baseUrl: s.koladaUrl, ...fast });
const scb = () => new ScbClient({ baseUrl: s.scbUrl, ...fast });
const koladaRequest = (over: Partial<KoladaFetchRequest> = {}): KoladaFetchRequest => ({
  kpis: ["N01951"],
  places: selectPlaces({ all: true }),
  years: [2022, 2023, 2024],
  gender: "T",
  key: "population",
  fetchedOn: "2026-12-02",
  commit: true,
  ...over,
});
const factsOf = async (key: string) => (await store.facts()).filter((f) => f.key === key);

describe("fetching Kolada into facts", () => {
  it("stores every municipality, county and the country for each year, with its source", async () => {
    const before = (await factsOf("population")).length;
    const report = await fetchKoladaFacts(store, kolada(), koladaRequest());
    expect(report.committed).toBe(true);
    const [k] = report.keys;
    // 312 places × 3 years, less the two suppressed places' values.
    expect(k!.facts).toHaveLength(310 * 3);
    expect(k!.counts.skipped).toBe(2 * 3);
    const stored = await factsOf("population");
    expect(stored.length - before).toBe(k!.recorded);
    const stockholm = stored.find((f) => f.subject === "0180" && f.asOf === "2023")!;
    expect(stockholm.value).toEqual({ type: "number", value: koladaValue(kpiById("N01951")!, "0180", 2023, "T") });
    expect(stockholm.source).toMatchObject({
      title: "Kolada: Invånare totalt, antal (N01951)",
      publisher: "RKA",
      date: "2026-12-02",
    });
    expect(stockholm.source.url).toMatch(
      /\/v3\/data\/kpi\/N01951\/municipality\/[^?]*0180[^?]*\/year\/2022,2023,2024\?per_page=5000$/,
    );
    expect(stored.find((f) => f.subject === "SE" && f.asOf === "2024")).toBeDefined();
    expect(stored.find((f) => f.subject === "01" && f.asOf === "2024")).toBeDefined();
    // Suppressed values are missing, never 0.
    expect(stored.filter((f) => f.subject === "2582" && f.source.title?.startsWith("Kolada"))).toHaveLength(0);
  });

  it("leaves out a year Kolada has not published, and says so", async () => {
    const report = await fetchKoladaFacts(
      store,
      kolada(),
      koladaRequest({ years: [2024, 2025], places: selectPlaces({ kommun: ["Lidingö"] }) }),
    );
    const k = report.keys[0]!;
    expect(k.facts.map((f) => f.asOf)).toEqual(["2024"]);
    expect(k.skipped).toHaveLength(1);
    expect(k.skipped[0]!.reason).toMatch(/^värde saknas för 2025/);
  });

  it("reports a key with nothing to store when no year has values", async () => {
    const req = koladaRequest({ years: [1990], places: selectPlaces({ kommun: ["Lidingö"] }) });
    const report = await fetchKoladaFacts(store, kolada(), req);
    expect(report.keys.map((k) => [k.key, k.label, k.facts.length, k.recorded])).toEqual([
      ["population", "Folkmängd (invånare 31 december)", 0, 0],
    ]);
  });

  it("takes the women's or men's value with --gender", async () => {
    const report = await fetchKoladaFacts(
      store,
      kolada(),
      koladaRequest({ gender: "K", commit: false, places: selectPlaces({ kommun: ["0180"] }) }),
    );
    expect(report.keys[0]!.facts.map((f) => f.value)).toEqual(
      [2022, 2023, 2024].map((y) => ({ type: "number", value: koladaValue(kpiById("N01951")!, "0180", y, "K") })),
    );
  });

  it("refuses --gender for a KPI not divided by gender", async () => {
    await expect(
      fetchKoladaFacts(store, kolada(), koladaRequest({ kpis: ["U00001"], gender: "M" })),
    ).rejects.toBeInstanceOf(NotByGender);
  });

  it("plans without storing in a dry run, and stores nothing twice", async () => {
    const before = (await store.facts()).length;
    const dry = await fetchKoladaFacts(store, kolada(), koladaRequest({ commit: false }));
    expect(dry.committed).toBe(false);
    expect((await store.facts()).length).toBe(before);
    await fetchKoladaFacts(store, kolada(), koladaRequest());
    const after = (await store.facts()).length;
    const again = await fetchKoladaFacts(store, kolada(), koladaRequest());
    expect(again.keys[0]!.counts).toMatchObject({ new: 0, changed: 0, unchanged: 310 * 3 });
    expect(again.keys[0]!.recorded).toBe(0);
    expect((await store.facts()).length).toBe(after);
  });

  it("stores nothing when a later request fails (all or nothing)", async () => {
    const before = (await store.facts()).length;
    // The fifth data request answers garbage: the first four were fine.
    s.faults.push({ match: `/municipality/${municipalityCodes[4 * 25]},`, kind: "malformed" });
    await expect(fetchKoladaFacts(store, kolada(), koladaRequest())).rejects.toMatchObject({
      failure: "malformed",
    });
    expect((await store.facts()).length).toBe(before);
  });

  it("rides out a 429 and a dropped connection", async () => {
    s.faults.push({ match: "/data/", kind: "status", status: 429, retryAfter: "0" });
    s.faults.push({ match: "/data/", kind: "drop" });
    const report = await fetchKoladaFacts(store, kolada(), koladaRequest({ commit: false }));
    expect(report.keys[0]!.facts).toHaveLength(310 * 3);
  });

  it("creates the KPI's key with its Swedish title and description, and stores the values under it", async () => {
    const before = await store.facts();
    const report = await fetchKoladaFacts(store, kolada(), koladaRequest({ key: undefined }));
    const proposed = {
      key: "kolada_n01951",
      label: "Invånare totalt, antal",
      type: "number",
      scopes: ["kommun", "lan", "land"],
      format: "count",
      description: "Testbeskrivning: antal invånare den 31 december. (Kolada N01951)",
    };
    expect(report.createdKeys).toEqual([proposed]);
    expect(report.keys.map((k) => [k.key, k.label, k.created])).toEqual([["kolada_n01951", proposed.label, true]]);
    expect((await store.factKeys()).find((k) => k.key === "kolada_n01951")).toEqual(proposed);
    const stored = await factsOf("kolada_n01951");
    expect(stored).toHaveLength(310 * 3);
    expect((await store.facts()).length - before.length).toBe(310 * 3);
    expect(stored.find((f) => f.subject === "0180" && f.asOf === "2023")?.value).toEqual({
      type: "number",
      value: koladaValue(kpiById("N01951")!, "0180", 2023, "T"),
    });
  });

  it("reuses the key on a second fetch: nothing created, nothing stored twice", async () => {
    await fetchKoladaFacts(store, kolada(), koladaRequest({ key: undefined }));
    const keysAfter = await store.factKeys();
    const again = await fetchKoladaFacts(store, kolada(), koladaRequest({ key: undefined }));
    expect(again.createdKeys).toEqual([]);
    expect(again.keys[0]).toMatchObject({ key: "kolada_n01951", created: false, recorded: 0 });
    expect(again.keys[0]!.counts).toMatchObject({ new: 0, unchanged: 310 * 3 });
    expect((await store.factKeys()).filter((k) => k.key === "kolada_n01951")).toHaveLength(1);
    expect(await store.factKeys()).toHaveLength(keysAfter.length);
    // A later year under the same key.
    const later = await fetchKoladaFacts(store, kolada(), koladaRequest({ key: undefined, years: [2021] }));
    expect(later.createdKeys).toEqual([]);
    expect(later.keys[0]!.recorded).toBeGreaterThan(0);
  });

  it("creates nothing in a dry run, and says which key it would create", async () => {
    const keysBefore = await store.factKeys();
    const factsBefore = await store.facts();
    const dry = await fetchKoladaFacts(store, kolada(), koladaRequest({ key: undefined, commit: false }));
    expect(dry.committed).toBe(false);
    expect(dry.createdKeys.map((d) => [d.key, d.label, d.type, d.format])).toEqual([
      ["kolada_n01951", "Invånare totalt, antal", "number", "count"],
    ]);
    expect(dry.keys[0]).toMatchObject({ created: true, recorded: 310 * 3 });
    expect(await store.factKeys()).toEqual(keysBefore);
    expect(await store.facts()).toEqual(factsBefore);
  });

  it("stores neither the new key nor any value when a later batch is malformed", async () => {
    const keysBefore = await store.factKeys();
    const factsBefore = (await store.facts()).length;
    s.faults.push({ match: `/municipality/${municipalityCodes[4 * 25]},`, kind: "malformed" });
    await expect(fetchKoladaFacts(store, kolada(), koladaRequest({ key: undefined }))).rejects.toMatchObject({
      failure: "malformed",
    });
    expect(await store.factKeys()).toEqual(keysBefore);
    expect((await store.facts()).length).toBe(factsBefore);
    expect(await factsOf("kolada_n01951")).toEqual([]);
  });

  it("creates no key for a KPI that gave no value", async () => {
    const req = koladaRequest({ key: undefined, years: [1990], places: selectPlaces({ kommun: ["Lidingö"] }) });
    const report = await fetchKoladaFacts(store, kolada(), req);
    expect(report.createdKeys).toEqual([]);
    expect(report.keys.map((k) => [k.key, k.created, k.recorded])).toEqual([["kolada_n01951", false, 0]]);
    expect((await store.factKeys()).some((k) => k.key === "kolada_n01951")).toBe(false);
  });

  it("names an unknown --key with the keys nearest to it", async () => {
    await expect(fetchKoladaFacts(store, kolada(), koladaRequest({ key: "populatoin" }))).rejects.toMatchObject({
      details: { code: "unknown_fact_key", suggestions: expect.arrayContaining(["population"]) },
    });
  });

  it("says not_found for a KPI Kolada does not know, before asking for data", async () => {
    const asked = s.requests.length;
    await expect(fetchKoladaFacts(store, kolada(), koladaRequest({ kpis: ["N99999"] }))).rejects.toMatchObject({
      failure: "not_found",
    });
    expect(s.requests.slice(asked).some((r) => r.includes("/data/"))).toBe(false);
  });
});

const scbRequest = (over: Partial<ScbFetchRequest> = {}): ScbFetchRequest => ({
  table: "TAB9001",
  places: selectPlaces({ all: true }),
  years: ["2023", "2024"],
  valueCodes: { ContentsCode: ["TST01"] },
  codelists: {},
  regionDimension: "Region",
  timeDimension: "Tid",
  key: "population",
  fetchedOn: "2026-12-02",
  commit: true,
  ...over,
});

describe("fetching SCB into facts", () => {
  it("places each cell by the category index and keeps null as missing", async () => {
    const report = await fetchScbFacts(store, scb(), scbRequest());
    // 312 region codes in lists of at most 25: 13 data requests, and the metadata.
    expect(report.urls).toHaveLength(13);
    expect(report.requests).toBe(14);
    const k = report.keys[0]!;
    expect(k.facts).toHaveLength(312 * 2 - 2);
    expect(
      k.skipped
        .filter((x) => x.reason === "värde saknas för 2024")
        .map((x) => x.subject)
        .sort(),
    ).toEqual(["0760", "2582"]);
    const stored = await factsOf("population");
    const lund = stored.find((f) => f.subject === "1281" && f.asOf === "2023" && f.source.publisher === "SCB")!;
    expect(lund.value).toEqual({ type: "number", value: scbValue("1281", "TST01", "2023") });
    expect(lund.source.title).toBe("Testfolkmängd efter region, innehåll och år (TAB9001)");
    expect(lund.source.url).toContain("valueCodes%5BContentsCode%5D=TST01");
    expect(stored.find((f) => f.subject === "SE" && f.asOf === "2024" && f.source.publisher === "SCB")?.value).toEqual({
      type: "number",
      value: scbValue("00", "TST01", "2024"),
    });
  });

  it("creates the table's key when no --key is given", async () => {
    const report = await fetchScbFacts(store, scb(), scbRequest({ key: undefined }));
    expect(report.createdKeys.map((d) => [d.key, d.type, d.description])).toEqual([
      ["scb_tab9001_tst01", "number", "Testfolkmängd efter region, innehåll och år (SCB TAB9001, TST01)"],
    ]);
    expect(await factsOf("scb_tab9001_tst01")).toHaveLength(312 * 2 - 2);
    expect((await store.factKeys()).some((k) => k.key === "scb_tab9001_tst01")).toBe(true);
  });

  it("refuses a selection that leaves several cells per region and year", async () => {
    const before = (await store.facts()).length;
    await expect(fetchScbFacts(store, scb(), scbRequest({ valueCodes: {} }))).rejects.toBeInstanceOf(
      ScbSelectionAmbiguous,
    );
    expect((await store.facts()).length).toBe(before);
  });

  it("says not_found for an unknown table", async () => {
    await expect(fetchScbFacts(store, scb(), scbRequest({ table: "NOPE1" }))).rejects.toBeInstanceOf(StatisticsError);
    await expect(fetchScbFacts(store, scb(), scbRequest({ table: "NOPE1" }))).rejects.toMatchObject({
      failure: "not_found",
    });
  });

  it("reads SCB periods as partial dates", () => {
    expect(["2024", "2024M03", "2024K2", "2023/24"].map(scbPeriodAsOf)).toEqual([
      "2024",
      "2024-03",
      "2024-06",
      undefined,
    ]);
  });
});
