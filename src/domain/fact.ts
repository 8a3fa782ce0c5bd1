import { z } from "./zod.js";
import { partialDateSchema } from "./partial-date.js";

/** Where a fact was stated. No fact enters the registry without one. */
export const sourceSchema = z.object({
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** When the source was published; null when the source itself carries no date. */
  date: partialDateSchema.nullable(),
  url: z.string().url().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const factValueSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("boolean"), value: z.boolean() }),
  z.object({ type: z.literal("number"), value: z.number().finite() }),
  z.object({ type: z.literal("text"), value: z.string().min(1) }),
  z.object({ type: z.literal("date"), value: partialDateSchema }),
]);
export type FactValue = z.infer<typeof factValueSchema>;

/**
 * Who a fact is about: a municipality (SCB code "0186"), a county (code "01") or the
 * country ("SE").
 */
export const subjectSchema = z.string().regex(/^(\d{4}|\d{2}|SE)$/, "kommunkod (4 siffror), länskod (2 siffror) eller SE");
export type Subject = z.infer<typeof subjectSchema>;

export const factSchema = z.object({
  id: z.string().min(1),
  subject: subjectSchema,
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  value: factValueSchema,
  /** The date (or year, or month) the value describes; null when no source dates it. */
  asOf: partialDateSchema.nullable(),
  source: sourceSchema,
  /** The first date the value covers, when it covers a period (63 incidents 2017–2019: since "2017", as-of "2019"). */
  since: partialDateSchema.optional(),
  /** A qualifier a reader needs ("tidsbegränsat försöksavtal", "ungefär"). */
  note: z.string().min(1).optional(),
  /** When the fact was entered into this registry (ISO timestamp). */
  recordedAt: z.string().datetime(),
});
export type Fact = z.infer<typeof factSchema>;
