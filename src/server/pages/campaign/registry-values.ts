/**
 * What the picker offers: the facts a condition can be about (those a municipality's draft can
 * cite), by label, and for a yes/no or text fact the values the registry holds for the
 * municipalities, with how many have each.
 */
import { citedValue } from "../../../campaign/conditions.js";
import { allMunicipalities } from "../../../data/places.js";
import type { FactCatalog } from "../../../facts/catalog.js";
import type { FactRegistry } from "../../../facts/registry.js";
import type { PickerFact, ValueCount } from "./picker.js";

/** More different texts than this are typed, not chosen. */
const maxChoices = 40;

export function pickerFacts(catalog: FactCatalog): PickerFact[] {
  return catalog
    .list()
    .filter((d) => d.scopes.includes("kommun") || d.coversMunicipalities)
    .map((d) => ({ key: d.key, label: d.label, type: d.type }))
    .sort((a, b) => a.label.localeCompare(b.label, "sv"));
}

/** The values of `key` across the municipalities; undefined where the value is typed (numbers, dates, many). */
export function registryValues(catalog: FactCatalog, registry: FactRegistry, key: string): ValueCount[] | undefined {
  const def = catalog.get(key);
  if (!def || (def.type !== "boolean" && def.type !== "text")) return undefined;
  const counts = new Map<string, number>();
  for (const place of allMunicipalities()) {
    const v = citedValue(registry, place, key);
    if (!v) continue;
    const shown = v.type === "boolean" ? (v.value ? "ja" : "nej") : String(v.value);
    counts.set(shown, (counts.get(shown) ?? 0) + 1);
  }
  if (def.type === "text" && counts.size > maxChoices) return undefined;
  const values = [...counts].map(([value, count]) => ({ value, count }));
  // A yes/no fact offers both answers, even one no municipality has yet.
  if (def.type === "boolean")
    for (const value of ["ja", "nej"]) if (!counts.has(value)) values.push({ value, count: 0 });
  return values.sort((a, b) => a.value.localeCompare(b.value, "sv"));
}
