/**
 * A template's inputs, declared once in its front matter, become one zod schema here; the
 * CLI (--set key=value), the API and the web form all validate through it.
 */
import { z } from "../domain/zod.js";
import type { FrontMatter, TemplateInput } from "../domain/template.js";
import { isoDateSchema } from "../domain/partial-date.js";
import { MotioneraError } from "../domain/errors.js";
import { visibleText } from "../domain/visible-text.js";
import { parseSwedishNumber } from "../lang/numbers.js";
import { nearest } from "../lang/nearest.js";
import { factDefinition } from "../facts/catalog.js";

export type InputValue = string | number | boolean;
export type InputValues = Record<string, InputValue | null>;

const truthy = new Set(["ja", "j", "true", "1", "yes", "sant"]);
const falsy = new Set(["nej", "n", "false", "0", "no", "falskt"]);

/** The schema for one input; strings from a command line or a form are accepted and converted. */
export function inputFieldSchema(input: TemplateInput): z.ZodType<InputValue | null> {
  let schema: z.ZodType<InputValue>;
  switch (input.type) {
    case "string":
      schema = z.string().trim().max(input.maxLength).refine((s) => !/[\r\n]/.test(s), "ska vara en enda rad");
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
      schema = z.preprocess((v) => {
        if (typeof v !== "string") return v;
        const s = v.trim().toLowerCase();
        return truthy.has(s) ? true : falsy.has(s) ? false : v;
      }, z.boolean({ error: "ska vara ja eller nej" }));
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
 * Validates raw values (strings or JSON values) against the template's inputs: unknown names,
 * wrong types and missing required values are errors naming the field. Defaults fill the rest.
 * `hasFact` answers `requiredUnless` (does the registry hold the fact for this municipality?),
 * `subjectName` names the municipality in the message.
 */
export function validateInputs(fm: FrontMatter, raw: Record<string, unknown>, hasFact: (key: string) => boolean = () => false, subjectName = ""): InputValues {
  const names = fm.inputs.map((i) => i.name);
  for (const k of Object.keys(raw)) {
    if (!names.includes(k)) throw new MotioneraError({ code: "unknown_input", field: k, known: nearest(k, names, names.length) });
  }
  const out: InputValues = {};
  for (const input of fm.inputs) {
    const parsed = inputFieldSchema(input).safeParse(raw[input.name]);
    if (!parsed.success) {
      throw new MotioneraError({ code: "input_invalid", field: input.name, problem: parsed.error.issues[0]?.message ?? "ogiltigt värde" });
    }
    const value = parsed.data ?? input.default ?? null;
    if (value === null && input.required) throw new MotioneraError({ code: "input_invalid", field: input.name, problem: "måste fyllas i" });
    out[input.name] = value;
  }
  for (const input of fm.inputs) {
    const unless = input.requiredUnless;
    if (!unless || out[input.name] !== null) continue;
    if (unless.inputs.some((name) => out[name] !== null && out[name] !== undefined) || unless.facts.some(hasFact)) continue;
    throw new MotioneraError({
      code: "input_needed",
      field: input.name,
      alternatives: unless.inputs,
      facts: unless.facts.map((key) => ({ key, label: factDefinition(key)?.label ?? key })),
      subjectName,
    });
  }
  return out;
}
