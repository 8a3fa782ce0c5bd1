/**
 * A saved draft (issue 16, "Saved drafts"): the draft form's state kept in the store under an
 * unguessable id (128 random bits, base64url), so that the link can be shared with a colleague.
 * Each save adds a version (who and when); nothing is overwritten. `factsAt` is the instant of
 * the save: a re-render "with the facts as they were" uses only the facts recorded by then.
 */
import { z } from "./zod.js";
import { actorSchema } from "./actor.js";
import { textLimits } from "./text-limits.js";

/** 16 random bytes as base64url: 22 characters of A–Z, a–z, 0–9, "-" and "_". */
export const savedDraftIdPattern = /^[A-Za-z0-9_-]{22}$/;
export const savedDraftIdSchema = z
  .string()
  .regex(savedDraftIdPattern, "ett utkasts id är 22 tecken (A–Z, 0–9, - och _)");

/** The most versions one draft keeps (a save beyond it is refused: duplicate the draft instead). */
export const savedDraftVersionsMax = 500;
/** The longest edited text kept with a version. */
export const editedMarkdownMax = 200_000;

const short = z.string().max(textLimits.inputMaxLength);

/** One signer row of the form, as typed (the form's select value for the party, and a local party's name). */
export const savedSignerRowSchema = z.object({
  name: z.string().max(300),
  party: z.string().max(300),
  partyOther: z.string().max(300),
  role: z.string().max(300),
});

/** The draft form's state as saved: what was chosen and typed, unchecked (a draft may be half done). */
export const savedDraftStateSchema = z.object({
  template: z.string().max(100),
  kommun: z.string().max(100),
  signers: z.array(savedSignerRowSchema).max(50),
  /** The document's date, YYYY-MM-DD (as typed). */
  date: z.string().max(20),
  /** Raw values of the template's own inputs, by input name. */
  inputs: z.record(z.string().max(textLimits.inputName), short),
  /** Ticked arguments, "documentId#index". */
  arguments: z.array(z.string().max(300)).max(20),
  /** The whole edited body in the pipeline's restricted Markdown ("Redigera texten"), when the text was edited. */
  editedMarkdown: z.string().max(editedMarkdownMax).optional(),
});
export type SavedDraftState = z.infer<typeof savedDraftStateSchema>;

export const savedDraftVersionSchema = z.object({
  /** 1, 2, 3 … */
  number: z.number().int().positive(),
  /** When it was saved (ISO). */
  savedAt: z.string().datetime(),
  savedBy: actorSchema,
  /** The instant whose recorded facts "the facts as they were when saved" means (the save time, ISO). */
  factsAt: z.string().datetime(),
  state: savedDraftStateSchema,
});
export type SavedDraftVersion = z.infer<typeof savedDraftVersionSchema>;

export const savedDraftSchema = z
  .object({
    id: savedDraftIdSchema,
    createdAt: z.string().datetime(),
    createdBy: actorSchema,
    /** The draft this one was duplicated from. */
    duplicatedFrom: savedDraftIdSchema.optional(),
    /** Oldest first; the last is the draft as it stands. */
    versions: z.array(savedDraftVersionSchema).min(1).max(savedDraftVersionsMax),
  })
  .superRefine((d, ctx) => {
    d.versions.forEach((v, i) => {
      if (v.number !== i + 1)
        ctx.addIssue({ code: "custom", path: ["versions", i, "number"], message: `ska vara ${i + 1}` });
    });
  });
export type SavedDraft = z.infer<typeof savedDraftSchema>;

/** The draft as it stands: its newest version. */
export const currentVersion = (d: SavedDraft): SavedDraftVersion => d.versions[d.versions.length - 1]!;
