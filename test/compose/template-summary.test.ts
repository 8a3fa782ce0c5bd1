import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../src/compose/template-library.js";
import { templateSummary } from "../../src/compose/template-summary.js";
import { factDefinition } from "../../src/facts/catalog.js";

const text = [
  "---",
  "id: x",
  "kind: motion",
  "title: X",
  "description: En mall.",
  "topics: [KAST]",
  "inputs:",
  "  - name: committee",
  "    type: string",
  "    label: Ansvarig nämnd",
  "facts:",
  "  - key: social_services_committee",
  "    required: false",
  "---",
  "# X",
  "",
].join("\n");

describe("templateSummary: the one JSON shape of a template (CLI and API)", () => {
  it("gives the front matter's fields and labels each fact from the catalogue", () => {
    const s = templateSummary(parseTemplate("templates/motion/x.hbs", text));
    expect(Object.keys(s)).toEqual(["id", "kind", "title", "description", "topics", "inputs", "facts", "maxAge"]);
    expect(s).toMatchObject({ id: "x", kind: "motion", title: "X", description: "En mall.", topics: ["KAST"] });
    expect(s.inputs.map((i) => i.name)).toEqual(["committee"]);
    expect(s.facts).toEqual([
      expect.objectContaining({
        key: "social_services_committee",
        required: false,
        label: factDefinition("social_services_committee")!.label,
      }),
    ]);
  });
});
