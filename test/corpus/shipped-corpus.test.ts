import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { databaseSchema, type Database } from "../../src/store/schema.js";
import { municipalityByCode } from "../../src/data/places.js";

const raw: unknown = JSON.parse(readFileSync(new URL("../../corpus/motionera.json", import.meta.url), "utf8"));

function load(): Database {
  return databaseSchema.parse(raw);
}

/** The records written for the five seed texts the project started from. */
const seedRecordIds = [
  "2023-02-21-lidingo-debattartikel-l",
  "2018-umea-debattartikel-s",
  "2020-03-06-goteborg-pressmeddelande-v",
  "2023-norrkoping-interpellation-v",
  "odaterad-helsingborg-debattartikel-m-l-kd-c",
];

describe("the shipped corpus (corpus/motionera.json)", () => {
  it("parses with the database schema", () => {
    expect(() => load()).not.toThrow();
  });

  it("holds at least five documents with unique ids", () => {
    const ids = load().documents.map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has a fully filled record for each of the five seeds", () => {
    const docs = load().documents;
    for (const id of seedRecordIds) {
      const doc = docs.find((d) => d.id === id);
      expect(doc, id).toBeDefined();
      if (!doc) continue;
      expect(doc.municipality, id).not.toBeNull();
      expect(doc.county, id).not.toBeNull();
      expect(doc.parties.length, id).toBeGreaterThan(0);
      expect(doc.authors.length, id).toBeGreaterThan(0);
      for (const a of doc.authors) expect(a.party, `${id}: ${a.name}`).toBeTruthy();
      expect(doc.title.trim().length, id).toBeGreaterThan(0);
      expect(doc.summary.trim().length, id).toBeGreaterThan(0);
      expect(doc.topics.length, id).toBeGreaterThanOrEqual(3);
      expect(new Set(doc.topics).size, id).toBe(doc.topics.length);
      expect(doc.arguments.length, id).toBeGreaterThanOrEqual(4);
      expect(doc.proposals.length + doc.questions.length, id).toBeGreaterThan(0);
      expect(doc.facts.length, id).toBeGreaterThanOrEqual(1);
      expect(doc.source.reference, id).toBeTruthy();
      expect(doc.source.title, id).toBe(doc.title);
      expect(doc.source.date, id).toEqual(doc.date);
      // Shipped records hold no full text and were not imported.
      expect(doc.fullText, id).toBeUndefined();
      expect(doc.contentHash, id).toBeUndefined();
      expect(doc.imported, id).toBeUndefined();
    }
  });

  it("links only to facts that exist in the registry", () => {
    const db = load();
    const factIds = new Set(db.facts.map((f) => f.id));
    for (const doc of db.documents) {
      for (const f of doc.facts) expect(factIds.has(f), `${doc.id}: ${f}`).toBe(true);
    }
  });

  it("names real municipalities, with the county they lie in", () => {
    for (const doc of load().documents) {
      if (!doc.municipality) continue;
      const place = municipalityByCode(doc.municipality.code);
      expect(place, `${doc.id}: ${doc.municipality.code}`).toBeDefined();
      if (!place) continue;
      expect(doc.municipality.name, doc.id).toBe(place.name);
      expect(doc.county, doc.id).toEqual({ code: place.county.code, name: place.county.name });
    }
  });

  it("gives an interpellation its addressee and questions", () => {
    const interpellations = load().documents.filter((d) => d.kind === "interpellation");
    expect(interpellations.length).toBeGreaterThan(0);
    for (const doc of interpellations) {
      expect(doc.addressee, doc.id).toBeTruthy();
      expect(doc.questions.length, doc.id).toBeGreaterThan(0);
      for (const q of doc.questions) expect(q.trim(), doc.id).toMatch(/\?$/);
    }
    const norrkoping = interpellations.find((d) => d.id === "2023-norrkoping-interpellation-v");
    expect(norrkoping?.addressee).toBe("Patrik Palm och Monica Holtstad");
    expect(norrkoping?.questions).toHaveLength(2);
  });

  it("writes every proposal as an att-sats", () => {
    for (const doc of load().documents) {
      for (const p of doc.proposals) expect(p, doc.id).toMatch(/^att /);
    }
  });

  it("has 4–8 arguments per seed record, each one sentence", () => {
    const docs = load().documents.filter((d) => seedRecordIds.includes(d.id));
    for (const doc of docs) {
      expect(doc.arguments.length, doc.id).toBeLessThanOrEqual(8);
      for (const a of doc.arguments) expect(a.claim.trim(), doc.id).toMatch(/[.!?]$/);
    }
  });
});
