/**
 * The audit log: one entry per write to the store, made in the same write, saying when, who
 * (the actor), what kind of write, and what it touched: how many things, their ids (the first
 * `auditIdsKept` of them) and the municipalities (subject codes) whose facts or documents changed.
 */
import { z } from "./zod.js";
import { actorSchema } from "./actor.js";

export const auditActions = [
  "fact.add",
  "facts.import",
  "facts.fetch",
  "factKeys.change",
  "documents.put",
  "token.create",
  "token.revoke",
  "draft.save",
  "draft.version",
  "filing.add",
  "filing.step",
  "meetings.add",
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** An entry lists at most this many ids (an import of more keeps the count, and the time it shares with its facts). */
export const auditIdsKept = 1000;

export const auditEntrySchema = z.object({
  /** 1, 2, 3 … in the order written. */
  seq: z.number().int().positive(),
  /** When (ISO); for facts the same instant as their `recordedAt`. */
  at: z.string().datetime(),
  actor: actorSchema,
  action: auditActionSchema,
  /** How many things the write added or changed. */
  count: z.number().int().nonnegative(),
  /**
   * Their ids: fact ids, document ids, fact keys (a fetch: the keys it added, then its facts) or
   * a token's name, a saved draft's id (at most auditIdsKept).
   */
  ids: z.array(z.string()).max(auditIdsKept),
  /** The subject codes (municipality, county, SE) whose facts or documents it changed. */
  subjects: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Which entries to list: those touching a fact id or a subject; newest first, at most `limit`. */
export interface AuditFilter {
  fact?: string;
  subject?: string;
  limit?: number;
}

/** An entry before the store numbers it. */
export type NewAuditEntry = Omit<AuditEntry, "seq">;
