import { describe, expect, it } from "vitest";
import { composeDraft } from "../../src/compose/compose.js";
import { parseTemplate, TemplateLibrary } from "../../src/compose/template-library.js";
import { inlineText } from "../../src/domain/draft.js";
import type { Fact } from "../../src/domain/fact.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { citationNote } from "../../src/render/citation-text.js";
import { factCitations } from "../fixtures/fact-citations.js";

const kolada = { title: "Kolada: N01951", publisher: "RKA (Kolada)", date: null };
const other = { title: "Egen räkning", publisher: "Testutgivare", date: "2025-01-10" };
const fact = (asOf: string, value: number, source: Fact["source"]): Fact => ({
  id: `0186.population.${asOf}`,
  subject: "0186",
  key: "population",
  value: { type: "number", value },
  asOf,
  source,
  recordedAt: "2026-01-01T00:00:00.000Z",
});

function compose(facts: Fact[], body: string) {
  const template = parseTemplate(
    "templates/motion/h.hbs",
    [
      "---",
      "id: h",
      "kind: motion",
      "title: T",
      "description: Test.",
      "facts:",
      "  - key: population",
      "---",
      body,
    ].join("\n"),
  );
  return composeDraft(
    { template: "h", municipality: "Lidingö", authors: [{ name: "A" }], date: "2026-11-24" },
    { templates: new TemplateLibrary([template]), facts: new FactRegistry(facts), today: "2026-11-24" },
  ).draft;
}

const paragraph = (d: ReturnType<typeof compose>) => {
  const b = d.blocks.find((x) => x.type === "paragraph");
  return b && b.type === "paragraph" ? b.children : [];
};

describe('{{cite "key" history=true}}', () => {
  it("gives every value with its year and one note for a source that gave several", () => {
    const d = compose(
      [fact("2021", 12, kolada), fact("2023", 19, kolada)],
      'Invånare: {{cite "population" history=true}}.',
    );
    expect(inlineText(paragraph(d))).toBe("Invånare: 2021: 12, 2023: 19.");
    expect(paragraph(d).filter((n) => n.type === "citation")).toHaveLength(1);
    expect(d.citations).toHaveLength(1);
    expect(citationNote(d.citations[0]!).text).toBe(
      "RKA (Kolada), ”Kolada: N01951”, odaterad. Uppgiften gäller 2021–2023.",
    );
  });

  it("gives one note per source, after the sentence the values stand in", () => {
    const d = compose(
      [fact("2021", 12, kolada), fact("2023", 19, other)],
      '{{cite "population" "invånare" history=true}}',
    );
    const nodes = paragraph(d);
    expect(nodes.map((n) => (n.type === "citation" ? `[${n.n}]` : n.type === "text" ? n.value : "")).join("")).toBe(
      "2021: 12, 2023: 19 invånare[1][2]",
    );
    expect(d.citations.map((c) => c.source.title)).toEqual(["Kolada: N01951", "Egen räkning"]);
  });

  it("without history cites the latest value only", () => {
    const d = compose([fact("2021", 12, kolada), fact("2023", 19, kolada)], '{{cite "population"}}');
    expect(inlineText(paragraph(d))).toBe("19 invånare");
    expect(factCitations(d.citations)[0]!.asOf).toBe("2023");
  });
});
