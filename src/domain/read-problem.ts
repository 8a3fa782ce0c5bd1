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
  | { reason: "too_large"; bytes: number }
  | { reason: "text_too_long"; chars: number; limit: number }
  | { reason: "empty" }
  | { reason: "binary" }
  | { reason: "undecodable" }
  | { reason: "unreadable"; detail: string }
  | DocxProblem;
