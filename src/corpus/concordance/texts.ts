/**
 * The texts of a record a concordance reads, each a field of its own (a line never runs from
 * one field into the next): the full text where the database holds it; otherwise what the
 * record says in our own words (title, summary, att-satser, questions, arguments). Texts are
 * read as stored: NFC, as the import and the schema's records write them.
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";

export const textFields = ["fullText", "title", "summary", "proposal", "question", "argument"] as const;
export type TextField = (typeof textFields)[number];

/** What the concordance needs of a record. */
export type ConcordanceDoc = Pick<
  CorpusDocument,
  "id" | "title" | "kind" | "date" | "parties" | "summary" | "proposals" | "questions" | "arguments" | "fullText"
>;

export interface DocText {
  field: TextField;
  text: string;
}

export function textsOf(d: ConcordanceDoc): DocText[] {
  if (d.fullText && /\S/.test(d.fullText)) return [{ field: "fullText", text: d.fullText }];
  const out: DocText[] = [{ field: "title", text: d.title }];
  if (d.summary.trim()) out.push({ field: "summary", text: d.summary });
  for (const p of d.proposals) out.push({ field: "proposal", text: p });
  for (const q of d.questions) out.push({ field: "question", text: q });
  for (const a of d.arguments) out.push({ field: "argument", text: a.claim });
  return out;
}
