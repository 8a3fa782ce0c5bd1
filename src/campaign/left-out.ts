/**
 * Which municipalities a campaign's conditions leave out only because the registry has no value
 * for a key a condition reads ("mika_kast_agreement=nej" where nothing is known): adding the
 * fact would decide them. A municipality left out by a value it has is not listed.
 */
import type { Place } from "../domain/municipality.js";
import type { FactRegistry } from "../facts/registry.js";
import { citedValue, matches, type Condition } from "./conditions.js";

export interface LeftOutForMissing {
  place: Place;
  /** The keys of the failing conditions, each without a value for the municipality. */
  keys: string[];
}

export function leftOutForMissing(
  places: readonly Place[],
  conditions: readonly Condition[],
  registry: FactRegistry,
): LeftOutForMissing[] {
  const out: LeftOutForMissing[] = [];
  for (const place of places) {
    const failing = conditions.filter((c) => !matches(c, registry, place));
    if (failing.length === 0) continue;
    if (!failing.every((c) => c.op !== "missing" && citedValue(registry, place, c.key) === undefined)) continue;
    out.push({ place, keys: [...new Set(failing.map((c) => c.key))] });
  }
  return out;
}
