/**
 * A corpus record as the web shows it to anyone (the record page, the API's record and export):
 * without the names of the files it was imported from. `imported.file` goes, and so does a
 * source reference that names a file ("motion.docx", "bulk.zip/a.json", "lista.json#2", a seed
 * file); a reference to an archive or a register number stays.
 */
import type { CorpusDocument } from "../domain/corpus-document.js";

export type PublicRecord = Omit<CorpusDocument, "imported"> & {
  imported?: Omit<NonNullable<CorpusDocument["imported"]>, "file">;
};

/** Ends in a file extension (letters first: "2023.12" is a number), perhaps with a "#n" of a list entry. */
const fileLike = /\.[a-z][a-z0-9]{0,4}(#\d+)?$/i;

/** Whether a source reference names a file rather than a place a reader can look the original up. */
export function namesAFile(reference: string, importedFile?: string): boolean {
  const r = reference.trim();
  return r === importedFile || fileLike.test(r);
}

export function publicRecord(d: CorpusDocument): PublicRecord {
  const { imported, ...rest } = d;
  const { reference, ...source } = d.source;
  return {
    ...rest,
    source: reference && !namesAFile(reference, imported?.file) ? { ...source, reference } : source,
    ...(imported ? { imported: { at: imported.at, format: imported.format } } : {}),
  };
}
