/**
 * Errors the core raises for bad input. They carry a code and the details a surface needs
 * to explain them; the Swedish wording lives in one place, src/messages.sv.ts.
 */
import type { FieldPath, FieldProblem } from "./field-problem.js";

export type ErrorDetails =
  | { code: "unknown_municipality"; query: string; suggestions: string[] }
  | { code: "unknown_county"; query: string; suggestions: string[] }
  | { code: "unknown_template"; query: string; suggestions: string[] }
  | { code: "template_invalid"; file: string; line?: number; column?: number; problem: string }
  | { code: "fact_missing"; key: string; label: string; subjectName: string; subject: string }
  | { code: "fact_stale"; key: string; label: string; subjectName: string; asOf: string | null; oldest: string }
  | { code: "unknown_fact_key"; key: string; suggestions: string[] }
  | { code: "fact_invalid"; field: string; problem: string }
  /** A fact key's definition is not valid (a field of `facts keys add|edit`). */
  | { code: "fact_key_invalid"; field: string; problem: string; suggestions?: string[] }
  | { code: "fact_key_exists"; key: string }
  /** A named API token with this name exists (revoked or not): names are never reused. */
  | { code: "token_exists"; name: string; revoked: boolean }
  | { code: "token_unknown"; name: string; suggestions: string[] }
  /** No filed document (ärende) has this id. */
  | { code: "filing_unknown"; id: string; suggestions: string[] }
  /** A key cannot be removed: facts are recorded for it, templates cite it, derived keys count it. */
  | { code: "fact_key_in_use"; key: string; facts: number; templates: string[]; derivedKeys: string[] }
  /** A key's type cannot change: these recorded values are not of the new type. */
  | { code: "fact_key_type_conflict"; key: string; type: string; values: FactKeyConflict[]; total: number }
  | {
      code: "input_invalid";
      field: string;
      problem: string;
      /** The template input's label, when the field is one. */
      label?: string;
      /** A required value that was not given (the problem then says so). */
      missing?: boolean;
    }
  /** A claim in the text needs this input, and the registry cannot stand in for it. */
  | {
      code: "input_needed";
      field: string;
      alternatives: string[];
      facts: { key: string; label: string }[];
      subjectName: string;
    }
  | { code: "unknown_input"; field: string; known: string[] }
  | { code: "unknown_argument"; ref: string }
  | { code: "author_invalid"; value: string; problem: string }
  | {
      code: "database_invalid";
      file: string;
      problem: string;
      backup?: { file: string; modified: string; facts: number; documents: number };
    }
  | { code: "database_locked"; file: string; pid: number; command: string; since: string; host: string }
  /** A PostgreSQL database whose schema is older than this program's migrations (`motionera db migrate`). */
  | { code: "database_behind"; database: string; pending: string[] }
  /** A PostgreSQL database that cannot be reached or used (refused, wrong password, no such database). */
  | { code: "database_unreachable"; database: string; problem: string }
  | { code: "output_failed"; path: string; problem: string }
  | { code: "campaign_condition_invalid"; condition: string; problem: string }
  | { code: "campaign_empty"; selection: string }
  | { code: "fact_import_invalid"; file: string; issues: FactImportIssue[]; total: number }
  /** `--strict`: the draft still has places the signer must fill in. */
  | { code: "draft_has_placeholders"; placeholders: string[] }
  /** Several problems in one request (a check collects them all), each at its field's path. */
  | { code: "request_invalid"; problems: FieldProblem[] };

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

/** A recorded value that a key's new type would not accept. */
export interface FactKeyConflict {
  subject: string;
  asOf: string | null;
  /** As recorded, in words ("ja", "12", "text …"). */
  value: string;
}

export class MotioneraError extends Error {
  readonly details: ErrorDetails;
  /** The field the problem is in, when a check knows it ("municipality", "inputs.committee"). */
  readonly path: FieldPath | undefined;
  constructor(details: ErrorDetails, message?: string, path?: FieldPath) {
    super(message ?? details.code);
    this.name = "MotioneraError";
    this.details = details;
    this.path = path;
  }
}

export function isMotioneraError(e: unknown): e is MotioneraError {
  return e instanceof MotioneraError;
}

/**
 * Things a draft can be made despite, that the user should hear about. All but
 * `fact_optional_missing` are "kontrollera" items: something in the text the signer must
 * check before filing (see `DraftReview`).
 */
export type DraftWarning =
  | Extract<ErrorDetails, { code: "fact_stale" }>
  | { code: "fact_optional_missing"; key: string; label: string; subjectName: string }
  /** The text names the default committee ("socialnämnden"); the registry does not know the real one. */
  | { code: "committee_default"; committee: string; subjectName: string; inPlace: string }
  /** A cited source lacks its title, date or URL. */
  | {
      code: "source_incomplete";
      source: string;
      missing: ("title" | "date" | "url")[];
      /** The source is a record's (a filed document's step), not a fact's: it is completed in the document. */
      record?: true;
    }
  /** A cited source was published by a party none of the signers belongs to. */
  | { code: "source_other_party"; source: string; parties: string[] }
  /** An interpellation signed by more than one member (most arbetsordningar allow one). */
  | { code: "several_interpellants"; count: number };

/** The warnings that are "kontrollera" items, as opposed to notes on what was left out. */
export function isCheck(w: DraftWarning): boolean {
  return w.code !== "fact_optional_missing";
}

/**
 * What the signer must do before filing a draft: fill in every placeholder (listed by what
 * it asks for, in reading order) and check every "kontrollera" item.
 */
export interface DraftReview {
  placeholders: string[];
  checks: DraftWarning[];
}
