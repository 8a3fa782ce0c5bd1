/**
 * The fact-key catalog in use: the shipped keys until a workspace installs the catalog built
 * from its store's keys (see FactCatalog and Workspace). Key definitions are data
 * (src/domain/fact-key.ts); this module keeps the lookups the rest of the code calls.
 */
import type { FactDefinition, FactScope } from "../domain/fact-key.js";
import { type FactCatalog, shippedFactCatalog } from "./fact-catalog.js";

export type {
  CountUnit,
  DerivedFactDefinition,
  DerivedFrom,
  FactDefinition,
  FactFormat,
  FactScope,
} from "../domain/fact-key.js";
export { FactCatalog, isDerived } from "./fact-catalog.js";

let active: FactCatalog = shippedFactCatalog;

/** The catalog in use now. */
export function activeFactCatalog(): FactCatalog {
  return active;
}

/** Makes a catalog (built from a store's keys) the one in use; returns the one it replaces. */
export function useFactCatalog(catalog: FactCatalog): FactCatalog {
  const before = active;
  active = catalog;
  return before;
}

/** Whether a fact's value can go out of date: not for events and other historical values. */
export function canAge(def: FactDefinition | undefined): boolean {
  return !(def?.historical || def?.inForce || def?.type === "date");
}

/** The definition of a fact key, or undefined for a key the catalog does not know. */
export function factDefinition(key: string): FactDefinition | undefined {
  return active.get(key);
}

/** The scope a subject code belongs to: "0186" → kommun, "01" → lan, "SE" → land. */
export function scopeOfSubject(subject: string): FactScope | undefined {
  if (/^\d{4}$/.test(subject)) return "kommun";
  if (/^\d{2}$/.test(subject)) return "lan";
  if (subject === "SE") return "land";
  return undefined;
}
