import { describe, expect, it } from "vitest";
import { checkDraftRequest } from "../../src/compose/check-draft.js";
import { composeDraft } from "../../src/compose/compose.js";
import { parseTemplate, TemplateLibrary } from "../../src/compose/template-library.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { testFact } from "../helpers/facts.js";

const lib = new TemplateLibrary([
  parseTemplate(
    "templates/motion/r.hbs",
    [
      "---",
      "id: r",
      "kind: motion",
      "title: R",
      "description: R.",
      "inputs:",
      "  - name: who",
      "    type: string",
      "    label: Vem",
      "    required: true",
      "  - name: count",
      "    type: number",
      "    label: Antal",
      "facts:",
      "  - key: mika_kast_agreement",
      "    required: true",
      "---",
      "{{input.who}}",
      "",
    ].join("\n"),
  ),
]);
const deps = { templates: lib, facts: new FactRegistry([]), today: "2026-11-24" };

describe("checkDraftRequest: every problem at once, each at its path", () => {
  it(
    "returns the unknown municipality (with Menade du), a bad date, a bad and a missing input, and no " +
      "signer together",
    () => {
      const { problems, request } = checkDraftRequest(
        { template: "r", municipality: "Lidngö", authors: [], date: "2026-13-40", inputs: { count: "många" } },
        deps,
      );
      expect(request).toBeUndefined();
      const byPath = new Map(problems.map((p) => [p.path.join("."), p.details]));
      expect([...byPath.keys()].sort()).toEqual(["authors", "date", "inputs.count", "inputs.who", "municipality"]);
      expect(byPath.get("municipality")).toMatchObject({
        code: "unknown_municipality",
        query: "Lidngö",
        suggestions: expect.arrayContaining(["Lidingö"]),
      });
      expect(byPath.get("inputs.who")).toMatchObject({ code: "input_invalid", problem: "måste fyllas i" });
      expect(byPath.get("inputs.count")).toMatchObject({ code: "input_invalid", field: "count" });
      expect(byPath.get("date")).toMatchObject({ code: "input_invalid", field: "date" });
    },
  );

  it("names an unknown template with its suggestions beside the other problems", () => {
    const { problems } = checkDraftRequest({ template: "rr", municipality: "Nowhere", authors: [{ name: "A" }] }, deps);
    expect(problems.map((p) => [p.path.join("."), p.details.code])).toEqual([
      ["template", "unknown_template"],
      ["municipality", "unknown_municipality"],
    ]);
  });

  it("lists each required fact the registry lacks under facts.<key>, with the input problems", () => {
    const { problems } = checkDraftRequest({ template: "r", municipality: "Lidingö", authors: [{ name: "A" }] }, deps);
    expect(problems.map((p) => [p.path.join("."), p.details.code])).toEqual([
      ["inputs.who", "input_invalid"],
      ["facts.mika_kast_agreement", "fact_missing"],
    ]);
  });

  it("composing throws them all as one request_invalid; a single problem stays itself", () => {
    const details = (request: Parameters<typeof composeDraft>[0]) => {
      try {
        composeDraft(request, deps);
      } catch (e) {
        return isMotioneraError(e) ? e.details : undefined;
      }
      return undefined;
    };
    const several = details({ template: "r", municipality: "Lidngö", authors: [{ name: "A" }] });
    expect(several?.code).toBe("request_invalid");
    expect(several?.code === "request_invalid" && several.problems.map((p) => p.path.join("."))).toEqual([
      "municipality",
      "inputs.who",
    ]);
    expect(details({ template: "nope", municipality: "Lidingö", authors: [{ name: "A" }] })).toMatchObject({
      code: "unknown_template",
    });
  });

  it("finds nothing wrong in a good request and returns what it read", () => {
    const registry = new FactRegistry([
      testFact("0186", "mika_kast_agreement", { type: "boolean", value: true }, "2023-11-13"),
    ]);
    const c = checkDraftRequest(
      { template: "r", municipality: "Lidingö", authors: [{ name: "A" }], inputs: { who: "Anna", count: "3" } },
      { ...deps, facts: registry },
    );
    expect(c.problems).toEqual([]);
    expect(c.place?.code).toBe("0186");
    expect(c.values).toEqual({ who: "Anna", count: 3 });
  });
});
