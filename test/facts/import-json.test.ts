import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importFacts } from "../../src/facts/import/import-facts.js";
import { explainError } from "../../src/messages.sv.js";
import { importFixture, registryOf, rejection, tempStore } from "./import-helpers.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("facts import: plain JSON", () => {
  it("reads an array of objects with a municipality field and a value field", async () => {
    const { store } = await tempStore();
    const r = await importFixture(store, "population.json", { key: "population" });
    expect(r.format).toBe("json");
    expect(r.columns).toEqual({ subject: "kommun", value: "antal" });
    expect(r.facts.map((f) => [f.subjectName, f.value.value, f.line])).toEqual([
      ["Lidingö", 1111, 3],
      ["Solna", 2222, 7],
    ]);
  });

  it("names the line and field of every problem, and the entry's number", async () => {
    const { store, db } = await tempStore();
    const before = readFileSync(db);
    const d = await rejection(importFixture(store, "population-broken.json", { key: "population" }));
    const text = explainError(d);
    expect(text).toMatch(
      /rad 3, post 2, fältet "kommun": "Lidngö" är varken en kommun eller ett län\. Menade du "Lidingö"/,
    );
    expect(text).toMatch(/rad 5, post 3, fältet "antal": "många" är inget tal/);
    expect(text).toMatch(/rad 6, post 4, fältet "kommun": fältet saknas/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it("names the line of a syntax error", async () => {
    const { store } = await tempStore();
    const d = await rejection(
      importFacts(store, {
        key: "population",
        fileName: "x.json",
        bytes: bytes('[\n {"kommun": "Lidingö",\n  "antal": 3,}\n]'),
        commit: true,
        sourceTitle: "T",
        publisher: "P",
        asOf: "2025",
      }),
    );
    expect(explainError(d)).toMatch(/rad 3: filen är inte giltig JSON/);
  });
});

describe("facts import: Kolada", () => {
  it(
    "takes each period as the as-of (history), Kolada as the source, the total of the genders, and skips what " +
      "it cannot use",
    async () => {
      const { store } = await tempStore();
      const r = await importFacts(store, {
        key: "population",
        fileName: "kolada-two-periods.json",
        bytes: readFileSync(new URL("../fixtures/facts-import/kolada-two-periods.json", import.meta.url)),
        commit: true,
      });
      expect(r.format).toBe("kolada");
      expect(r.kpi).toBe("N01951");
      expect(r.source).toEqual({ title: "Kolada: N01951", publisher: "RKA (Kolada)", date: null });
      expect(r.facts.map((f) => [f.subject, f.asOf, f.value.value])).toEqual([
        ["0186", "2021", 12],
        ["0186", "2023", 19],
        ["01", "2023", 31],
        ["SE", "2023", 1000],
      ]);
      expect(r.skipped).toEqual([
        expect.objectContaining({ subject: "0184", reason: "värde saknas för 2023 (status Saknas)" }),
      ]);
      const reg = await registryOf(store);
      expect(reg.history("0186", "population").map((f) => [f.asOf, f.value.value])).toEqual([
        ["2021", 12],
        ["2023", 19],
      ]);
      expect(reg.latest("0186", "population")?.source.title).toBe("Kolada: N01951");
    },
  );

  it("lets the user name the source anyway, and refuses a key whose scope the file does not fit", async () => {
    const { store } = await tempStore();
    const file = readFileSync(new URL("../fixtures/facts-import/kolada-two-periods.json", import.meta.url));
    const r = await importFacts(store, {
      key: "population",
      fileName: "k.json",
      bytes: file,
      commit: false,
      sourceTitle: "Folkmängd 31 december",
      sourceDate: "2024-03-21",
    });
    expect(r.source).toEqual({ title: "Folkmängd 31 december", publisher: "RKA (Kolada)", date: "2024-03-21" });
    // kast_clients is for municipalities only: the county and country rows are left out, not errors
    const k = await importFacts(store, { key: "kast_clients", fileName: "k.json", bytes: file, commit: false });
    expect(k.facts.map((f) => f.subject)).toEqual(["0186", "0186"]);
    expect(k.skipped).toHaveLength(3);
  });
});
