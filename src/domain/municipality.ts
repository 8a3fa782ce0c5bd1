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

/** The preposition before a municipality's name: "på Lidingö", "i Umeå". */
export const prepositionSchema = z.enum(["i", "på"]);
export type Preposition = z.infer<typeof prepositionSchema>;

/** A county as lookups return it: with the number of its municipalities (Gotlands län: 1). */
export const placeCountySchema = countySchema.extend({
  municipalityCount: z.number().int().positive(),
});
export type PlaceCounty = z.infer<typeof placeCountySchema>;

/** A municipality joined with its county and the words a draft needs: what lookups return. */
export const placeSchema = municipalitySchema.extend({
  seat: z.string().min(1), // centralort, for the dateline: "Bålsta" for Håbo
  preposition: prepositionSchema, // "på" for Lidingö, Gotland …; "i" for the rest
  isRegion: z.boolean(), // true only for Gotland, whose body is Region Gotland
  county: placeCountySchema,
});
export type Place = z.infer<typeof placeSchema>;
