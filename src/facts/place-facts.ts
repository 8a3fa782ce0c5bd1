/**
 * Everything the registry knows that bears on one municipality: its own, its county's, the
 * nation's, and the facts computed from the registry for its county and the nation.
 */
import type { Fact } from "../domain/fact.js";
import type { Place } from "../domain/municipality.js";
import { partialDateEnd } from "../domain/partial-date.js";
import { formatAge } from "../lang/dates.js";
import { factDefinition, type FactScope } from "./catalog.js";
import { formatFactValue } from "./format-value.js";
import { subjectsOf, type FactRegistry } from "./registry.js";

export interface FactRow {
  scope: FactScope;
  subject: string;
  subjectName: string;
  key: string;
  label: string;
  value: string;
  asOf: string | null;
  /** "2 år och 9 månader", or null when undated. */
  age: string | null;
  note?: string;
  source: Fact["source"];
  /** True for the latest value of its key; older values are history. */
  latest: boolean;
  fact: Fact;
}

export function factRowsForPlace(registry: FactRegistry, place: Place, today: string): FactRow[] {
  const now = new Date(`${today}T00:00:00Z`);
  const rows: FactRow[] = [];
  const derived = registry.derivedFacts(place);
  for (const s of subjectsOf(place)) {
    // Computed facts (counts over the municipalities) follow the subject's stored ones.
    const facts = [
      ...registry.aboutSubject(s.subject),
      ...derived.filter((d) => d.subject === s.subject).map((d) => d.fact),
    ];
    for (const fact of facts) {
      const def = factDefinition(fact.key);
      rows.push({
        scope: s.scope,
        subject: s.subject,
        subjectName: s.name,
        key: fact.key,
        label: def?.label ?? fact.key,
        value: formatFactValue(fact.value, def),
        asOf: fact.asOf,
        age: fact.asOf ? formatAge(partialDateEnd(fact.asOf), now) : null,
        ...(fact.note ? { note: fact.note } : {}),
        source: fact.source,
        latest: registry.latest(s.subject, fact.key)?.id === fact.id,
        fact,
      });
    }
  }
  return rows;
}
