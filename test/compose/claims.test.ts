/**
 * The helpers that keep a draft honest, on templates of our own: claims need their backing and
 * must cite it, inputs a claim needs are asked for, old facts read in the past with their year,
 * the registry's committee or a listed default, and facts about another municipality.
 */
import { describe, expect, it } from "vitest";
import { composeDraft } from "../../src/compose/compose.js";
import { parseTemplate, TemplateLibrary } from "../../src/compose/template-library.js";
import { inlineText, type Block } from "../../src/domain/draft.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import type { Fact } from "../../src/domain/fact.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { testFact } from "../helpers/facts.js";

const fact = (subject: string, key: string, value: Fact["value"], asOf: string) =>
  testFact(subject, key, value, asOf, { title: "Källan", publisher: "Utgivaren", date: asOf });

const registry = new FactRegistry([
  fact("0186", "sex_trade_detected", { type: "boolean", value: true }, "2022"),
  fact("2480", "sex_trade_detected", { type: "boolean", value: true }, "2026-10"),
  fact("2480", "social_services_committee", { type: "text", value: "individ- och familjenämnden" }, "2025"),
  fact("0180", "runs_kast", { type: "boolean", value: true }, "2023-02-21"),
]);

function compose(
  body: string,
  opts: { municipality?: string; inputs?: Record<string, unknown>; front?: string[]; date?: string } = {},
) {
  const t = parseTemplate(
    "templates/motion/t.hbs",
    [
      "---",
      "id: t",
      "kind: motion",
      "title: Test",
      "description: Testmall.",
      ...(opts.front ?? []),
      "facts:",
      "  - key: sex_trade_detected",
      "    required: false",
      "  - key: social_services_committee",
      "    required: false",
      "  - key: runs_kast",
      "    required: false",
      "---",
      body,
    ].join("\n"),
  );
  return composeDraft(
    {
      template: "t",
      municipality: opts.municipality ?? "Lidingö",
      authors: [{ name: "Eva Ek", party: "S" }],
      date: opts.date ?? "2026-12-02",
      inputs: (opts.inputs ?? {}) as Record<string, string>,
    },
    { templates: new TemplateLibrary([t]), facts: registry, today: "2026-12-02" },
  );
}

const text = (blocks: readonly Block[]) =>
  blocks
    .map((b) =>
      b.type === "paragraph" ? inlineText(b.children) : b.type === "list" ? b.items.map(inlineText).join(" | ") : "",
    )
    .join("\n");

describe("claims", () => {
  const claim =
    '{{#claim "sex_trade_detected"}}{{#current "sex_trade_detected"}}Sexhandel förekommer ' +
    '{{inPlace}}.{{else}}{{when "sex_trade_detected" capital=true}} påträffades sexhandel ' +
    '{{inPlace}}.{{/current}}{{source "sex_trade_detected"}}{{else}}Jag har inte hittat någon uppgift om ' +
    "sexhandel {{inPlace}}.{{/claim}}";

  it("states a fact older than a year in the past, with its year; a recent one in the present", () => {
    expect(text(compose(claim).draft.blocks)).toBe("År 2022 påträffades sexhandel på Lidingö.");
    expect(text(compose(claim, { municipality: "Umeå" }).draft.blocks)).toBe("Sexhandel förekommer i Umeå.");
  });

  it("without its fact, writes the honest sentence instead", () => {
    const c = compose(claim, { municipality: "Pajala" });
    expect(text(c.draft.blocks)).toBe("Jag har inte hittat någon uppgift om sexhandel i Pajala.");
    expect(c.claims).toEqual([]);
  });

  it("records what backs each claim", () => {
    expect(compose(claim).claims).toEqual([{ facts: ["sex_trade_detected"], inputs: [] }]);
  });

  it("refuses a claim whose sentence does not cite the fact that backs it", () => {
    const err = (() => {
      try {
        compose('{{#claim "sex_trade_detected"}}Sexhandel förekommer.{{/claim}}');
      } catch (e) {
        return e;
      }
    })();
    expect(isMotioneraError(err) && err.details.code === "template_invalid" && err.details.problem).toMatch(
      /does not cite the fact that backs it/,
    );
  });

  it("a claim backed by an input shows only with the input", () => {
    const body = '{{#claim input="decision"}}Beslutet: {{input.decision}}{{else}}{{placeholder "beslutet"}}{{/claim}}';
    const front = ["inputs:", "  - name: decision", "    type: string", "    label: Beslut"];
    expect(text(compose(body, { front, inputs: { decision: "ett uppdrag" } }).draft.blocks)).toBe(
      "Beslutet: ett uppdrag",
    );
    const without = compose(body, { front });
    expect(text(without.draft.blocks)).toBe("[FYLL I: beslutet]");
    expect(without.review.placeholders).toEqual(["beslutet"]);
  });
});

describe("inputs a claim needs", () => {
  const front = [
    "inputs:",
    "  - name: decisionDate",
    "    type: date",
    "    label: Datum",
    "    requiredUnless:",
    "      facts: [sex_trade_detected]",
  ];
  it("are asked for when the registry lacks the fact, naming the field", () => {
    const err = (() => {
      try {
        compose("Text.", { front, municipality: "Pajala" });
      } catch (e) {
        return e;
      }
    })();
    expect(isMotioneraError(err) && err.details).toMatchObject({
      code: "input_needed",
      field: "decisionDate",
      facts: [{ key: "sex_trade_detected" }],
      subjectName: "Pajala",
    });
  });
  it("are not needed when the registry has the fact", () => {
    expect(() => compose("Text.", { front, municipality: "Lidingö" })).not.toThrow();
  });
});

describe("the municipality's committee and other municipalities' facts", () => {
  it("names the registry's committee, else the default and lists it to check", () => {
    expect(text(compose("- att ge {{committee}} i uppdrag", { municipality: "Umeå" }).draft.blocks)).toBe(
      "att ge individ- och familjenämnden i uppdrag",
    );
    const pajala = compose("- att ge {{committee}} i uppdrag", { municipality: "Pajala" });
    expect(text(pajala.draft.blocks)).toBe("att ge socialnämnden i uppdrag");
    expect(pajala.review.checks).toContainEqual({
      code: "committee_default",
      committee: "socialnämnden",
      subjectName: "Pajala",
      inPlace: "i Pajala",
    });
  });

  it("cites a fact about another municipality with of=", () => {
    const c = compose(
      '{{#claim "runs_kast" of="0180"}}{{asOf "runs_kast" of="0180" capital=true}} drev Stockholms stad en ' +
        'KAST-mottagning.{{source "runs_kast" of="0180"}}{{/claim}}',
    );
    expect(text(c.draft.blocks)).toBe("Enligt uppgifter från februari 2023 drev Stockholms stad en KAST-mottagning.");
    expect(c.cited.map((x) => [x.fact.subject, x.subjectName])).toEqual([["0180", "Stockholm"]]);
  });
});
