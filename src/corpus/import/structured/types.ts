/**
 * A document as a structured source gives it (Riksdagen's open data, TEI): the fields its structure states, its text
 * when it has one. The import fills the rest from the auto-tagger (import-files.ts).
 */
import type { CorpusDocument } from "../../../domain/corpus-document.js";

export const structuredFields = [
  "kind",
  "level",
  "municipality",
  "county",
  "parties",
  "authors",
  "addressee",
  "date",
  "title",
  "proposals",
  "questions",
  "externalId",
  "designation",
  "category",
  "committee",
  "decisions",
] as const;

export type StructuredFields = Partial<Pick<CorpusDocument, (typeof structuredFields)[number]>> & {
  /** The original on the web. */
  url?: string;
  /** Who published it ("Sveriges riksdag"). */
  publisher?: string;
};

export type StructuredFormat = "riksdagen-dokumentstatus" | "riksdagen-dokumentlista" | "tei-riksdag" | "tei-parlamint";

export interface StructuredDoc {
  /** The file, or the file and the entry or part ("motioner.zip/h2021148.json", "lista.json#3"). */
  name: string;
  format: StructuredFormat;
  fields: StructuredFields;
  /** The document's text; absent where the source holds only metadata (a `dokumentlista`). */
  text?: string;
  /** Set when the source holds only the metadata: the full text needs the `dokumentstatus` file. */
  metadataOnly?: boolean;
}
