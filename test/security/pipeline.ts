/**
 * The real pipeline for the security tests: the shipped templates and facts, with hostile
 * values put into every field a user can fill (template inputs, signers, and the facts a
 * user can record with `facts add`: text values, notes, source titles, publishers, URLs).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeDraft, type Composed } from "../../src/compose/compose.js";
import { TemplateLibrary, type Template } from "../../src/compose/template-library.js";
import type { Fact } from "../../src/domain/fact.js";
import type { Signer } from "../../src/domain/signer.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { repoRoot } from "../helpers/cli.js";
import { forField } from "./hostile-strings.js";

export const library = TemplateLibrary.load(join(repoRoot, "templates"));
const shippedFacts: Fact[] = (
  JSON.parse(readFileSync(join(repoRoot, "corpus", "motionera.json"), "utf8")) as { facts: Fact[] }
).facts;

/** A municipality each shipped template can be drafted for with the shipped facts. */
const placeFor: Record<string, string> = {
  "kast-avtal": "Lidingö",
  "handlingsplan-prostitution": "Göteborg",
  "beslut-prostitution": "Norrköping",
  "natverk-manniskohandel": "Trollhättan",
  "nytt-forslag": "Lidingö",
};

export const templateIds = library.ids();

/** Inputs the general templates turn into a list, one item a line. */
const lineLists = new Set(["proposals", "questions", "demands"]);

/** Templates whose title is the user's own (the general templates): it is the user's text, not the template's. */
export const userTitled = new Set(
  templateIds.filter((id) => library.get(id).frontMatter.inputs.some((i) => i.name === "title")),
);

/** The shipped facts with every user-writable text replaced by `value` (and the URL by `url`). */
export function registryWith(value: string, url?: string): FactRegistry {
  return new FactRegistry(
    shippedFacts.map((f) => ({
      ...f,
      value: f.value.type === "text" ? { type: "text", value: forField(value, 100_000) } : f.value,
      ...(f.note ? { note: forField(value, 100_000) } : {}),
      source: {
        ...f.source,
        title: forField(value, 100_000),
        publisher: forField(value, 100_000),
        ...(url ? { url } : {}),
      },
    })),
  );
}

/** Values for every input of a template: strings and texts get `value`; others a valid default. */
export function inputsWith(template: Template, value: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const input of template.frontMatter.inputs) {
    switch (input.type) {
      case "string":
        out[input.name] = forField(value, input.maxLength);
        break;
      case "text": {
        // A list of lines (att-satser, questions, demands) gets one item a line: the lines are
        // the user's own structure, so the hostile value is kept on one line there.
        const one = lineLists.has(input.name) ? value.replace(/[\r\n\u0085\u2028\u2029]+/g, " ") : value;
        const v = one.trim().slice(0, input.maxLength);
        out[input.name] = v.length > 0 ? v : "x";
        break;
      }
      case "number":
        out[input.name] = input.min ?? 2020;
        break;
      case "boolean":
        out[input.name] = true;
        break;
      case "date":
        out[input.name] = "2024-05-01";
        break;
      case "choice":
        out[input.name] = input.options[0]!;
        break;
    }
  }
  return out;
}

export function signersWith(value: string): Signer[] {
  return [
    { name: forField(value, 200), party: forField(value, 60), role: forField(value, 300) },
    { name: `Per ${forField(value, 190)}`, party: "V" },
  ];
}

/** Composes `templateId` with `value` in every user field (inputs, signers, fact texts). */
export function composeWith(templateId: string, value: string, registry = registryWith(value)): Composed {
  const template = library.get(templateId);
  return composeDraft(
    {
      template: templateId,
      municipality: placeFor[templateId] ?? "Lidingö",
      authors: signersWith(value),
      date: "2026-11-24",
      inputs: inputsWith(template, value),
    },
    { templates: library, facts: registry, today: "2026-11-24" },
  );
}
