/**
 * All a store holds, as one value: for `motionera db copy` between engines (the embedded file and
 * PostgreSQL), and the checksum that shows a copy lost nothing. The checksum is over a canonical
 * form (object keys sorted; facts and documents by id, the keys in catalog order, tokens by
 * name, the audit log by number, saved drafts by id), since PostgreSQL's jsonb does not keep the order of an
 * object's keys.
 */
import { createHash } from "node:crypto";
import type { CorpusDocument } from "../domain/corpus-document.js";
import type { Fact } from "../domain/fact.js";
import type { FactDefinition } from "../domain/fact-key.js";
import type { ApiToken } from "../domain/api-token.js";
import type { AuditEntry } from "../domain/audit.js";
import type { SavedDraft } from "../domain/saved-draft.js";
import type { CouncilMeeting, Filing } from "../domain/filing.js";

export interface StoreSnapshot {
  facts: readonly Fact[];
  factKeys: readonly FactDefinition[];
  shippedKeysOffered: readonly string[];
  documents: readonly CorpusDocument[];
  /** The named API tokens (hashes only), in the order made. */
  tokens: readonly ApiToken[];
  /** The audit log, oldest first. */
  audit: readonly AuditEntry[];
  /** Saved drafts with their versions (a snapshot made before they existed has none). */
  savedDrafts?: readonly SavedDraft[];
  /** Filed documents with their history, and the council meetings. */
  filings: readonly Filing[];
  meetings: readonly CouncilMeeting[];
}

export interface SnapshotSummary {
  facts: number;
  factKeys: number;
  documents: number;
  tokens: number;
  audit: number;
  savedDrafts: number;
  filings: number;
  meetings: number;
  /** SHA-256 of the canonical form, hex. */
  checksum: string;
}

/** JSON with every object's keys sorted, so equal data gives equal text whatever the engine. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

export function summarise(s: StoreSnapshot): SnapshotSummary {
  const form = canonical({
    facts: byId(s.facts),
    factKeys: s.factKeys,
    shippedKeysOffered: [...s.shippedKeysOffered].sort(),
    documents: byId(s.documents),
    tokens: [...s.tokens].sort((a, b) => (a.name < b.name ? -1 : 1)),
    audit: [...s.audit].sort((a, b) => a.seq - b.seq),
    savedDrafts: byId(s.savedDrafts ?? []),
    filings: byId(s.filings),
    meetings: [...s.meetings].sort((a, b) =>
      `${a.municipality.code}|${a.date}|${a.body}` < `${b.municipality.code}|${b.date}|${b.body}` ? -1 : 1,
    ),
  });
  return {
    facts: s.facts.length,
    factKeys: s.factKeys.length,
    documents: s.documents.length,
    tokens: s.tokens.length,
    audit: s.audit.length,
    savedDrafts: (s.savedDrafts ?? []).length,
    filings: s.filings.length,
    meetings: s.meetings.length,
    checksum: createHash("sha256").update(form, "utf8").digest("hex"),
  };
}
