/** "Visa urvalet" in the core: why each municipality is in or out, and the selected ones' stale facts. */
import { describe, expect, it } from "vitest";
import { parseCondition } from "../../src/campaign/conditions.js";
import { selectionReport } from "../../src/campaign/selection-report.js";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { findMunicipality } from "../../src/data/places.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { defaultTemplatesDir } from "../../src/project-paths.js";
import { testFact } from "../helpers/facts.js";

const template = TemplateLibrary.load(defaultTemplatesDir).get("kast-avtal");
const no = { type: "boolean", value: false } as const;
const yes = { type: "boolean", value: true } as const;
// Lidingö: "nej" from 2025; Nacka: "nej" from 2018 (older than the template's five years); Solna: "ja".
const registry = new FactRegistry([
  testFact("0186", "mika_kast_agreement", no, "2025"),
  testFact("0182", "mika_kast_agreement", no, "2018"),
  testFact("0184", "mika_kast_agreement", yes, "2025-03"),
]);
const places = ["Lidingö", "Nacka", "Solna", "Vaxholm"].map((q) => findMunicipality(q));

describe("selectionReport", () => {
  it("gives each municipality the value and date it was judged on, or that there is none", () => {
    const rows = selectionReport(
      places,
      [parseCondition("Avtal med Mikamottagningen och KAST i Stockholm = nej")],
      registry,
      {
        template,
        date: "2026-11-24",
      },
    );
    const by = Object.fromEntries(rows.map((r) => [r.place.name, r]));
    expect(by.Lidingö).toMatchObject({ selected: true, missingKeys: [], stale: [] });
    expect(by.Lidingö!.outcomes[0]).toMatchObject({ holds: true, value: no, asOf: "2025", subjectName: "Lidingö" });
    expect(by.Nacka).toMatchObject({
      selected: true,
      stale: [{ key: "mika_kast_agreement", asOf: "2018", oldest: "2021-11-24" }],
    });
    expect(by.Solna).toMatchObject({ selected: false, missingKeys: [], stale: [] });
    expect(by.Solna!.outcomes[0]).toMatchObject({ holds: false, value: yes, asOf: "2025-03" });
    expect(by.Vaxholm).toMatchObject({ selected: false, missingKeys: ["mika_kast_agreement"] });
    expect(by.Vaxholm!.outcomes[0]!.value).toBeUndefined();
  });

  it("'!=' takes in a municipality without the fact, and says it had none", () => {
    const rows = selectionReport(places, [parseCondition("mika_kast_agreement!=ja")], registry, { date: "2026-11-24" });
    const vaxholm = rows.find((r) => r.place.name === "Vaxholm")!;
    expect(vaxholm.selected).toBe(true);
    expect(vaxholm.outcomes[0]).toMatchObject({ holds: true });
    expect(vaxholm.outcomes[0]!.value).toBeUndefined();
  });
});
