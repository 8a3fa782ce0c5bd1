/**
 * A corpus record as the web shows it to anyone (the record page, the API's record and export):
 * without the names of the files it was imported from. `imported.file` goes, and so does a
 * source reference that names a file ("motion.docx", "bulk.zip/a.json", "lista.json#2", a seed
 * file); a reference to an archive or a register number stays; and the auto-tagger's evidence
 * ends where it names the file ("datum i filnamnet ”…”" → "datum i filnamnet").
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

/** The tagger's word before a file's name in its evidence. */
const fileWord = "filnamnet";

function publicTagging(tagging: CorpusDocument["tagging"], file: string | undefined): CorpusDocument["tagging"] {
  if (!tagging) return tagging;
  const out: NonNullable<CorpusDocument["tagging"]> = {};
  for (const [field, t] of Object.entries(tagging)) {
    let evidence = t.evidence;
    const at = evidence.indexOf(fileWord);
    if (at >= 0) evidence = evidence.slice(0, at + fileWord.length);
    if (file && evidence.includes(file)) evidence = evidence.split(file).join("…");
    out[field] = { ...t, evidence };
  }
  return out;
}

export function publicRecord(d: CorpusDocument): PublicRecord {
  const { imported, tagging, ...rest } = d;
  const { reference, ...source } = d.source;
  const cleaned = publicTagging(tagging, imported?.file);
  return {
    ...rest,
    ...(cleaned ? { tagging: cleaned } : {}),
    source: reference && !namesAFile(reference, imported?.file) ? { ...source, reference } : source,
    ...(imported ? { imported: { at: imported.at, format: imported.format } } : {}),
  };
}
