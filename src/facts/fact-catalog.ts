/**
 * The catalog of fact keys as an object built from data (the store's `factKeys`): lookup,
 * list, derived keys and "did you mean". The shipped keys (shipped-keys.json) seed a new
 * database and are the catalog until a store's keys are loaded.
 */
import { MotioneraError } from "../domain/errors.js";
import { factDefinitionSchema, type DerivedFactDefinition, type FactDefinition } from "../domain/fact-key.js";
import { z } from "../domain/zod.js";
import { nearest } from "../lang/nearest.js";
import type { Store } from "../store/store.js";
import shipped from "./shipped-keys.json" with { type: "json" };

export class FactCatalog {
  readonly #list: readonly FactDefinition[];
  readonly #byKey: ReadonlyMap<string, FactDefinition>;

  constructor(definitions: readonly FactDefinition[]) {
    this.#list = definitions;
    this.#byKey = new Map(definitions.map((d) => [d.key, d]));
  }

  /** The definition of a key, or undefined for a key the catalog does not know. */
  get(key: string): FactDefinition | undefined {
    return this.#byKey.get(key);
  }

  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** Every definition, in catalog order. */
  list(): readonly FactDefinition[] {
    return this.#list;
  }

  keys(): string[] {
    return this.#list.map((d) => d.key);
  }

  /** The keys whose values are computed from the registry. */
  derived(): DerivedFactDefinition[] {
    return this.#list.filter(isDerived);
  }

  /** "Did you mean": the known keys nearest to what was typed. */
  suggest(key: string): string[] {
    return nearest(key, this.keys());
  }

  /** The definition of a key, or an unknown_fact_key error with suggestions. */
  require(key: string): FactDefinition {
    const def = this.get(key);
    if (!def) throw new MotioneraError({ code: "unknown_fact_key", key, suggestions: this.suggest(key) });
    return def;
  }
}

export function isDerived(def: FactDefinition | undefined): def is DerivedFactDefinition {
  return def?.derived !== undefined;
}

const built = new WeakMap<readonly FactDefinition[], FactCatalog>();

/** The catalog of a store's keys (built once per stored list). */
export async function storeCatalog(store: Pick<Store, "factKeys">): Promise<FactCatalog> {
  const keys = await store.factKeys();
  let catalog = built.get(keys);
  if (!catalog) {
    catalog = new FactCatalog(keys);
    built.set(keys, catalog);
  }
  return catalog;
}

/** The shipped keys, validated. */
export const shippedFactKeys: readonly FactDefinition[] = z.array(factDefinitionSchema).parse(shipped);

export const shippedFactCatalog = new FactCatalog(shippedFactKeys);
