/**
 * A county's or the country's value never stands for a municipality's, unless the key says a
 * county's value covers its municipalities (a county-wide service): a statistic such as the
 * population of the county is not the municipality's, and a draft must not say it is.
 */
import { describe, expect, it } from "vitest";
import { composeDraft } from "../../src/compose/compose.js";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { findMunicipality } from "../../src/data/places.js";
import { activeFactCatalog, FactCatalog, useFactCatalog } from "../../src/facts/catalog.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { defaultTemplatesDir } from "../../src/project-paths.js";
import { testFact } from "../helpers/facts.js";

const boden = findMunicipality("Boden");
const source = { title: "Testkälla", publisher: "Testutgivare", date: "2026-03-01" };
const registry = new FactRegistry([
  // Norrbottens län (25) and the country have values; Boden has none of its own.
  testFact("25", "kolada_n15419", { type: "number", value: 70.1 }, "2025", source),
  testFact("SE", "kolada_n15419", { type: "number", value: 73.2 }, "2025", source),
  testFact("25", "runs_kast", { type: "boolean", value: true }, "2025-01-01", source),
]);

describe("broader values", () => {
  it("a statistic: the municipality's own value or nothing, never the county's or the country's", () => {
    expect(registry.resolve(boden, "kolada_n15419")).toBeUndefined();
  });

  it("a key whose county value covers its municipalities: the county's, named as the county's", () => {
    expect(registry.resolve(boden, "runs_kast")).toMatchObject({ subjectName: "Norrbottens län" });
  });

  it("answers by the catalog in use now, also after it asked the same question under another", () => {
    const shipped = activeFactCatalog();
    const narrower = new FactCatalog(
      shipped.list().map((d) => (d.key === "runs_kast" ? { ...d, coversMunicipalities: false } : d)),
    );
    expect(registry.resolve(boden, "runs_kast")).toMatchObject({ subjectName: "Norrbottens län" });
    useFactCatalog(narrower);
    try {
      expect(registry.resolve(boden, "runs_kast")).toBeUndefined();
    } finally {
      useFactCatalog(shipped);
    }
    expect(registry.resolve(boden, "runs_kast")).toMatchObject({ subjectName: "Norrbottens län" });
  });

  it("a {fakta:…} reference where the municipality has no value of its own: a placeholder, no county figure", () => {
    const { draft, review } = composeDraft(
      {
        template: "allman-motion",
        municipality: "Boden",
        authors: [{ name: "Eva Ek", party: "V" }],
        inputs: {
          title: "Skolresultaten",
          background: "Andelen var {fakta:kolada_n15419}.",
          proposals: "ge nämnden i uppdrag att redovisa resultaten",
        },
        date: "2026-11-24",
      } as never,
      { templates: TemplateLibrary.load(defaultTemplatesDir), facts: registry, today: "2026-11-24" },
    );
    expect(JSON.stringify(draft.blocks)).not.toMatch(/70,1|73,2/);
    expect(draft.citations).toHaveLength(0);
    expect(review.placeholders[0]).toContain("--kpi N15419 --kommun Boden");
  });
});
