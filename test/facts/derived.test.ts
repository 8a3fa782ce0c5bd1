import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/domain/fact.js";
import { recordFact } from "../../src/facts/record-fact.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { factRowsForPlace } from "../../src/facts/place-facts.js";
import { findMunicipality } from "../../src/data/places.js";
import { explainError } from "../../src/messages.sv.js";
import { importFacts } from "../../src/facts/import/import-facts.js";
import { rejection, registryOf, tempStore, testSource } from "./import-helpers.js";

const key = "mika_kast_agreements_counted";
const fact = (subject: string, value: boolean, title: string, asOf = "2025"): Fact => ({
  id: `${subject}.a.${asOf}`,
  subject,
  key: "mika_kast_agreement",
  value: { type: "boolean", value },
  asOf,
  source: { title, publisher: "Testutgivare", date: null },
  recordedAt: "2026-01-01T00:00:00.000Z",
});

describe("derived facts", () => {
  it("counts the county's municipalities whose latest value is true, with the underlying sources named", () => {
    const reg = new FactRegistry([
      fact("0114", true, "Tabell A"),
      fact("0115", false, "Tabell A"),
      fact("0117", false, "Tabell B", "2024"),
      fact("0117", true, "Tabell B", "2025"),
      fact("1480", true, "Tabell C"), // Göteborg: another county
    ]);
    const f = reg.latest("01", key)!;
    expect(f.value).toEqual({ type: "number", value: 2 });
    expect(f.source.publisher).toBe("Motionera");
    expect(f.source.title).toMatch(/3 av 26 kommuner i Stockholms län/);
    expect(f.note).toMatch(/uppgift saknas för 23 kommuner/);
    expect(f.note).toMatch(/underlagen: ”Tabell A” \(Testutgivare\), ”Tabell B” \(Testutgivare\)/);
    expect(f.source.date).toBe("2026-01-01");
    expect(f.note).not.toMatch(/Tabell C/);
    // no municipality in the county has a value: nothing is computed (a count over nothing would be made up)
    expect(reg.latest("14", key)?.value).toEqual({ type: "number", value: 1 });
    expect(reg.latest("03", key)).toBeUndefined();
    // a municipality cannot have a county count
    expect(reg.latest("0114", key)).toBeUndefined();
  });

  it("changes when a municipality fact is added, and is shown among the county's facts", async () => {
    const { store } = await tempStore();
    const before = (await registryOf(store)).latest("01", key)!;
    const rowsBefore = factRowsForPlace(await registryOf(store), findMunicipality("Lidingö"), "2026-11-24");
    expect(rowsBefore.find((r) => r.key === key)).toMatchObject({
      scope: "lan",
      value: String(before.value.value),
      latest: true,
    });
    await importFacts(store, {
      key: "mika_kast_agreement",
      fileName: "a.csv",
      bytes: new TextEncoder().encode("Kommun;Avtal\nSolna;ja\n"),
      commit: true,
      ...testSource,
      asOf: "2026",
    });
    const after = (await registryOf(store)).latest("01", key)!;
    expect(after.value.value).toBe((before.value.value as number) + 1);
  });

  it("cannot be added or imported by hand", async () => {
    const { store } = await tempStore();
    const added = await rejection(
      recordFact(store, {
        subject: "AB",
        key,
        value: "16",
        asOf: "2025",
        source: { title: "T", publisher: "P", date: null },
      }),
    );
    expect(explainError(added)).toMatch(
      /mika_kast_agreements_counted beräknas ur registret .* lägg till eller importera mika_kast_agreement i stället/,
    );
    const imported = await rejection(
      importFacts(store, {
        key,
        fileName: "a.csv",
        bytes: new TextEncoder().encode("Län;Antal\nAB;16\n"),
        commit: true,
        ...testSource,
      }),
    );
    expect(imported.code).toBe("fact_invalid");
  });
});
