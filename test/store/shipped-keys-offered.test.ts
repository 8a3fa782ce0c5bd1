/**
 * Shipped keys added after a database was made reach it once (schema 4: `shippedKeysOffered`),
 * while a shipped key the user removed or edited stays as the user left it; and a fetch's keys
 * and facts are written together or not at all (Store.addFactKeysAndFacts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FactDefinition } from "../../src/domain/fact-key.js";
import { shippedFactKeys } from "../../src/facts/fact-catalog.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { offerShippedKeys, schemaVersion, type Database } from "../../src/store/schema.js";
import { shippedKeysAtVersion3 } from "../../src/store/shipped-keys-v3.js";
import type { NewFact } from "../../src/store/store.js";
import { tempWorkspace } from "../helpers/cli.js";

const read = (db: string) => JSON.parse(readFileSync(db, "utf8")) as Database;
const shipped = (key: string) => shippedFactKeys.find((k) => k.key === key)!;
const later = "kolada_n15419"; // shipped after the catalog became data (schema 3)

/** The shipped database, written back as `edit` leaves it. */
function database(edit: (data: Record<string, unknown> & Database) => void): string {
  const { db } = tempWorkspace();
  const data = read(db) as Record<string, unknown> & Database;
  edit(data);
  writeFileSync(db, `${JSON.stringify(data, null, 2)}\n`);
  return db;
}

const fact = (key: string, value: number): NewFact => ({
  subject: "0186",
  key,
  value: { type: "number", value },
  asOf: "2024",
  source: { title: "Testkälla", publisher: "Motionera test", date: null },
});

const snow: FactDefinition = {
  key: "snow_cost",
  label: "Kostnad för snöröjning",
  description: "Kronor per invånare och år.",
  type: "number",
  scopes: ["kommun"],
};

describe("shipped keys added later", () => {
  it("a version-3 file made before a key was shipped gets it on open; a write records it as offered", async () => {
    const db = database((d) => {
      d.schemaVersion = 3 as never;
      delete (d as Partial<Database>).shippedKeysOffered;
      d.factKeys = d.factKeys.filter((k) => !k.key.startsWith("kolada_"));
    });
    const store = await LowdbStore.open(db);
    const keys = await store.factKeys();
    expect(keys.find((k) => k.key === later)).toEqual(shipped(later));
    expect(keys.map((k) => k.key).sort()).toEqual(shippedFactKeys.map((k) => k.key).sort());
    await store.changeFactKeys((k) => ({ keys: [...k, snow], result: undefined }));
    await store.close();
    const after = read(db);
    expect(after.schemaVersion).toBe(schemaVersion);
    expect(after.factKeys.some((k) => k.key === later)).toBe(true);
    expect(new Set(after.shippedKeysOffered)).toEqual(new Set(shippedFactKeys.map((k) => k.key)));
  });

  it("a version-3 file keeps a removed key removed when it was shipped with version 3", async () => {
    const db = database((d) => {
      d.schemaVersion = 3 as never;
      delete (d as Partial<Database>).shippedKeysOffered;
      d.factKeys = d.factKeys.filter((k) => k.key !== "stad_for_stad_pilot");
    });
    expect(shippedKeysAtVersion3).toContain("stad_for_stad_pilot");
    const store = await LowdbStore.open(db);
    expect((await store.factKeys()).some((k) => k.key === "stad_for_stad_pilot")).toBe(false);
    await store.close();
  });

  it("a current file gets a shipped key it has never been offered", async () => {
    const db = database((d) => {
      d.factKeys = d.factKeys.filter((k) => k.key !== later);
      d.shippedKeysOffered = d.shippedKeysOffered.filter((k) => k !== later);
    });
    const store = await LowdbStore.open(db);
    expect((await store.factKeys()).at(-1)).toEqual(shipped(later));
    await store.close();
  });

  it("a shipped key the user removed does not come back", async () => {
    const { db } = tempWorkspace();
    const store = await LowdbStore.open(db);
    await store.changeFactKeys((keys) => ({ keys: keys.filter((k) => k.key !== later), result: undefined }));
    await store.close();
    const again = await LowdbStore.open(db);
    expect((await again.factKeys()).some((k) => k.key === later)).toBe(false);
    expect(read(db).shippedKeysOffered).toContain(later);
    await again.close();
  });

  it("a shipped key the user edited keeps the edit", async () => {
    const { db } = tempWorkspace();
    const store = await LowdbStore.open(db);
    await store.changeFactKeys((keys) => ({
      keys: keys.map((k) => (k.key === later ? { ...k, label: "Egen etikett" } : k)),
      result: undefined,
    }));
    await store.close();
    const again = await LowdbStore.open(db);
    const keys = await again.factKeys();
    expect(keys.filter((k) => k.key === later)).toEqual([{ ...shipped(later), label: "Egen etikett" }]);
    await again.close();
  });

  it("keeps a user's key of the same id, and holds back a derived key whose base is missing", () => {
    const base: Database = {
      schemaVersion,
      facts: [],
      documents: [],
      factKeys: [{ ...snow, key: "new_shipped", label: "Användarens" }],
      shippedKeysOffered: [],
      tokens: [],
      audit: [],
      savedDrafts: [],
      filings: [],
      meetings: [],
    };
    const derived: FactDefinition = {
      key: "counted",
      label: "Räknade",
      description: "Räknas ur en nyckel som saknas.",
      type: "number",
      scopes: ["lan"],
      derived: { from: "missing_base", count: true },
    };
    const next = offerShippedKeys(base, [{ ...snow, key: "new_shipped" }, snow, derived]);
    expect(next.factKeys.map((k) => [k.key, k.label])).toEqual([
      ["new_shipped", "Användarens"],
      ["snow_cost", snow.label],
    ]);
    expect(next.shippedKeysOffered).toEqual(["new_shipped", "snow_cost"]);
    // Nothing to offer: the same data.
    expect(offerShippedKeys(next, [snow])).toBe(next);
  });
});

describe("keys and facts in one write", () => {
  it("adds the new keys and the facts together; a key held already is left as it is", async () => {
    const { db } = tempWorkspace();
    const store = await LowdbStore.open(db);
    const before = (await store.facts()).length;
    const { keys, facts } = await store.addFactKeysAndFacts(
      [snow, { ...shipped("population"), label: "Ändrad" }],
      [fact("snow_cost", 310), fact("population", 1)],
    );
    expect(keys).toEqual([snow]);
    expect(facts.map((f) => f.key)).toEqual(["snow_cost", "population"]);
    await store.close();
    const after = read(db);
    expect(after.factKeys.find((k) => k.key === "population")?.label).toBe(shipped("population").label);
    expect(after.factKeys.at(-1)).toEqual(snow);
    expect(after.facts.length).toBe(before + 2);
  });

  it("stores neither key nor facts when a fact is refused", async () => {
    const { db } = tempWorkspace();
    const text = readFileSync(db, "utf8");
    const store = await LowdbStore.open(db);
    const bad = { ...fact("snow_cost", 1), subject: "Lidingö" };
    await expect(store.addFactKeysAndFacts([snow], [fact("snow_cost", 2), bad])).rejects.toMatchObject({
      details: { code: "fact_invalid" },
    });
    expect((await store.factKeys()).some((k) => k.key === "snow_cost")).toBe(false);
    expect((await store.facts()).some((f) => f.key === "snow_cost")).toBe(false);
    await store.close();
    expect(readFileSync(db, "utf8")).toBe(text);
  });

  it("stores neither key nor facts when a key is refused", async () => {
    const { db } = tempWorkspace();
    const store = await LowdbStore.open(db);
    const before = (await store.facts()).length;
    await expect(
      store.addFactKeysAndFacts([{ ...snow, key: "Snow Cost" }], [fact("population", 5)]),
    ).rejects.toMatchObject({ details: { code: "fact_key_invalid" } });
    expect((await store.facts()).length).toBe(before);
    await store.close();
  });
});
