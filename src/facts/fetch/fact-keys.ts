/**
 * Where a fetch finds the key it stores under, and where a new key would be registered: one
 * small interface, so that the step can move when fact keys become data in the store.
 *
 * Today the catalog is TypeScript (src/facts/catalog.ts): `CatalogFactKeys` finds a key there,
 * and cannot add one, so `ensure` of a key the catalog lacks throws FactKeyNeeded (the CLI
 * says which key would be created and to name an existing one with --key for now). A
 * store-backed implementation would add the definition instead and return it.
 */
import { MotioneraError } from "../../domain/errors.js";
import { activeFactCatalog, factDefinition, type FactDefinition } from "../catalog.js";

export interface FactKeys {
  /** The key's definition, or undefined. */
  find(key: string): FactDefinition | undefined;
  /** The key's definition: the existing one, or `def` once registered. */
  ensure(def: FactDefinition): Promise<FactDefinition>;
}

/** The key `def` would need; the catalog cannot add it yet. */
export class FactKeyNeeded extends Error {
  constructor(readonly definition: FactDefinition) {
    super(`fact key ${definition.key} is not in the catalog`);
    this.name = "FactKeyNeeded";
  }
}

export class CatalogFactKeys implements FactKeys {
  find(key: string): FactDefinition | undefined {
    return factDefinition(key);
  }

  async ensure(def: FactDefinition): Promise<FactDefinition> {
    const known = factDefinition(def.key);
    if (known) return known;
    throw new FactKeyNeeded(def);
  }
}

/**
 * The key to store under: the one `--key` names (it must exist), or the one made from the
 * metadata (`proposed`), ensured.
 */
export async function chooseFactKey(
  keys: FactKeys,
  named: string | undefined,
  proposed: FactDefinition,
): Promise<FactDefinition> {
  if (named === undefined) return keys.ensure(proposed);
  const def = keys.find(named);
  if (!def)
    throw new MotioneraError({
      code: "unknown_fact_key",
      key: named,
      suggestions: activeFactCatalog().suggest(named),
    });
  return def;
}
