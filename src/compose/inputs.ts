/**
 * A template's inputs, declared once in its front matter, become one zod schema here; the
 * CLI (--set key=value), the API and the web form all validate through it.
 */
import { z } from "../domain/zod.js";
import type { FrontMatter, TemplateInput } from "../domain/template.js";
import { isoDateSchema } from "../domain/partial-date.js";
import { throwProblems, type FieldProblem } from "../domain/field-problem.js";
import { visibleText } from "../domain/visible-text.js";
import { parseSwedishNumber } from "../lang/numbers.js";
import { parseYesNo } from "../lang/yes-no.js";
import { nearest } from "../lang/nearest.js";
import { factDefinition } from "../facts/catalog.js";
import { perObject } from "../domain/per-object.js";

export type InputValue = string | number | boolean;
export type InputValues = Record<string, InputValue | null>;

/** Each input's schema, built once: a template's parsed front matter does not change. */
/** The schema for one input; strings from a command line or a form are accepted and converted. */
export const inputFieldSchema: (input: TemplateInput) => z.ZodType<InputValue | null> = perObject(buildFieldSchema);

function buildFieldSchema(input: TemplateInput): z.ZodType<InputValue | null> {
  let schema: z.ZodType<InputValue>;
  switch (input.type) {
    case "string":
      schema = z
        .string()
        .trim()
        .max(input.maxLength)
        .refine((s) => !/[\r\n]/.test(s), "ska vara en enda rad");
      break;
    case "text":
      schema = z.string().trim().max(input.maxLength);
      break;
    case "number": {
      let n = z.number().finite();
      if (input.min !== undefined) n = n.min(input.min);
      if (input.max !== undefined) n = n.max(input.max);
      schema = z.preprocess((v) => (typeof v === "string" ? (parseSwedishNumber(v) ?? v) : v), n);
      break;
    }
    case "boolean":
      schema = z.preprocess(
        (v) => {
          if (typeof v !== "string") return v;
          return parseYesNo(v) ?? v;
        },
        z.boolean({ error: "ska vara ja eller nej" }),
      );
      break;
    case "date":
      schema = isoDateSchema;
      break;
    case "choice":
      schema = z.enum(input.options as [string, ...string[]]);
      break;
  }
  // Text is kept as the documents will show it; nothing visible is no value at all.
  const emptyToNull = z.preprocess((v) => {
    if (v === undefined) return null;
    if (typeof v !== "string") return v;
    const seen = input.type === "string" || input.type === "text" ? visibleText(v) : v;
    return seen.trim() === "" ? null : seen;
  }, schema.nullable());
  return emptyToNull as z.ZodType<InputValue | null>;
}

/**
 * Checks raw values (strings or JSON values) against the template's inputs and returns every
 * problem, each at ["inputs", name]: unknown names, wrong types, missing required values, and
 * inputs a claim needs that neither another input nor the registry gives. Defaults fill the
 * rest. `hasFact` answers `requiredUnless` (does the registry hold the fact for this
 * municipality?), `subjectName` names the municipality in the message.
 */
export function checkInputs(
  fm: FrontMatter,
  raw: Record<string, unknown>,
  hasFact: (key: string) => boolean = () => false,
  subjectName = "",
): { values: InputValues; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const names = fm.inputs.map((i) => i.name);
  for (const k of Object.keys(raw)) {
    if (!names.includes(k))
      problems.push({
        path: ["inputs", k],
        details: { code: "unknown_input", field: k, known: nearest(k, names, names.length) },
      });
  }
  const out: InputValues = {};
  const invalid = new Set<string>();
  for (const input of fm.inputs) {
    const parsed = inputFieldSchema(input).safeParse(raw[input.name]);
    const value = parsed.success ? (parsed.data ?? input.default ?? null) : null;
    out[input.name] = value;
    if (!parsed.success || (value === null && input.required)) {
      invalid.add(input.name);
      const problem = parsed.success ? "måste fyllas i" : (parsed.error.issues[0]?.message ?? "ogiltigt värde");
      problems.push({
        path: ["inputs", input.name],
        details: {
          code: "input_invalid",
          field: input.name,
          problem,
          label: input.label,
          ...(parsed.success ? { missing: true } : {}),
        },
      });
    }
  }
  for (const input of fm.inputs) {
    const unless = input.requiredUnless;
    if (!unless || out[input.name] !== null || invalid.has(input.name)) continue;
    if (unless.inputs.some((name) => out[name] !== null && out[name] !== undefined) || unless.facts.some(hasFact))
      continue;
    problems.push({
      path: ["inputs", input.name],
      details: {
        code: "input_needed",
        field: input.name,
        alternatives: unless.inputs,
        facts: unless.facts.map((key) => ({ key, label: factDefinition(key)?.label ?? key })),
        subjectName,
      },
    });
  }
  return { values: out, problems };
}

/** checkInputs that throws: one problem as itself, several as `request_invalid`. */
export function validateInputs(
  fm: FrontMatter,
  raw: Record<string, unknown>,
  hasFact: (key: string) => boolean = () => false,
  subjectName = "",
): InputValues {
  const { values, problems } = checkInputs(fm, raw, hasFact, subjectName);
  throwProblems(problems);
  return values;
}
