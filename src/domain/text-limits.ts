/**
 * The longest text each free-text field takes, in characters (as JavaScript counts them:
 * an emoji outside the BMP is two). The schemas take their `max` from here, so the command
 * line, the API (OpenAPI shows `maxLength`), imports and the web forms refuse the same values
 * with the same message, naming the field: "källans titel får vara högst 500 tecken, men är
 * 612". README (facts) and RELIABILITY.md state these figures.
 *
 * The database is validated with the same schemas when it is read; every value the project
 * ships is far below these limits (the longest: a fact text of 85, a note of 134, a source
 * title of 105, a URL of 151 characters; a corpus summary of 716).
 */
// The one way up from domain/: the schemas' too-long message names the field in Swedish and formats its numbers
// (lang/), so every surface refuses a long value alike; see README, Layout.
// biome-ignore lint/style/noRestrictedImports: the schemas' shared too-long message (above)
import { explainTooLong, limitedFieldNames } from "../messages.sv.js";

export const textLimits = {
  // A fact and its source.
  factText: 2_000,
  note: 1_000,
  sourceTitle: 500,
  sourcePublisher: 200,
  url: 2_000,
  // A corpus document. The tagger clips what it infers well below these (titles 300,
  // summaries 600, att-satser and questions 1 000, claims 300, addressees 200).
  documentTitle: 500,
  summary: 5_000,
  addressee: 300,
  outlet: 200,
  claim: 1_000,
  proposal: 2_000,
  question: 2_000,
  factReference: 200,
  /** A source's own id or designation ("H2021148", "2014/15:1148"). */
  externalId: 200,
  /** A decision, a category or a committee as the source names it ("Avslag", "Enskild motion", "CU"). */
  decision: 300,
  /** An imported document's publisher is its signers' names when no outlet is given: one per signer. */
  documentPublisher: 2_000,
  reference: 1_000,
  fileName: 1_000,
  // Signers and authors.
  signerName: 200,
  signerParty: 60,
  signerRole: 300,
  party: 80,
  /**
   * A template's inputs: each input's own maxLength applies (300 for string, 20 000 for text
   * by default, checked in src/compose/inputs.ts); no template may set it higher than this.
   */
  inputMaxLength: 100_000,
  /** The name of a template's input, as a request gives it. */
  inputName: 100,
  /** A draft's text as the user edited it ("Redigera texten"): the whole body. */
  editedText: 200_000,
  /** A campaign's fact condition ("population>50000"). */
  condition: 300,
  /** A filed document's diary number (diarienummer, "KS 2026/123"). */
  diaryNumber: 100,
  /** The body or committee a filed document went to ("kommunfullmäktige", "socialnämnden"). */
  body: 300,
  /** The answer to a filed interpellation, as text. */
  answer: 100_000,
} as const;

export type LimitedField = keyof typeof textLimits;

/** zod's parameters for a field's `max`: the message names the field and says how long the value is. */
export function tooLong(field: LimitedField): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) =>
      explainTooLong(
        limitedFieldNames[field],
        textLimits[field],
        typeof issue.input === "string" ? issue.input.length : undefined,
      ),
  };
}
