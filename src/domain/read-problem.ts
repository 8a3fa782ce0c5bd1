/**
 * Why a file a user imports could not be read as text: the reasons the import reports per
 * file and src/messages.sv.ts explains in Swedish.
 */

/** A .docx that is no valid zip, or one built to exhaust memory (src/corpus/import/docx-zip.ts). */
export type DocxProblem =
  | { reason: "not_docx"; detail: "not_zip" | "no_document" | "zip64" | "encrypted" | "bad_entry" }
  | { reason: "unpacks_too_large"; limitBytes: number; declaredBytes?: number }
  | { reason: "header_lies"; part: string; declaredBytes: number }
  | { reason: "nested_too_deep"; part: string; limit: number };

export type ReadProblem =
  | { reason: "unknown_extension"; extension: string }
  /** limitBytes: when the limit is not a document's 20 MB (a zip of documents may be larger). */
  | { reason: "too_large"; bytes: number; limitBytes?: number }
  | { reason: "text_too_long"; chars: number; limit: number }
  | { reason: "empty" }
  | { reason: "binary" }
  | { reason: "undecodable" }
  | { reason: "unreadable"; detail: string }
  /** A .zip of documents (Riksdagen's bulk downloads) that is no zip fflate and our bounds can read. */
  | { reason: "bad_zip"; detail: "not_zip" | "zip64" | "encrypted" | "bad_entry" | "too_large" | "header_lies" }
  | { reason: "not_json"; detail: string }
  | { reason: "not_xml"; detail: string }
  /** Valid JSON or XML, but none of the shapes the import knows (Riksdagen's files, TEI). */
  | { reason: "unknown_structure"; format: "json" | "xml" }
  /** A known shape with a field that cannot be read: the field's path and what is wrong with it. */
  | { reason: "structure_invalid"; field: string; problem: string }
  | DocxProblem;
