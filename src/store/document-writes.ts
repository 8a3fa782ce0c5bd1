/** The check every engine makes of corpus documents before they are written, naming the first field that breaks. */
import { corpusDocumentSchema, type CorpusDocument } from "../domain/corpus-document.js";
import { MotioneraError } from "../domain/errors.js";

/** The documents as the schema reads them; the first that breaks it is refused at "<n>.<field>". */
export function checkedDocuments(docs: readonly CorpusDocument[]): CorpusDocument[] {
  return docs.map((d, i) => {
    const parsed = corpusDocumentSchema.safeParse(d);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    throw new MotioneraError({
      code: "input_invalid",
      field: [i, ...(first?.path ?? [])].map(String).join("."),
      problem: first?.message ?? "ogiltigt dokument",
    });
  });
}
