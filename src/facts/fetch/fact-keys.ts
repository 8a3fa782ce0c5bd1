/**
 * The key a fetch stores under: the one `--key` names (it must be in the store's catalog), or
 * the one made from the service's metadata (`proposed`, key-definition.ts) — the catalog's own
 * definition when it has that key already (a second fetch reuses it), else the proposed one,
 * to be created in the same store write as the fetched facts (fetched-import.ts).
 */
import { MotioneraError } from "../../domain/errors.js";
import type { FactDefinition } from "../catalog.js";
import type { FactCatalog } from "../fact-catalog.js";

export interface ChosenKey {
  def: FactDefinition;
  /** The catalog lacks the key: the fetch creates it (with its facts, or not at all). */
  create: boolean;
}

export function chooseFactKey(catalog: FactCatalog, named: string | undefined, proposed: FactDefinition): ChosenKey {
  if (named === undefined) {
    const known = catalog.get(proposed.key);
    return known ? { def: known, create: false } : { def: proposed, create: true };
  }
  const def = catalog.get(named);
  if (!def) throw new MotioneraError({ code: "unknown_fact_key", key: named, suggestions: catalog.suggest(named) });
  return { def, create: false };
}
