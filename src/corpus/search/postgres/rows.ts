/**
 * The row a search statement returns, validated: the total, the page of hits (the fields a hit
 * shows, its rank and its headline) and each facet's [value, (label,) count] pairs.
 */
import { corpusDocumentSchema } from "../../../domain/corpus-document.js";
import { z } from "../../../domain/zod.js";

const hitDocumentSchema = corpusDocumentSchema.pick({
  id: true,
  title: true,
  kind: true,
  date: true,
  municipality: true,
  county: true,
  parties: true,
  authors: true,
  outlet: true,
  topics: true,
});

const pageRowSchema = z.object({
  id: z.string(),
  rank: z.number(),
  document: hitDocumentSchema,
  headline: z.string(),
});
export type PageRow = z.infer<typeof pageRowSchema>;

const count = z.number().int().nonnegative();
const pairs = z.array(z.tuple([z.string(), count]));

export const searchRowSchema = z.object({
  total: count,
  page: z.array(pageRowSchema),
  kind: pairs,
  municipality: z.array(z.tuple([z.string(), z.string().nullable(), count])),
  county: z.array(z.tuple([z.string(), z.string().nullable(), count])),
  year: z.array(z.tuple([z.number().int(), count])),
  party: pairs,
  topic: pairs,
});
