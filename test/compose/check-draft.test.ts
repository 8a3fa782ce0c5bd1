import { describe, expect, it } from "vitest";
import { checkDraftRequest } from "../../src/compose/check-draft.js";
import { composeDraft } from "../../src/compose/compose.js";
import { parseTemplate, TemplateLibrary } from "../../src/compose/template-library.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import { explainError } from "../../src/messages.sv.js";
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
      "  - name: background",
      "    type: text",
      "    label: Bakgrund",
      "  - name: ask",
      "    type: string",
      "    label: Fråga",
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
    expect(c.values).toEqual({ who: "Anna", count: 3, background: null, ask: null });
  });

  it("lists each field's unknown {fakta:…} references at its path, with the nearest keys, beside others", () => {
    const { problems } = checkDraftRequest(
      {
        template: "r",
        municipality: "Lidngö",
        authors: [{ name: "A" }],
        inputs: {
          background: "Se {fakta:populaton} och {fakta: Mika_Kast_Agreement } och {fakta:kast_clients}.",
          ask: "Hur många är {fakta:kast_cleints}, {fakta:}?",
        },
      },
      deps,
    );
    expect(problems.map((p) => [p.path.join("."), p.details.code])).toEqual([
      ["municipality", "unknown_municipality"],
      ["inputs.who", "input_invalid"],
      ["inputs.background", "input_invalid"],
      ["inputs.ask", "input_invalid"],
    ]);
    const background = explainError(problems[2]!.details);
    expect(background).toContain('okänd faktanyckel "populaton"');
    expect(background).toContain('menade du "population"');
    expect(background).not.toContain("Mika_Kast_Agreement"); // upper case and spaces are forgiven
    expect(background).not.toContain("kast_clients}");
    const ask = explainError(problems[3]!.details);
    expect(ask).toContain('{fakta:kast_cleints}: okänd faktanyckel "kast_cleints"');
    expect(ask).toContain('"kast_clients"');
    expect(ask).toContain("{fakta:} anger ingen faktanyckel");
    expect(problems[3]!.details).toMatchObject({ field: "ask" });
  });

  it("lets known references pass, and composing refuses unknown ones with the other problems", () => {
    const registry = new FactRegistry([
      testFact("0186", "mika_kast_agreement", { type: "boolean", value: true }, "2023-11-13"),
    ]);
    const good = checkDraftRequest(
      {
        template: "r",
        municipality: "Lidingö",
        authors: [{ name: "A" }],
        inputs: { who: "Anna", background: "Avtal: {fakta:mika_kast_agreement}." },
      },
      { ...deps, facts: registry },
    );
    expect(good.problems).toEqual([]);
    let details: unknown;
    try {
      composeDraft(
        {
          template: "r",
          municipality: "Lidingö",
          authors: [{ name: "A" }],
          inputs: { background: "Avtal: {fakta:mika_kast_agreemnt}." },
        },
        { ...deps, facts: registry },
      );
    } catch (e) {
      details = isMotioneraError(e) ? e.details : e;
    }
    expect(details).toMatchObject({
      code: "request_invalid",
      problems: [{ path: ["inputs", "who"] }, { path: ["inputs", "background"], details: { code: "input_invalid" } }],
    });
  });
});
