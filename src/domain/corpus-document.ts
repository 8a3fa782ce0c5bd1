/**
 * One document in the argument corpus: who argued what, where and when. Records hold
 * metadata, a summary and the arguments in our own words, and links to the facts registry;
 * full text only for documents a user imports into their own database.
 */
import { z } from "./zod.js";
import { partialDateSchema } from "./partial-date.js";
import { argumentTypeIds, topicIds } from "./vocabulary.js";
import { textLimits, tooLong } from "./text-limits.js";
import {
  corpusAuthorSchema,
  corpusKinds,
  corpusLevels,
  documentIdPattern,
  partySchema,
  placeRefSchema,
} from "./corpus-refs.js";

export {
  argumentRefPattern,
  corpusAuthorSchema,
  corpusKinds,
  corpusLevels,
  documentIdOfRef,
  documentIdPattern,
  isArgumentRef,
  isDocumentId,
  partySchema,
  placeRefSchema,
  type CorpusKind,
} from "./corpus-refs.js";

export const corpusArgumentSchema = z.object({
  /** The claim, in our own words. */
  claim: z.string().trim().min(1).max(textLimits.claim, tooLong("claim")),
  stance: z.enum(["for", "against"]),
  type: z.enum(argumentTypeIds),
});
export type CorpusArgument = z.infer<typeof corpusArgumentSchema>;

export const corpusSourceSchema = z.object({
  title: z.string().min(1).max(textLimits.sourceTitle, tooLong("sourceTitle")),
  publisher: z.string().min(1).max(textLimits.documentPublisher, tooLong("documentPublisher")),
  date: partialDateSchema.nullable(),
  url: z.string().max(textLimits.url, tooLong("url")).url().optional(),
  /** Where the original lies when it is not on the web (a seed file, an archive). */
  reference: z.string().min(1).max(textLimits.reference, tooLong("reference")).optional(),
});

/**
 * The decisions on one att-sats, as Riksdagen's `dokforslag` gives them: the committee's proposal and the chamber's
 * decision ("Avslag", "Bifall", "Delvis bifall"), and the report that dealt with it ("2014/15:CU7").
 */
export const proposalDecisionSchema = z.object({
  /** The att-sats's number in the document ("1"). */
  number: z.string().max(20),
  committee: z.string().min(1).max(textLimits.decision, tooLong("decision")).optional(),
  chamber: z.string().min(1).max(textLimits.decision, tooLong("decision")).optional(),
  handledIn: z.string().min(1).max(textLimits.decision, tooLong("decision")).optional(),
});
export type ProposalDecision = z.infer<typeof proposalDecisionSchema>;

/**
 * Where a record's field came from: the source's own structure (a Riksdagen `dokumentstatus` file, TEI), the
 * auto-tagger reading the plain text, or the user's override at the import.
 */
export const fieldOrigins = ["structure", "tagger", "override"] as const;
export const provenanceSchema = z.record(z.string().max(40), z.enum(fieldOrigins));

/** How sure the auto-tagger was of each field it inferred (0–1), and why. */
export const taggingSchema = z.record(
  z.string(),
  z.object({ confidence: z.number().min(0).max(1), evidence: z.string().max(300) }),
);

export const corpusDocumentSchema = z.object({
  /** Stable and citable: kept when a re-import updates the record. */
  id: z.string().regex(documentIdPattern),
  kind: z.enum(corpusKinds),
  level: z.enum(corpusLevels),
  municipality: placeRefSchema.nullable(),
  county: placeRefSchema.nullable(),
  parties: z.array(partySchema),
  authors: z.array(corpusAuthorSchema),
  /** Whom an interpellation or question is put to. */
  addressee: z.string().min(1).max(textLimits.addressee, tooLong("addressee")).optional(),
  /** Newspaper, site or body where it appeared. */
  outlet: z.string().min(1).max(textLimits.outlet, tooLong("outlet")).optional(),
  date: partialDateSchema.nullable(),
  title: z.string().min(1).max(textLimits.documentTitle, tooLong("documentTitle")),
  /** In our own words. */
  summary: z.string().max(textLimits.summary, tooLong("summary")),
  topics: z.array(z.enum(topicIds)),
  arguments: z.array(corpusArgumentSchema),
  /** att-satser, as proposed. */
  proposals: z.array(z.string().min(1).max(textLimits.proposal, tooLong("proposal"))),
  /** An interpellation's or question's numbered questions. */
  questions: z.array(z.string().min(1).max(textLimits.question, tooLong("question"))),
  /** Ids of facts in the registry the document states or relies on. */
  facts: z.array(z.string().min(1).max(textLimits.factReference, tooLong("factReference"))),
  source: corpusSourceSchema,
  /**
   * Only for documents a user imports into their own database. No length limit of its own:
   * the import's file limit (20 MB) bounds it.
   */
  fullText: z.string().optional(),
  /** SHA-256 of the imported file's text: a re-import of the same text updates this record. */
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  imported: z
    .object({
      file: z.string().max(textLimits.fileName, tooLong("fileName")),
      at: z.string().datetime(),
      format: z.string(),
    })
    .optional(),
  tagging: taggingSchema.optional(),
  /** The source's own id (Riksdagen's dok_id "H2021148", a TEI file's xml:id). */
  externalId: z.string().min(1).max(textLimits.externalId, tooLong("externalId")).optional(),
  /** Riksdagen's designation, riksmöte and number: "2014/15:1148", "2007/08:39". */
  designation: z.string().min(1).max(textLimits.externalId, tooLong("externalId")).optional(),
  /** A motion's category ("Enskild motion", "Kommittémotion"), as the source names it. */
  category: z.string().min(1).max(textLimits.decision, tooLong("decision")).optional(),
  /** The committee a Riksdag document goes to ("CU", "TU"). */
  committee: z.string().min(1).max(textLimits.decision, tooLong("decision")).optional(),
  /** The decisions on the att-satser, by number, in the order of `proposals`. */
  decisions: z.array(proposalDecisionSchema).optional(),
  /** Which fields came from the source's structure, which from the auto-tagger, which from the user. */
  provenance: provenanceSchema.optional(),
});
export type CorpusDocument = z.infer<typeof corpusDocumentSchema>;
