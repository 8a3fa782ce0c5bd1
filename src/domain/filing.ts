/**
 * A filed document (ett ärende): a motion or an interpellation handed in to the council, and
 * each step of its life as it happened — filed (inlämnad, with its diary number), sent for
 * preparation (remitterad till a committee), answered (besvarad), decided (beslutad: bifall,
 * avslag, besvarad, avskriven, with the protocol as source). Steps are events: a correction is
 * a new event naming the one it corrects, so the history keeps who recorded what and when.
 */
import { z } from "./zod.js";
import { actorSchema } from "./actor.js";
import { isoDateSchema } from "./partial-date.js";
import { textLimits, tooLong } from "./text-limits.js";
import { corpusAuthorSchema, placeRefSchema } from "./corpus-refs.js";

export const filingKinds = ["motion", "interpellation"] as const;
export const filingKindSchema = z.enum(filingKinds);
export type FilingKind = z.infer<typeof filingKindSchema>;

/** The council's decision on a motion (an interpellation is answered, not decided). */
export const filingDecisions = ["bifall", "avslag", "besvarad", "avskriven"] as const;
export const filingDecisionSchema = z.enum(filingDecisions);
export type FilingDecision = z.infer<typeof filingDecisionSchema>;

/** A filing's id: lower-case letters, digits and hyphens ("2026-03-02-fler-elever-ska-klara-skolan"). */
export const filingIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "a–z, siffror och bindestreck");

const text = (limit: keyof typeof textLimits) => z.string().trim().min(1).max(textLimits[limit], tooLong(limit));

/** The protocol (or other document) a decision is recorded in: its source. */
export const protocolSchema = z.object({
  title: text("sourceTitle"),
  publisher: text("sourcePublisher"),
  date: isoDateSchema,
  url: z.string().max(textLimits.url, tooLong("url")).url().optional(),
  /** The paragraph of the protocol ("§ 45"). */
  paragraph: z.string().trim().min(1).max(50).optional(),
});
export type Protocol = z.infer<typeof protocolSchema>;

export const filingStepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("filed"), date: isoDateSchema, dnr: text("diaryNumber"), body: text("body") }),
  z.object({ kind: z.literal("referred"), date: isoDateSchema, committee: text("body") }),
  z.object({
    kind: z.literal("answered"),
    date: isoDateSchema,
    by: text("signerName"),
    /** The answer as text, or the file it lies in (a path or an address), or both. */
    answer: text("answer").optional(),
    file: text("fileName").optional(),
  }),
  z.object({
    kind: z.literal("decided"),
    date: isoDateSchema,
    decision: filingDecisionSchema,
    protocol: protocolSchema,
  }),
]);
export type FilingStep = z.infer<typeof filingStepSchema>;
export type FilingStepKind = FilingStep["kind"];

export const filingEventSchema = z.object({
  /** 1, 2, 3 … within the filing, in the order recorded. */
  seq: z.number().int().positive(),
  /** When it was recorded (ISO), and by whom. */
  at: z.string().datetime(),
  by: actorSchema,
  step: filingStepSchema,
  /** The event this one corrects (its step replaces that one's). */
  corrects: z.number().int().positive().optional(),
  /** Why, for a correction. */
  reason: z.string().trim().min(1).max(textLimits.note, tooLong("note")).optional(),
});
export type FilingEvent = z.infer<typeof filingEventSchema>;

export const filingSchema = z.object({
  id: filingIdSchema,
  kind: filingKindSchema,
  title: text("documentTitle"),
  municipality: placeRefSchema,
  signers: z.array(corpusAuthorSchema).min(1).max(50),
  /** Every event, oldest first; the first is the filing itself. */
  events: z.array(filingEventSchema).min(1),
});
export type Filing = z.infer<typeof filingSchema>;

/** A filing as a caller submits it: the store names it and records the first event. */
export const newFilingSchema = filingSchema.omit({ id: true, events: true }).extend({
  filed: filingStepSchema.options[0],
});
export type NewFiling = z.infer<typeof newFilingSchema>;

/** A step (or a correction of one) as a caller submits it: the store numbers and stamps it. */
export const newFilingEventSchema = filingEventSchema.pick({ step: true, corrects: true, reason: true });
export type NewFilingEvent = z.infer<typeof newFilingEventSchema>;

/** A council meeting (sammanträde) of a municipality: the dates deadlines are counted to. */
export const councilMeetingSchema = z.object({
  municipality: placeRefSchema,
  date: isoDateSchema,
  body: text("body"),
});
export type CouncilMeeting = z.infer<typeof councilMeetingSchema>;
