/**
 * Derived facts: computed from the registry when asked for, never typed. A derived key (see
 * `derived` in the catalog) counts, for a county or the country, the municipalities whose
 * latest value of another key satisfies a condition. The computed fact carries its own
 * provenance and invents none: its source says it was computed here (publisher "Motionera",
 * dated by the latest underlying entry) from how many of how many municipalities, and its
 * note says how many had no value and names every underlying source (title and publisher).
 */
import type { Fact } from "../domain/fact.js";
import { valueSatisfies } from "../domain/fact-condition.js";
import type { ValueCondition } from "../domain/fact-key.js";
import type { Place } from "../domain/municipality.js";
import { comparePartialDates } from "../domain/partial-date.js";
import { allMunicipalities, countyByCode, municipalitiesInCounty } from "../data/places.js";
import {
  activeFactCatalog,
  factDefinition,
  scopeOfSubject,
  type DerivedFactDefinition,
  type FactScope,
} from "./catalog.js";

/** Publisher of every computed fact's source. */
export const derivedPublisher = "Motionera";

/** What a derived key counts when its `where` is left out: a boolean true. */
export const countsTrue: ValueCondition = { op: "=", value: { type: "boolean", value: true } };

/** Reads the stored (not derived) latest value of a key for a subject. */
export type LatestStored = (subject: string, key: string) => Fact | undefined;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The derived fact for one county ("01") or the country ("SE"), or undefined when the key
 * does not apply to that subject or no municipality there has a value to count from (a
 * count over nothing would be made up).
 */
export function computeDerivedFact(
  def: DerivedFactDefinition,
  subject: string,
  latestStored: LatestStored,
): Fact | undefined {
  const scope = scopeOfSubject(subject);
  if (scope === undefined || scope === "kommun" || !def.scopes.includes(scope)) return undefined;
  const members = scope === "lan" ? municipalitiesInCounty(subject) : allMunicipalities();
  if (members.length === 0) return undefined;
  const from = factDefinition(def.derived.from);
  const used = members.map((m) => latestStored(m.code, def.derived.from)).filter((f): f is Fact => f !== undefined);
  if (used.length === 0) return undefined;

  const where = def.derived.where ?? countsTrue;
  const count = used.filter((f) => valueSatisfies(f.value, where.op, where.value)).length;
  const dated = used.map((f) => f.asOf).filter((d): d is string => d !== null);
  const asOf = dated.length ? dated.reduce((a, b) => (comparePartialDates(a, b) >= 0 ? a : b)) : null;
  // biome-ignore lint/complexity/useMathMinMax: ISO timestamps compared as strings, not numbers
  const recordedAt = used.map((f) => f.recordedAt).reduce((a, b) => (a >= b ? a : b));
  const areaName = scope === "lan" ? (countyByCode(subject)?.name ?? subject) : "Sverige";
  const missing = members.length - used.length;
  // The underlying sources, each once: "”Protokoll KS” (Lidingö stad)", or the publisher alone for an untitled one.
  const sources = [
    ...new Set(used.map((f) => (f.source.title ? `”${f.source.title}” (${f.source.publisher})` : f.source.publisher))),
  ];
  const note = [
    ...(missing > 0 ? [`uppgift saknas för ${plural(missing, "kommun", "kommuner")}`] : []),
    `${sources.length === 1 ? "underlag" : "underlagen"}: ${sources.join(", ")}`,
  ].join("; ");

  return {
    id: `derived.${subject}.${def.key}`,
    subject,
    key: def.key,
    value: { type: "number", value: count },
    asOf,
    source: {
      title:
        `Beräknat ur faktaregistret: ${from?.label ?? def.derived.from} för ${used.length} av ${members.length} ` +
        `kommuner i ${areaName}`,
      publisher: derivedPublisher,
      // The computation reflects the registry as of its latest underlying entry.
      date: recordedAt.slice(0, 10),
    },
    note,
    recordedAt,
  };
}

/** Every derived key in the catalog. */
export function derivedDefinitions(): DerivedFactDefinition[] {
  return activeFactCatalog().derived();
}

export interface DerivedFactRow {
  scope: FactScope;
  subject: string;
  subjectName: string;
  definition: DerivedFactDefinition;
  fact: Fact;
}

/**
 * The derived facts that bear on a municipality: each derived key computed for the
 * municipality's county and the country, where the key applies and there is data to count.
 */
export function derivedFactsFor(place: Place, latestStored: LatestStored): DerivedFactRow[] {
  const subjects = [
    { scope: "lan" as const, subject: place.county.code, subjectName: place.county.name },
    { scope: "land" as const, subject: "SE", subjectName: "Sverige" },
  ];
  const rows: DerivedFactRow[] = [];
  for (const s of subjects) {
    for (const definition of derivedDefinitions()) {
      if (!definition.scopes.includes(s.scope)) continue;
      const fact = computeDerivedFact(definition, s.subject, latestStored);
      if (fact) rows.push({ ...s, definition, fact });
    }
  }
  return rows;
}
