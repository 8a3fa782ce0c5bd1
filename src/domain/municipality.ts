import { z } from "./zod.js";

/** One of the 21 counties (län). `letter` is the county letter (AB, C, …, BD). */
export const countySchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: z.string().min(1), // "Stockholms län"
  shortName: z.string().min(1), // "Stockholm"
  letter: z.string().regex(/^[A-Z]{1,2}$/),
});
export type County = z.infer<typeof countySchema>;

/** One of the 290 municipalities, as SCB lists it, plus the name it uses for itself. */
export const municipalitySchema = z.object({
  code: z.string().regex(/^\d{4}$/), // SCB kommunkod, "0186"
  name: z.string().min(1), // "Lidingö"
  officialName: z.string().min(1), // legal name, "Lidingö kommun"
  selfName: z.string().min(1), // the name it uses for itself, "Lidingö stad"
  countyCode: z.string().regex(/^\d{2}$/),
});
export type Municipality = z.infer<typeof municipalitySchema>;

/** A municipality joined with its county: what lookups return. */
export type Place = Municipality & { county: County };
