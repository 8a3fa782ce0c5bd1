/** A fact for tests of our own: id from subject, key and as-of; a source unless one is given. */
import type { Fact } from "../../src/domain/fact.js";

export const testSource = { title: "Testkälla", publisher: "Testförlaget", date: "2023-02-21" };

export function testFact(
  subject: string,
  key: string,
  value: Fact["value"],
  asOf: string | null,
  source: Fact["source"] = testSource,
): Fact {
  return { id: `${subject}.${key}.${asOf}`, subject, key, value, asOf, source, recordedAt: "2026-01-01T00:00:00.000Z" };
}

/** A fact key of our own, for tests that add a key to the catalog (not a shipped key). */
export const snowCostKey = {
  key: "snow_cost",
  label: "Kostnad för snöröjning",
  description: "Kronor per invånare.",
  type: "number",
  scopes: ["kommun"],
} as const;
