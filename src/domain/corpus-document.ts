/**
 * One document in the argument corpus: who argued what, where and when. Records hold
 * metadata, a summary and the arguments in our own words, and links to the facts registry;
 * full text only for documents a user imports into their own database.
 */
import { z } from "./zod.js";
import { partialDateSchema } from "./partial-date.js";
import { argumentTypeIds, topicIds } from "../corpus/vocabulary.js";

export const corpusKinds = ["debattartikel", "motion", "interpellation", "pressmeddelande", "fråga", "nyhet", "annat"] as const;
export type CorpusKind = (typeof corpusKinds)[number];
export const corpusLevels = ["kommun", "region", "riksdag"] as const;

/** S, M, SD, C, V, KD, L, MP, or a local party's own name ("Lidingöpartiet"). */
export const partySchema = z.string().trim().min(1).max(80);

export const corpusAuthorSchema = z.object({
  name: z.string().trim().min(1).max(200),
  party: partySchema.optional(),
  role: z.string().trim().min(1).max(300).optional(),
});

export const corpusArgumentSchema = z.object({
  /** The claim, in our own words. */
  claim: z.string().trim().min(1).max(1000),
  stance: z.enum(["for", "against"]),
  type: z.enum(argumentTypeIds),
});
export type CorpusArgument = z.infer<typeof corpusArgumentSchema>;

export const placeRefSchema = z.object({ code: z.string(), name: z.string() });

export const corpusSourceSchema = z.object({
  title: z.string().min(1),
  publisher: z.string().min(1),
  date: partialDateSchema.nullable(),
  url: z.string().url().optional(),
  /** Where the original lies when it is not on the web (a seed file, an archive). */
  reference: z.string().min(1).optional(),
});

/** How sure the auto-tagger was of each field it inferred (0–1), and why. */
export const taggingSchema = z.record(z.string(), z.object({ confidence: z.number().min(0).max(1), evidence: z.string().max(300) }));

export const corpusDocumentSchema = z.object({
  /** Stable and citable: kept when a re-import updates the record. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: z.enum(corpusKinds),
  level: z.enum(corpusLevels),
  municipality: placeRefSchema.nullable(),
  county: placeRefSchema.nullable(),
  parties: z.array(partySchema),
  authors: z.array(corpusAuthorSchema),
  /** Whom an interpellation or question is put to. */
  addressee: z.string().min(1).optional(),
  /** Newspaper, site or body where it appeared. */
  outlet: z.string().min(1).optional(),
  date: partialDateSchema.nullable(),
  title: z.string().min(1).max(500),
  /** In our own words. */
  summary: z.string().max(5000),
  topics: z.array(z.enum(topicIds)),
  arguments: z.array(corpusArgumentSchema),
  /** att-satser, as proposed. */
  proposals: z.array(z.string().min(1)),
  /** An interpellation's or question's numbered questions. */
  questions: z.array(z.string().min(1)),
  /** Ids of facts in the registry the document states or relies on. */
  facts: z.array(z.string().min(1)),
  source: corpusSourceSchema,
  /** Only for documents a user imports into their own database. */
  fullText: z.string().optional(),
  /** SHA-256 of the imported file's text: a re-import of the same text updates this record. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  imported: z.object({ file: z.string(), at: z.string().datetime(), format: z.string() }).optional(),
  tagging: taggingSchema.optional(),
});
export type CorpusDocument = z.infer<typeof corpusDocumentSchema>;
