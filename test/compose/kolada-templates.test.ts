/**
 * The templates built on Kolada keys draft honestly with no values fetched: every figure is a
 * listed placeholder naming the missing key and the command that fetches it; with values, the
 * figures come with their notes and their year.
 */
import { describe, expect, it } from "vitest";
import { composeDraft } from "../../src/compose/compose.js";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { defaultTemplatesDir } from "../../src/project-paths.js";
import { inlineText } from "../../src/domain/draft.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { testFact } from "../helpers/facts.js";

const library = TemplateLibrary.load(defaultTemplatesDir);
const date = "2026-11-24";
const cases = [
  { id: "skolresultat", inputs: { committee: "barn- och utbildningsnämnden" }, kpis: ["N15419", "N15436"] },
  { id: "vantetid-sarskilt-boende", inputs: { addressee: "äldrenämndens ordförande" }, kpis: ["U23401", "U23471"] },
];
const compose = (id: string, inputs: Record<string, unknown>, facts: FactRegistry) =>
  composeDraft(
    { template: id, municipality: "Pajala", authors: [{ name: "Eva Ek", party: "V" }], inputs, date } as never,
    { templates: library, facts, today: date },
  );

describe("templates on Kolada keys", () => {
  for (const c of cases) {
    it(`${c.id}: without fetched values, placeholders name each key and the fetch command`, () => {
      const { draft, review } = compose(c.id, c.inputs, new FactRegistry([]));
      expect(draft.citations).toHaveLength(0);
      expect(review.placeholders).toHaveLength(c.kpis.length);
      c.kpis.forEach((kpi, i) => {
        expect(review.placeholders[i]).toContain(`motionera facts fetch kolada --kpi ${kpi} --kommun Pajala`);
      });
    });

    it(`${c.id}: with values, each figure is cited with its year`, () => {
      const source = { title: "Kolada", publisher: "RKA", date: "2026-03-01" };
      const facts = new FactRegistry(
        c.kpis.map((kpi) =>
          testFact("2521", `kolada_${kpi.toLowerCase()}`, { type: "number", value: 61.5 }, "2024", source),
        ),
      );
      const { draft, review } = compose(c.id, c.inputs, facts);
      expect(review.placeholders).toHaveLength(0);
      expect(draft.citations).toHaveLength(1);
      const text = draft.blocks.map((b) => (b.type === "paragraph" ? inlineText(b.children) : "")).join("\n");
      expect(text).toContain("Enligt uppgifter från 2024");
      expect(text).toMatch(/61,5/);
    });
  }
});
