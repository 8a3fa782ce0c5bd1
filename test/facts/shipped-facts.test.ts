import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { databaseSchema, type Database } from "../../src/store/schema.js";
import { factCatalog, factDefinition, scopeOfSubject } from "../../src/facts/catalog.js";

const raw: unknown = JSON.parse(readFileSync(new URL("../../corpus/motionera.json", import.meta.url), "utf8"));

function load(): Database {
  return databaseSchema.parse(raw);
}

describe("the catalog", () => {
  it("declares each key once, in snake_case, with a format only on numbers", () => {
    const keys = factCatalog.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of factCatalog) {
      expect(d.key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(d.label.length).toBeGreaterThan(0);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.scopes.length).toBeGreaterThan(0);
      if (d.format !== undefined) expect(d.type).toBe("number");
      expect(factDefinition(d.key)).toBe(d);
    }
    expect(factDefinition("no_such_key")).toBeUndefined();
  });

  it("tells the scope of a subject code", () => {
    expect(scopeOfSubject("0186")).toBe("kommun");
    expect(scopeOfSubject("01")).toBe("lan");
    expect(scopeOfSubject("SE")).toBe("land");
    expect(scopeOfSubject("X")).toBeUndefined();
  });
});

describe("the shipped facts (corpus/motionera.json)", () => {
  it("parses with the database schema", () => {
    expect(() => load()).not.toThrow();
    expect(load().facts.length).toBeGreaterThan(0);
  });

  it("uses only catalogued keys, with the catalog's value type and an allowed subject scope", () => {
    for (const f of load().facts) {
      const def = factDefinition(f.key);
      expect(def, `${f.id}: key ${f.key} is not in the catalog`).toBeDefined();
      expect(f.value.type, `${f.id}: value type`).toBe(def?.type);
      const scope = scopeOfSubject(f.subject);
      expect(scope, `${f.id}: subject ${f.subject}`).toBeDefined();
      expect(def?.scopes, `${f.id}: scope ${scope}`).toContain(scope);
    }
  });

  it("has unique ids", () => {
    const ids = load().facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every fact a source with a title and a publisher", () => {
    for (const f of load().facts) {
      expect(f.source.title?.trim(), f.id).not.toBe("");
      expect(f.source.publisher.trim(), f.id).not.toBe("");
    }
  });

  it("keeps at most one value per subject, key and as-of", () => {
    const seen = new Set<string>();
    for (const f of load().facts) {
      const k = `${f.subject}|${f.key}|${f.asOf ?? ""}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
  });

  it("keeps Lidingö's history: not connected in Feb 2023, a trial agreement in Nov 2023 that ended with the year", () => {
    const facts = load().facts;
    const history = facts
      .filter((f) => f.subject === "0186" && f.key === "mika_kast_agreement")
      .sort((a, b) => (a.asOf ?? "").localeCompare(b.asOf ?? ""));
    expect(history.map((f) => [f.asOf, f.value])).toEqual([
      ["2023-02-21", { type: "boolean", value: false }],
      ["2023-11-13", { type: "boolean", value: true }],
    ]);
    expect(history[1]?.note).toMatch(/försöksavtal/);
    expect(history[0]?.source.title).not.toBe(history[1]?.source.title);
    const expiry = facts.find((f) => f.subject === "0186" && f.key === "mika_kast_agreement_expires");
    expect(expiry?.value.type).toBe("date");
    expect(expiry?.value.value).toMatch(/^2023/);
  });

  it("records the action plans in Västra Götaland: 49 municipalities, only Trollhättan and Åmål with a plan", () => {
    const facts = load().facts;
    const vg = facts.filter((f) => f.key === "action_plan_sells_sex" && /^14\d\d$/.test(f.subject));
    expect(vg).toHaveLength(49);
    expect(new Set(vg.map((f) => f.subject)).size).toBe(49);
    const withPlan = vg.filter((f) => f.value.value === true).map((f) => f.subject);
    expect(withPlan.sort()).toEqual(["1488", "1492"]);
    for (const f of vg) expect(f.note, f.id).toBeDefined();
    const county = facts.find((f) => f.subject === "14" && f.key === "action_plans_sells_sex_in_county");
    expect(county?.value).toEqual({ type: "number", value: 2 });
  });

  it("keeps national histories: prosecutions 2020 and 2021, the penalty before and after 2022-08-01", () => {
    const facts = load().facts;
    const prosecuted = facts.filter((f) => f.subject === "SE" && f.key === "prosecuted_sex_purchase");
    expect(Object.fromEntries(prosecuted.map((f) => [f.asOf, f.value.value]))).toEqual({ "2020": 456, "2021": 715 });
    const penalty = facts.filter((f) => f.subject === "SE" && f.key === "sex_purchase_penalty").map((f) => f.asOf);
    expect(penalty.sort()).toEqual(["2011-07-01", "2022-08-01"]);
  });

  it("never contradicts the catalog type when read back through the catalog", () => {
    for (const f of load().facts) {
      const def = factDefinition(f.key);
      if (!def) continue;
      switch (def.type) {
        case "boolean":
          expect(typeof f.value.value, f.id).toBe("boolean");
          break;
        case "number":
          expect(typeof f.value.value, f.id).toBe("number");
          break;
        case "text":
        case "date":
          expect(typeof f.value.value, f.id).toBe("string");
          break;
      }
    }
  });
});
