/**
 * "Visa urvalet" in full: for every municipality of the base selection (counties and list),
 * whether the conditions select it and why — for each condition the value (and its as-of)
 * it was judged on, or that the registry has none — and, for the selected ones, the facts the
 * template reads that are older than it accepts. Nothing here is worded: each edge says it.
 */
import type { Template } from "../compose/template-library.js";
import type { FactValue } from "../domain/fact.js";
import type { Place } from "../domain/municipality.js";
import type { PartialDate } from "../domain/partial-date.js";
import { canAge, factDefinition } from "../facts/catalog.js";
import type { FactRegistry } from "../facts/registry.js";
import { isStale, oldestAcceptable } from "../facts/staleness.js";
import { matches, type Condition } from "./conditions.js";

export interface ConditionOutcome {
  condition: Condition;
  holds: boolean;
  /** The value the condition was judged on (the one a draft would cite), if the registry has one. */
  value?: FactValue;
  asOf?: PartialDate | null;
  /** Whose value it is: the municipality, or its county or the country where the catalog allows. */
  subjectName?: string;
}

export interface StaleFact {
  key: string;
  asOf: PartialDate | null;
  /** The oldest as-of the template accepts for the campaign's date. */
  oldest: string;
}

export interface SelectionRow {
  place: Place;
  selected: boolean;
  outcomes: ConditionOutcome[];
  /** Left out only because the registry lacks the facts of these keys (adding them would decide it). */
  missingKeys: string[];
  /** For a selected municipality: facts the template reads that are older than it accepts. */
  stale: StaleFact[];
}

export function selectionReport(
  places: readonly Place[],
  conditions: readonly Condition[],
  registry: FactRegistry,
  opts: { template?: Template | undefined; date: string },
): SelectionRow[] {
  return places.map((place) => {
    const outcomes = conditions.map((condition): ConditionOutcome => {
      const found = registry.resolve(place, condition.key);
      return {
        condition,
        holds: matches(condition, registry, place),
        ...(found ? { value: found.fact.value, asOf: found.fact.asOf, subjectName: found.subjectName } : {}),
      };
    });
    const failing = outcomes.filter((o) => !o.holds);
    const selected = failing.length === 0;
    const missingKeys =
      !selected && failing.every((o) => o.value === undefined && o.condition.op !== "missing")
        ? [...new Set(failing.map((o) => o.condition.key))]
        : [];
    return { place, selected, outcomes, missingKeys, stale: selected ? staleFacts(place, registry, opts) : [] };
  });
}

/** The template's facts for `place` that are older than the template accepts on `date`. */
function staleFacts(place: Place, registry: FactRegistry, opts: { template?: Template | undefined; date: string }) {
  const fm = opts.template?.frontMatter;
  if (!fm) return [];
  const out: StaleFact[] = [];
  for (const need of fm.facts) {
    if (!canAge(factDefinition(need.key))) continue;
    const found = registry.resolve(place, need.key);
    if (!found) continue;
    const oldest = oldestAcceptable(need.maxAge ?? fm.maxAge, opts.date);
    if (isStale(found.fact, oldest)) out.push({ key: need.key, asOf: found.fact.asOf, oldest });
  }
  return out;
}
