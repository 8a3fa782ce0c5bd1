/** Fact keys as data: the schema, the store migration, add/edit/remove rules, derived keys, template checks. */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMotioneraError, type ErrorDetails } from "../../src/domain/errors.js";
import { factDefinitionSchema, type FactDefinition } from "../../src/domain/fact-key.js";
import type { Fact } from "../../src/domain/fact.js";
import { parseTemplate } from "../../src/compose/template-library.js";
import { FactCatalog, shippedFactKeys } from "../../src/facts/fact-catalog.js";
import { addFactKey, editFactKey, removeFactKey } from "../../src/facts/fact-key-changes.js";
import { computeDerivedFact } from "../../src/facts/derived.js";
import { useFactCatalog } from "../../src/facts/catalog.js";
import { explainError } from "../../src/messages.sv.js";
import { LowdbStore } from "../../src/store/lowdb-store.js";
import { schemaVersion } from "../../src/store/schema.js";
import { Workspace } from "../../src/workspace.js";
import { municipalitiesInCounty } from "../../src/data/places.js";
import { tempWorkspace, templatesFolder } from "../helpers/cli.js";
import { snowCostKey as snow } from "../helpers/facts.js";

function refusal(fn: () => unknown): ErrorDetails {
  try {
    fn();
  } catch (e) {
    if (isMotioneraError(e)) return e.details;
    throw e;
  }
  throw new Error("not refused");
}

async function refusalAsync(p: Promise<unknown>): Promise<ErrorDetails> {
  try {
    await p;
  } catch (e) {
    if (isMotioneraError(e)) return e.details;
    throw e;
  }
  throw new Error("not refused");
}

const fact = (subject: string, key: string, value: Fact["value"], asOf = "2024"): Fact => ({
  id: `${subject}.${key}.${asOf}`,
  subject,
  key,
  value,
  asOf,
  source: { title: "T", publisher: "P", date: "2024" },
  recordedAt: "2025-01-01T00:00:00.000Z",
});

describe("the key schema", () => {
  it("round-trips every shipped key through JSON unchanged", () => {
    for (const def of shippedFactKeys) {
      expect(factDefinitionSchema.parse(JSON.parse(JSON.stringify(def)))).toEqual(def);
    }
    expect(shippedFactKeys.length).toBeGreaterThan(50);
  });

  it("the shipped database holds the shipped keys", () => {
    const db = JSON.parse(readFileSync(new URL("../../corpus/motionera.json", import.meta.url), "utf8"));
    expect(db.schemaVersion).toBe(schemaVersion);
    expect(db.factKeys).toEqual(JSON.parse(JSON.stringify(shippedFactKeys)));
    expect([...db.shippedKeysOffered].sort()).toEqual(shippedFactKeys.map((k) => k.key).sort());
  });

  it("refuses a format on a non-number, a unit without count, a derived key for municipalities", () => {
    expect(factDefinitionSchema.safeParse({ ...snow, type: "text", format: "count" }).success).toBe(false);
    expect(factDefinitionSchema.safeParse({ ...snow, unit: { one: "krona", many: "kronor" } }).success).toBe(false);
    expect(factDefinitionSchema.safeParse({ ...snow, derived: { from: "x", count: true } }).success).toBe(false);
    expect(factDefinitionSchema.safeParse({ ...snow, key: "Snow cost" }).success).toBe(false);
  });
});

describe("the store migration", () => {
  it("adds the shipped keys to a version-2 file and keeps its facts; user keys in the file are kept", async () => {
    const ws = tempWorkspace();
    const data = JSON.parse(readFileSync(ws.db, "utf8"));
    const own = { ...snow, key: "mika_kast_agreement", label: "Eget" };
    writeFileSync(
      ws.db,
      JSON.stringify({ schemaVersion: 2, facts: data.facts, documents: data.documents, factKeys: [own] }),
    );
    const store = await LowdbStore.open(ws.db);
    const keys = await store.factKeys();
    expect((await store.facts()).length).toBe(data.facts.length);
    expect(keys.find((k) => k.key === "mika_kast_agreement")?.label).toBe("Eget");
    expect(keys.find((k) => k.key === "population")).toEqual(shippedFactKeys.find((k) => k.key === "population"));
    expect(keys.length).toBe(shippedFactKeys.length);
    await store.close();
  });

  it("a version-2 file without keys gets all shipped keys, and a write stores them", async () => {
    const ws = tempWorkspace();
    const data = JSON.parse(readFileSync(ws.db, "utf8"));
    writeFileSync(ws.db, JSON.stringify({ schemaVersion: 2, facts: data.facts, documents: [] }));
    const w = await Workspace.open({ db: ws.db });
    await w.addFactKey(snow);
    const after = JSON.parse(readFileSync(ws.db, "utf8"));
    expect(after.schemaVersion).toBe(schemaVersion);
    expect(after.facts.length).toBe(data.facts.length);
    expect(after.factKeys.map((k: FactDefinition) => k.key)).toEqual([
      ...shippedFactKeys.map((k) => k.key),
      "snow_cost",
    ]);
    await w.store.close();
  });
});

describe("add, edit, remove", () => {
  const keys = shippedFactKeys;

  it("adds a key, refuses one that exists, names a bad type with a suggestion", () => {
    expect(addFactKey(keys, snow).keys.at(-1)?.key).toBe("snow_cost");
    expect(refusal(() => addFactKey(keys, { ...snow, key: "population" }))).toMatchObject({ code: "fact_key_exists" });
    const bad = refusal(() => addFactKey(keys, { ...snow, type: "numbr" }));
    expect(bad).toMatchObject({ code: "fact_key_invalid", field: "type", suggestions: ["number"] });
    expect(explainError(bad)).toContain('Menade du "number"?');
  });

  it("refuses a derived key counting an unknown key, with suggestions", () => {
    const d = refusal(() =>
      addFactKey(keys, { ...snow, key: "n", scopes: ["lan"], derived: { from: "runs_kats", count: true } }),
    );
    expect(d).toMatchObject({ code: "fact_key_invalid", field: "derived.from" });
    expect((d as { suggestions: string[] }).suggestions).toContain("runs_kast");
  });

  it("refuses a type the recorded values break, naming subject, as-of and value", () => {
    const { keys: withSnow } = addFactKey(keys, snow);
    const facts = [
      fact("2521", "snow_cost", { type: "number", value: 1234 }),
      fact("0186", "population", { type: "number", value: 5 }),
    ];
    const d = refusal(() => editFactKey(withSnow, facts, "snow_cost", { type: "boolean" }));
    expect(d).toMatchObject({
      code: "fact_key_type_conflict",
      key: "snow_cost",
      total: 1,
      values: [{ subject: "2521", asOf: "2024" }],
    });
    expect(explainError(d)).toMatch(/2521 2024: 1\s234/);
    // other fields change freely; the key keeps its facts
    expect(editFactKey(withSnow, facts, "snow_cost", { label: "Snöröjning" }).result.label).toBe("Snöröjning");
    // no values: the type may change (and a number format goes with the number type)
    const counted = addFactKey(keys, { ...snow, key: "snow_days", format: "count" }).keys;
    expect(editFactKey(counted, facts, "snow_days", { type: "text" }).result).not.toHaveProperty("format");
  });

  it("refuses to remove a key in use, naming facts, templates and derived keys", () => {
    const facts = [fact("0186", "mika_kast_agreement", { type: "boolean", value: true })];
    const d = refusal(() => removeFactKey(keys, facts, "mika_kast_agreement", ["kast-avtal"]));
    expect(d).toMatchObject({
      code: "fact_key_in_use",
      facts: 1,
      templates: ["kast-avtal"],
      derivedKeys: ["mika_kast_agreements_counted"],
    });
    expect(explainError(d)).toMatch(/1 uppgift.*"kast-avtal".*"mika_kast_agreements_counted"/);
    const { keys: withSnow } = addFactKey(keys, snow);
    expect(removeFactKey(withSnow, facts, "snow_cost", []).keys.some((k) => k.key === "snow_cost")).toBe(false);
    expect(refusal(() => removeFactKey(keys, [], "snow_cots", []))).toMatchObject({ code: "unknown_fact_key" });
  });

  it("through the workspace: the templates that name a key keep it", async () => {
    const ws = tempWorkspace();
    const w = await Workspace.open({ db: ws.db });
    const d = await refusalAsync(w.removeFactKey("social_services_committee"));
    expect(d).toMatchObject({ code: "fact_key_in_use" });
    expect((d as { templates: string[] }).templates.length).toBeGreaterThan(0);
    await w.store.close();
  });
});

describe("a derived key as data", () => {
  const county = "01";
  const members = municipalitiesInCounty(county).slice(0, 4);
  const stored = [
    fact(members[0]!.code, "mika_kast_agreement", { type: "boolean", value: true }),
    fact(members[1]!.code, "mika_kast_agreement", { type: "boolean", value: false }),
    fact(members[2]!.code, "mika_kast_agreement", { type: "boolean", value: true }),
    fact(members[0]!.code, "population", { type: "number", value: 60000 }),
    fact(members[1]!.code, "population", { type: "number", value: 20000 }),
  ];
  const latest = (s: string, k: string) => stored.find((f) => f.subject === s && f.key === k);

  it("counts true values by default, as the shipped key always did", () => {
    const def = shippedFactKeys.find((k) => k.key === "mika_kast_agreements_counted")!;
    expect(def.derived).toEqual({ from: "mika_kast_agreement", count: true });
    const f = computeDerivedFact(def as never, county, latest);
    expect(f?.value).toEqual({ type: "number", value: 2 });
    expect(f?.source.title).toMatch(/för 3 av \d+ kommuner/);
  });

  it("counts by a condition written as data", () => {
    const def = addFactKey(shippedFactKeys, {
      ...snow,
      key: "big_municipalities",
      scopes: ["lan"],
      derived: { from: "population", count: true, where: { op: ">", value: { type: "number", value: 50000 } } },
    }).result;
    expect(computeDerivedFact(def as never, county, latest)?.value).toEqual({ type: "number", value: 1 });
  });
});

describe("unknown keys in a template", () => {
  const head = "---\nid: x\nkind: motion\ntitle: X\ndescription: X.\n";
  const problem = (text: string) => refusal(() => parseTemplate("templates/motion/x.hbs", text));

  it("in front matter facts: file, line, column and did you mean", () => {
    const d = problem(`${head}facts:\n  - key: mika_kast_agrement\n---\n# T\n`);
    expect(d).toMatchObject({ code: "template_invalid", file: "templates/motion/x.hbs", line: 7, column: 10 });
    expect((d as { problem: string }).problem).toMatch(
      /facts: okänd faktanyckel "mika_kast_agrement"; menade du "mika_kast_agreement"/,
    );
  });

  it("in requiredUnless.facts", () => {
    const input = "inputs:\n  - name: a\n    type: text\n    label: A\n    requiredUnless:\n      facts: [runs_kats]\n";
    const d = problem(`${head}${input}---\n# T\n`);
    expect(d).toMatchObject({ line: 11 });
    expect((d as { problem: string }).problem).toMatch(
      /requiredUnless\.facts: okänd faktanyckel "runs_kats"; menade du "runs_kast"/,
    );
  });

  it("against the catalog in use: a key the store adds is known", () => {
    const text = `${head}facts:\n  - key: snow_cost\n---\n# T\n\n{{cite "snow_cost"}}\n`;
    expect(problem(text)).toMatchObject({ line: 7 });
    const before = useFactCatalog(new FactCatalog(addFactKey(shippedFactKeys, snow).keys));
    try {
      expect(parseTemplate("templates/motion/x.hbs", text).frontMatter.facts[0]?.key).toBe("snow_cost");
    } finally {
      useFactCatalog(before);
    }
  });

  it("a template folder citing an unknown key fails to load with its line", async () => {
    const dir = templatesFolder({
      "motion/y.hbs": `${head.replace("id: x", "id: y")}facts:\n  - key: populaton\n---\n# T\n`,
    });
    const ws = tempWorkspace();
    const w = await Workspace.open({ db: ws.db, templatesDir: dir });
    const lib = await w.templates();
    const e = refusal(() => lib.get("y"));
    expect(e).toMatchObject({ code: "template_invalid", line: 7 });
    expect(explainError(e)).toMatch(/menade du "population"/);
    await w.store.close();
  });
});
