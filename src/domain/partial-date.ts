import { z } from "./zod.js";

/**
 * A calendar date as precise as the source states it: "2023", "2022-02" or "2023-02-21".
 * Sources often give only a year or a month; we never invent the missing part.
 */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "datum skrivs ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD");
export type PartialDate = z.infer<typeof partialDateSchema>;

/** A full ISO calendar date, checked to exist (no 2023-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "datum skrivs ÅÅÅÅ-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "datumet finns inte i kalendern");

/** The last day a partial date can stand for: "2023" → 2023-12-31, used when judging age. */
export function partialDateEnd(d: PartialDate): Date {
  const [y, m, day] = d.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (day !== undefined) return new Date(Date.UTC(y, (m ?? 1) - 1, day));
  if (m !== undefined) return new Date(Date.UTC(y, m, 0));
  return new Date(Date.UTC(y, 11, 31));
}

/** Sort key: partial dates compare by their first possible day, then by precision. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const pa = a.padEnd(10, "-00-00").slice(0, 10);
  const pb = b.padEnd(10, "-00-00").slice(0, 10);
  return pa < pb ? -1 : pa > pb ? 1 : a.length - b.length;
}
