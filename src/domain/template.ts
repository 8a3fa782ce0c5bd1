import { z } from "./zod.js";
import type { DocumentKind } from "./draft.js";
import { textLimits } from "./text-limits.js";

export const documentKinds = [
  "motion",
  "interpellation",
  "debattartikel",
  "pressmeddelande",
] as const satisfies readonly DocumentKind[];

/** An age limit as an ISO 8601 duration in years and/or months: "P3Y", "P18M", "P1Y6M". */
export const maxAgeSchema = z
  .string()
  .regex(/^P(?=\d)(\d+Y)?(\d+M)?$/, 'ange en ålder som "P3Y" (tre år) eller "P18M" (arton månader)');

const inputBase = {
  /** The input's name, used in `{{input.name}}`, `--set name=…`, the API and the form. */
  name: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*$/, "namn skrivs med a–z och siffror, i camelCase")
    // "constructor", "toString" …: every object already has them, so {{input.constructor}} would be JavaScript's.
    .refine((n) => !(n in Object.prototype), "namnet är reserverat i JavaScript; välj ett annat"),
  label: z.string().min(1),
  help: z.string().min(1).optional(),
  required: z.boolean().default(false),
  /**
   * Required unless one of these inputs has a value or one of these facts is in the registry:
   * for an input a claim in the text needs (the council's decision an interpellation asks about).
   */
  requiredUnless: z
    .object({
      inputs: z.array(z.string().min(1)).default([]),
      facts: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
    })
    .strict()
    .optional(),
};

/** An input's own limit on what a user types, bounded for every template. */
const inputMaxLength = z
  .number()
  .int()
  .positive()
  .max(textLimits.inputMaxLength, `maxLength får vara högst ${textLimits.inputMaxLength} (tecken)`);

export const templateInputSchema = z.discriminatedUnion("type", [
  z
    .object({
      ...inputBase,
      type: z.literal("string"),
      default: z.string().optional(),
      maxLength: inputMaxLength.default(300),
    })
    .strict(),
  z
    .object({
      ...inputBase,
      type: z.literal("text"),
      default: z.string().optional(),
      maxLength: inputMaxLength.default(20000),
    })
    .strict(),
  z
    .object({
      ...inputBase,
      type: z.literal("number"),
      default: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .strict(),
  z.object({ ...inputBase, type: z.literal("boolean"), default: z.boolean().optional() }).strict(),
  z.object({ ...inputBase, type: z.literal("date"), default: z.string().optional() }).strict(),
  z
    .object({
      ...inputBase,
      type: z.literal("choice"),
      options: z.array(z.string().min(1)).min(2),
      default: z.string().optional(),
    })
    .strict(),
]);
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const templateFactSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/),
    /** A required fact that is missing stops the draft; an optional one is left out. */
    required: z.boolean().default(true),
    /** Overrides the template's maxAge for this fact. */
    maxAge: maxAgeSchema.optional(),
  })
  .strict();
export type TemplateFact = z.infer<typeof templateFactSchema>;

/** A template's id: its file's name, so a–z, digits and single hyphens (no path can hide in it). */
export const templateIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const frontMatterSchema = z
  .object({
    id: z.string().max(100).regex(templateIdPattern, "id skrivs med a–z, siffror och bindestreck"),
    kind: z.enum(documentKinds),
    title: z.string().min(1),
    description: z.string().min(1),
    topics: z.array(z.string().min(1)).default([]),
    inputs: z.array(templateInputSchema).default([]),
    facts: z.array(templateFactSchema).default([]),
    /** The oldest acceptable as-of for cited facts, as an age: facts older than this are stale. */
    maxAge: maxAgeSchema.default("P5Y"),
  })
  .strict();
export type FrontMatter = z.infer<typeof frontMatterSchema>;
