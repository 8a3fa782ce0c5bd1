import { z } from "./zod.js";
import { argumentRefPattern } from "./corpus-refs.js";
import { isoDateSchema } from "./partial-date.js";
import { signerSchema } from "./signer.js";
import { textLimits, tooLong } from "./text-limits.js";

/**
 * A template's input values as a request gives them, by input name. Each value is checked
 * against its input when the template is known: its type, and its own maxLength (300 for
 * string, 20 000 for text by default, never more than textLimits.inputMaxLength), so the
 * message names the input and its real limit.
 */
export const inputValuesSchema = z.record(
  z.string().max(textLimits.inputName, tooLong("inputName")),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);

/** What a caller asks for: the same shape from the CLI, the API and the web form. */
export const draftRequestSchema = z.object({
  template: z.string().trim().min(1).max(100),
  municipality: z.string().trim().min(1).max(100),
  authors: z.array(signerSchema).min(1, "minst en undertecknare").max(50),
  /** The document's date (YYYY-MM-DD); today in Sweden when left out. */
  date: isoDateSchema.optional(),
  inputs: inputValuesSchema.default({}),
  /** Arguments from the corpus to include, as "documentId#index" (the index in its arguments). */
  arguments: z.array(z.string().regex(argumentRefPattern, 'skrivs "dokument-id#nummer"')).max(20).default([]),
  /**
   * The body as the user edited it ("Redigera texten"): restricted Markdown with note marks
   * `[^n]`, "[FYLL I: …]" and the form's parts as tokens "⟦underskrifter⟧" (see
   * compose/edited-body.ts). It replaces the template's text; the form still gives signers and date.
   */
  editedMarkdown: z.string().max(textLimits.editedText, tooLong("editedText")).optional(),
  /**
   * What the text was edited from: the template and municipality (an edit made for another is
   * refused, not silently applied) and the citation each note number stood for (`citationId`).
   */
  editedFrom: z
    .object({
      template: z.string().trim().min(1).max(100),
      municipality: z.string().trim().min(1).max(100),
      notes: z.array(z.string().max(textLimits.reference)).max(1_000).optional(),
    })
    .optional(),
  /** Stale facts are errors instead of warnings. */
  strict: z.boolean().default(false),
});
export type DraftRequest = z.input<typeof draftRequestSchema>;
