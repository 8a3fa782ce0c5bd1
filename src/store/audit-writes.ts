/**
 * What a write records in the audit log and what a token write means, shared by every store
 * engine so they agree exactly: the entry of each kind of write (its actor taken when the
 * write is asked for), which entries a filter selects, and the checks on a new token.
 */
import type { Actor } from "../domain/actor.js";
import { apiTokenSchema, type ApiToken, type NewApiToken } from "../domain/api-token.js";
import {
  auditIdsKept,
  type AuditAction,
  type AuditEntry,
  type AuditFilter,
  type NewAuditEntry,
} from "../domain/audit.js";
import type { CorpusDocument } from "../domain/corpus-document.js";
import { MotioneraError } from "../domain/errors.js";
import type { Fact } from "../domain/fact.js";
import type { FactDefinition } from "../domain/fact-key.js";
import { nearest } from "../lang/nearest.js";

/** The most entries one listing gives. */
export const auditListMax = 1000;
/** Entries listed when no limit is asked for. */
export const auditListDefault = 50;

/** What a write touched, before the store stamps it. */
export interface AuditDraft {
  action: AuditAction;
  ids: readonly string[];
  subjects?: readonly string[];
  /** Defaults to the number of ids. */
  count?: number;
  /** Defaults to now; a write of facts uses their `recordedAt`. */
  at?: string;
}

/** The entry for a write made by `actor`: ids capped at auditIdsKept, subjects once each, in order. */
export function auditEntry(actor: Actor, d: AuditDraft): NewAuditEntry {
  return {
    at: d.at ?? new Date().toISOString(),
    actor,
    action: d.action,
    count: d.count ?? d.ids.length,
    ids: d.ids.slice(0, auditIdsKept),
    subjects: [...new Set(d.subjects ?? [])].sort(),
  };
}

/** The entry of facts recorded (none: nothing to record). */
export function factsAudit(action: AuditAction, added: readonly Fact[]): AuditDraft | undefined {
  if (added.length === 0) return undefined;
  return {
    action,
    ids: added.map((f) => f.id),
    subjects: added.map((f) => f.subject),
    at: added[0]!.recordedAt,
  };
}

/** The entry of documents put. */
export function documentsAudit(docs: readonly CorpusDocument[]): AuditDraft | undefined {
  if (docs.length === 0) return undefined;
  const ids = [...new Set(docs.map((d) => d.id))];
  const subjects = docs.flatMap((d) => [d.municipality?.code, d.county?.code]).filter((c): c is string => !!c);
  return { action: "documents.put", ids, subjects };
}

/** The entry of a change to the key catalog: the keys added, removed, changed or moved. */
export function factKeysAudit(before: readonly FactDefinition[], after: readonly FactDefinition[]): AuditDraft {
  const was = new Map(before.map((k, i) => [k.key, { text: JSON.stringify(k), i }]));
  const now = new Map(after.map((k, i) => [k.key, { text: JSON.stringify(k), i }]));
  const changed = [
    ...after.filter((k) => was.get(k.key)?.text !== now.get(k.key)?.text || was.get(k.key)?.i !== now.get(k.key)?.i),
    ...before.filter((k) => !now.has(k.key)),
  ].map((k) => k.key);
  return { action: "factKeys.change", ids: changed };
}

/** Whether an entry is one the filter asks for; `recordedAt`: the filtered fact's, if stored. */
export function auditMatches(e: AuditEntry, filter: AuditFilter, recordedAt?: string): boolean {
  if (filter.subject !== undefined && !e.subjects.includes(filter.subject)) return false;
  if (filter.fact !== undefined) {
    // An import of more facts than an entry lists: the entry made at the instant the fact was recorded.
    const truncated = e.count > e.ids.length && recordedAt !== undefined && e.at === recordedAt;
    if (!e.ids.includes(filter.fact) && !truncated) return false;
  }
  return true;
}

/** The number of entries to list. */
export function auditLimit(filter: AuditFilter): number {
  return Math.max(1, Math.min(auditListMax, Math.floor(filter.limit ?? auditListDefault)));
}

/**
 * A new token as stored, validated (input_invalid naming the field); a name in use, revoked or
 * not, is refused (token_exists), and so is a secret in use (never, with random secrets).
 */
export function planToken(existing: readonly ApiToken[], input: NewApiToken, createdBy: Actor): ApiToken {
  const parsed = apiTokenSchema.safeParse({ ...input, createdAt: new Date().toISOString(), createdBy });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new MotioneraError({
      code: "input_invalid",
      field: first?.path.map(String).join(".") ?? "",
      problem: first?.message ?? "ogiltig token",
    });
  }
  const same = existing.find((t) => t.name === parsed.data.name);
  if (same) throw new MotioneraError({ code: "token_exists", name: same.name, revoked: same.revokedAt !== undefined });
  if (existing.some((t) => t.hash === parsed.data.hash))
    throw new MotioneraError({ code: "input_invalid", field: "hash", problem: "hemligheten används redan" });
  return parsed.data;
}

/** The token to revoke, or token_unknown with the nearest names. */
export function tokenToRevoke(existing: readonly ApiToken[], name: string): ApiToken {
  const found = existing.find((t) => t.name === name);
  if (found) return found;
  throw new MotioneraError({
    code: "token_unknown",
    name,
    suggestions: nearest(
      name,
      existing.map((t) => t.name),
      3,
    ),
  });
}
