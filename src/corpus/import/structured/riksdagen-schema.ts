/**
 * Riksdagen's open data as the files come (../shared/data/formats.md): a `dokumentstatus` file (one document with its
 * text, signers, att-satser and decisions) and a `dokumentlista` page (search results: metadata only). Tolerant of
 * what real files do (tolerant.ts); only the fields the import uses are read, the rest is let through.
 */
import { z } from "../../../domain/zod.js";
import { looseObject, looseText, manyOf, oneOf } from "./tolerant.js";

export const riksdagenDocumentSchema = z.object({
  dok_id: looseText,
  rm: looseText,
  beteckning: looseText,
  typ: looseText,
  subtyp: looseText,
  doktyp: looseText,
  organ: looseText,
  mottagare: looseText,
  datum: looseText,
  titel: looseText,
  subtitel: looseText,
  undertitel: looseText,
  dokument_url_html: looseText,
  dokument_url_text: looseText,
  html: z.string().nullish(),
});
export type RiksdagenDocument = z.output<typeof riksdagenDocumentSchema>;

export const intressentSchema = z.object({
  intressent_id: looseText,
  namn: looseText,
  partibet: looseText,
  ordning: looseText,
  roll: looseText,
});
export type Intressent = z.output<typeof intressentSchema>;

export const forslagSchema = z.object({
  nummer: looseText,
  lydelse: looseText,
  utskottet: looseText,
  kammaren: looseText,
  behandlas_i: looseText,
});

export const uppgiftSchema = z.object({ kod: looseText, namn: looseText, text: looseText });

export const dokumentstatusSchema = z.object({
  dokumentstatus: oneOf(
    z.object({
      dokument: oneOf(riksdagenDocumentSchema),
      dokintressent: looseObject({ intressent: manyOf(intressentSchema) }).nullish(),
      dokforslag: looseObject({ forslag: manyOf(forslagSchema) }).nullish(),
      dokuppgift: looseObject({ uppgift: manyOf(uppgiftSchema) }).nullish(),
    }),
  ),
});
export type Dokumentstatus = z.output<typeof dokumentstatusSchema>["dokumentstatus"];

/** A document of a `dokumentlista` page: metadata, its signers in `dokintressent` when the list carries them. */
export const listedDocumentSchema = riksdagenDocumentSchema.extend({
  dokintressent: looseObject({ intressent: manyOf(intressentSchema) }).nullish(),
});

export const dokumentlistaSchema = z.object({
  dokumentlista: oneOf(
    z.object({
      "@traffar": looseText,
      "@nasta_sida": looseText,
      dokument: manyOf(listedDocumentSchema),
    }),
  ),
});
