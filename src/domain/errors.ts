/**
 * Errors the core raises for bad input. They carry a code and the details a surface needs
 * to explain them; the Swedish wording lives in one place, src/messages/sv.ts.
 */
export type ErrorDetails =
  | { code: "unknown_municipality"; query: string; suggestions: string[] }
  | { code: "unknown_county"; query: string; suggestions: string[] }
  | { code: "unknown_template"; query: string; suggestions: string[] }
  | { code: "template_invalid"; file: string; line?: number; column?: number; problem: string }
  | { code: "fact_missing"; key: string; label: string; subjectName: string; subject: string }
  | { code: "fact_stale"; key: string; label: string; subjectName: string; asOf: string | null; oldest: string }
  | { code: "unknown_fact_key"; key: string; suggestions: string[] }
  | { code: "fact_invalid"; field: string; problem: string }
  | { code: "input_invalid"; field: string; problem: string }
  | { code: "unknown_input"; field: string; known: string[] }
  | { code: "unknown_argument"; ref: string }
  | { code: "author_invalid"; value: string; problem: string }
  | { code: "database_invalid"; file: string; problem: string; backup?: { file: string; modified: string; facts: number; documents: number } }
  | { code: "database_locked"; file: string; pid: number; command: string; since: string; host: string }
  | { code: "output_failed"; path: string; problem: string }
  | { code: "campaign_condition_invalid"; condition: string; problem: string }
  | { code: "campaign_empty"; selection: string }
  | { code: "fact_import_invalid"; file: string; issues: FactImportIssue[]; total: number };

/**
 * One thing wrong in a file of facts to import: where (the line as in the file, header =
 * line 1; for JSON also the entry's number; the column or field by name) and what.
 */
export interface FactImportIssue {
  line?: number;
  /** 1-based position of the entry in a JSON array (minified JSON has every entry on line 1). */
  entry?: number;
  /** The column (CSV header) or field (JSON) the problem is in. */
  column?: string;
  columnKind?: "column" | "field";
  /** Swedish, lower case: what is wrong. */
  problem: string;
  suggestions?: string[];
}

export class MotioneraError extends Error {
  readonly details: ErrorDetails;
  constructor(details: ErrorDetails, message?: string) {
    super(message ?? details.code);
    this.name = "MotioneraError";
    this.details = details;
  }
}

export function isMotioneraError(e: unknown): e is MotioneraError {
  return e instanceof MotioneraError;
}

/** Things a draft can be made despite, that the user should hear about. */
export type DraftWarning =
  | Extract<ErrorDetails, { code: "fact_stale" }>
  | { code: "fact_optional_missing"; key: string; label: string; subjectName: string };
