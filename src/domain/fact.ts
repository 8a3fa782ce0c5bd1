import { z } from "./zod.js";
import { partialDateEnd, partialDateSchema, type PartialDate } from "./partial-date.js";
import { partySchema } from "./corpus-refs.js";
import { textLimits, tooLong } from "./text-limits.js";

/** Where a fact was stated. No fact enters the registry without one. */
export const sourceSchema = z.object({
  /**
   * The source's own title, as published. Left out when we do not know it: a description
   * of our own ("[Om …]") in its place would pass for the title.
   */
  title: z.string().min(1).max(textLimits.sourceTitle, tooLong("sourceTitle")).optional(),
  publisher: z.string().min(1).max(textLimits.sourcePublisher, tooLong("sourcePublisher")),
  /** When the source was published; null when the source itself carries no date. */
  date: partialDateSchema.nullable(),
  url: z.string().max(textLimits.url, tooLong("url")).url().optional(),
  /**
   * The parties that published the source or whose politicians wrote it (op-eds by
   * politicians, party press releases and blog posts, a party's interpellation): "V",
   * or ["M", "L", "KD", "C"] for a joint text. Left out for sources no party published.
   */
  parties: z.array(partySchema).min(1).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const factValueSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("boolean"), value: z.boolean() }),
  z.object({ type: z.literal("number"), value: z.number().finite() }),
  z.object({ type: z.literal("text"), value: z.string().min(1).max(textLimits.factText, tooLong("factText")) }),
  z.object({ type: z.literal("date"), value: partialDateSchema }),
]);
export type FactValue = z.infer<typeof factValueSchema>;

/**
 * Who a fact is about: a municipality (SCB code "0186"), a county (code "01") or the
 * country ("SE").
 */
export const subjectSchema = z
  .string()
  .regex(/^(\d{4}|\d{2}|SE)$/, "kommunkod (4 siffror), länskod (2 siffror) eller SE");
export type Subject = z.infer<typeof subjectSchema>;

/** The first day a partial date can stand for: "2017" → 2017-01-01. */
function partialDateStart(d: PartialDate): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** Whether a period's start can lie before (or on) its end: "2017" … "2019", "2019-06" … "2019". */
export function startsNoLaterThan(since: PartialDate, asOf: PartialDate): boolean {
  return partialDateStart(since) <= partialDateEnd(asOf).toISOString().slice(0, 10);
}

export const factSchema = z
  .object({
    id: z.string().min(1),
    subject: subjectSchema,
    key: z.string().regex(/^[a-z][a-z0-9_]*$/),
    value: factValueSchema,
    /** The date (or year, or month) the value describes; null when no source dates it. */
    asOf: partialDateSchema.nullable(),
    /**
     * For a value that covers a period (a total over several years): the first date it
     * covers; the period runs to `asOf`. Left out for a value that describes one moment.
     */
    since: partialDateSchema.optional(),
    source: sourceSchema,
    /** A qualifier a reader needs ("tidsbegränsat försöksavtal", "ungefär"). */
    note: z.string().min(1).max(textLimits.note, tooLong("note")).optional(),
    /** When the fact was entered into this registry (ISO timestamp). */
    recordedAt: z.string().datetime(),
  })
  .refine((f) => f.since === undefined || f.asOf === null || startsNoLaterThan(f.since, f.asOf), {
    message: "since (första datum som värdet avser) ligger efter asOf",
    path: ["since"],
  });
export type Fact = z.infer<typeof factSchema>;
