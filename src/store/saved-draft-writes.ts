/**
 * What saving a draft means, shared by every store engine so they agree exactly: a new draft's
 * unguessable id and first version, the next version of one, the audit entry of each, and which
 * drafts a listing by actor gives.
 */
import { randomBytes } from "node:crypto";
import { actorName, type Actor } from "../domain/actor.js";
import { MotioneraError } from "../domain/errors.js";
import {
  savedDraftSchema,
  savedDraftVersionsMax,
  type SavedDraft,
  type SavedDraftState,
} from "../domain/saved-draft.js";
import type { AuditDraft } from "./audit-writes.js";

/** 128 random bits, base64url (22 characters): a link nobody can guess. */
export const newSavedDraftId = (): string => randomBytes(16).toString("base64url");

/** Which drafts a listing gives: those `by` made or saved a version of (every draft without `by`). */
export interface SavedDraftFilter {
  by?: Actor;
}

/** Validated whole, as the database is when read: a state the schema refuses is refused before anything is written. */
function valid(draft: SavedDraft): SavedDraft {
  const parsed = savedDraftSchema.safeParse(draft);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new MotioneraError({
    code: "input_invalid",
    field: first?.path.map(String).join(".") ?? "",
    problem: first?.message ?? "ogiltigt utkast",
  });
}

/** A new draft of one version, saved now by `actor`. */
export function planSavedDraft(
  state: SavedDraftState,
  actor: Actor,
  options: { duplicatedFrom?: string | undefined } = {},
): { draft: SavedDraft; audit: AuditDraft } {
  const at = new Date().toISOString();
  const draft = valid({
    id: newSavedDraftId(),
    createdAt: at,
    createdBy: actor,
    ...(options.duplicatedFrom ? { duplicatedFrom: options.duplicatedFrom } : {}),
    versions: [{ number: 1, savedAt: at, savedBy: actor, factsAt: at, state }],
  });
  return { draft, audit: { action: "draft.save", ids: [draft.id], at } };
}

/** The draft with one more version, saved now by `actor`. */
export function planSavedDraftVersion(
  draft: SavedDraft,
  state: SavedDraftState,
  actor: Actor,
): { draft: SavedDraft; audit: AuditDraft } {
  if (draft.versions.length >= savedDraftVersionsMax)
    throw new MotioneraError({
      code: "input_invalid",
      field: "versions",
      problem: `ett utkast har högst ${savedDraftVersionsMax} versioner; duplicera det för att fortsätta`,
    });
  const at = new Date().toISOString();
  const number = draft.versions.length + 1;
  const next = valid({
    ...draft,
    versions: [...draft.versions, { number, savedAt: at, savedBy: actor, factsAt: at, state }],
  });
  return { draft: next, audit: { action: "draft.version", ids: [draft.id], at } };
}

/** Whether a listing by `filter` gives the draft. */
export function savedDraftMatches(draft: SavedDraft, filter: SavedDraftFilter): boolean {
  if (!filter.by) return true;
  const name = actorName(filter.by);
  return actorName(draft.createdBy) === name || draft.versions.some((v) => actorName(v.savedBy) === name);
}

/** Newest save first. */
export const byLastSave = (a: SavedDraft, b: SavedDraft): number => {
  const at = (d: SavedDraft) => d.versions[d.versions.length - 1]!.savedAt;
  return at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : a.id < b.id ? -1 : 1;
};
