/**
 * What other records share with the corpus' documents (corpus-document.ts): the forms of a document's id and of a
 * reference to one of its arguments, the kinds and levels of documents, and a party, an author and a place as they
 * are written. A module of its own, so that what needs only these (a fact's parties, a draft request's arguments, a
 * filing's signers) does not build the corpus document's schema as it loads.
 */
import { z } from "./zod.js";
import { textLimits, tooLong } from "./text-limits.js";

/**
 * A corpus document's id: lower-case letters a–z, digits and hyphens, starting with a letter or digit ("gp-2023-kast").
 */
export const documentIdPattern = /^[a-z0-9][a-z0-9-]*$/;
/** An argument of a document as a request names it: "documentId#n", n its number counted from 1. */
export const argumentRefPattern = /^[a-z0-9][a-z0-9-]*#\d{1,3}$/;

export const isDocumentId = (id: string): boolean => documentIdPattern.test(id);
export const isArgumentRef = (ref: string): boolean => argumentRefPattern.test(ref);
/** "gp-2023-kast#2" → "gp-2023-kast". */
export const documentIdOfRef = (ref: string): string => ref.split("#")[0] ?? "";

export const corpusKinds = [
  "debattartikel",
  "motion",
  "interpellation",
  "pressmeddelande",
  "fråga",
  /** The answer to a written question (Riksdagen `frs`). */
  "svar",
  /** A speech in a sitting (ParlaMint's `<u>`). */
  "anförande",
  "nyhet",
  "annat",
] as const;
export type CorpusKind = (typeof corpusKinds)[number];
export const corpusLevels = ["kommun", "region", "riksdag"] as const;

/** S, M, SD, C, V, KD, L, MP, or a local party's own name ("Lidingöpartiet"). */
export const partySchema = z.string().trim().min(1).max(textLimits.party, tooLong("party"));

export const corpusAuthorSchema = z.object({
  name: z.string().trim().min(1).max(textLimits.signerName, tooLong("signerName")),
  party: partySchema.optional(),
  role: z.string().trim().min(1).max(textLimits.signerRole, tooLong("signerRole")).optional(),
});

export const placeRefSchema = z.object({ code: z.string(), name: z.string() });
