/**
 * Who recorded each fact and when, from the audit log: the entry that lists the fact's id, or
 * (an import larger than an entry lists) the entry made at the instant the fact was recorded.
 * A fact with no entry is older than the log (the shipped data).
 */
import type { AuditEntry } from "../domain/audit.js";
import type { Fact } from "../domain/fact.js";
import { auditListMax } from "../store/audit-writes.js";
import type { Store } from "../store/store.js";

export async function factEntries(store: Store, facts: readonly Fact[]): Promise<Map<string, AuditEntry>> {
  const subjects = [...new Set(facts.map((f) => f.subject))];
  const entries = (await Promise.all(subjects.map((subject) => store.audit({ subject, limit: auditListMax })))).flat();
  const byId = new Map<string, AuditEntry>();
  for (const e of entries) for (const id of e.ids) if (!byId.has(id)) byId.set(id, e);
  const out = new Map<string, AuditEntry>();
  for (const f of facts) {
    const e =
      byId.get(f.id) ??
      entries.find((x) => x.count > x.ids.length && x.at === f.recordedAt && x.subjects.includes(f.subject));
    if (e) out.set(f.id, e);
  }
  return out;
}
