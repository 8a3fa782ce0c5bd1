/**
 * The rules for changing the fact-key catalog (`motionera facts keys add|edit|remove`, the
 * API): a definition is validated whole; a key in use cannot be removed; a type that recorded
 * values would break cannot be set. Pure functions of the stored keys and facts, run inside
 * the store's write (see Store.changeFactKeys) so nothing changes between check and write.
 */
import { MotioneraError, type FactKeyConflict } from "../domain/errors.js";
import type { Fact } from "../domain/fact.js";
import { factDefinitionSchema, factFormats, factScopes, factTypes, type FactDefinition } from "../domain/fact-key.js";
import type { z } from "../domain/zod.js";
import { formatFactValue } from "./format-value.js";
import { nearest } from "../lang/nearest.js";
import { problems } from "../messages.sv.js";

/** At most this many conflicting values are named in a refusal. */
export const maxNamedConflicts = 10;

/** The closed vocabularies a field takes, for "did you mean". */
const vocabularies: Record<string, readonly string[]> = { type: factTypes, format: factFormats, scopes: factScopes };

/** One zod issue of a definition as fact_key_invalid naming its field (and the nearest words of a closed set). */
function issueError(issue: z.core.$ZodIssue, input: unknown): MotioneraError {
  const field = issue.path.map(String).join(".");
  const vocabulary = vocabularies[String(issue.path[0])];
  let got: unknown = input;
  for (const p of issue.path) got = (got as Record<PropertyKey, unknown> | undefined)?.[p];
  const closed = vocabulary && issue.code === "invalid_value" && typeof got === "string";
  const suggestions = closed ? nearest(got as string, vocabulary, 1) : [];
  return new MotioneraError({
    code: "fact_key_invalid",
    field,
    problem: issue.message,
    ...(suggestions.length ? { suggestions } : {}),
  });
}

/** Validates a whole definition; a bad field → fact_key_invalid naming it (and the nearest words of a closed set). */
export function parseFactDefinition(input: unknown): FactDefinition {
  const parsed = factDefinitionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw issueError(parsed.error.issues[0]!, input);
}

/**
 * Every problem of a whole definition, one per field, as parseFactDefinition reports the
 * first: for a form that shows them all at once. None: the definition is valid.
 */
export function factDefinitionProblems(input: unknown): MotioneraError[] {
  const parsed = factDefinitionSchema.safeParse(input);
  if (parsed.success) return [];
  const seen = new Set<string>();
  return parsed.error.issues
    .map((issue) => issueError(issue, input))
    .filter((e) => {
      const field = e.details.code === "fact_key_invalid" ? e.details.field : "";
      if (seen.has(field)) return false;
      seen.add(field);
      return true;
    });
}

/** A derived key counts a municipality-level key the catalog knows. */
function checkDerivedFrom(def: FactDefinition, keys: readonly FactDefinition[]): void {
  if (!def.derived) return;
  const from = keys.find((k) => k.key === def.derived!.from);
  if (!from?.scopes.includes("kommun") || from.derived) {
    const candidates = keys.filter((k) => k.scopes.includes("kommun") && !k.derived).map((k) => k.key);
    throw new MotioneraError({
      code: "fact_key_invalid",
      field: "derived.from",
      problem: from ? problems.derivedFromNotMunicipal(from.key) : problems.derivedFromUnknown(def.derived.from),
      suggestions: from ? [] : nearest(def.derived.from, candidates),
    });
  }
}

function unknownKey(key: string, keys: readonly FactDefinition[]): never {
  throw new MotioneraError({
    code: "unknown_fact_key",
    key,
    suggestions: nearest(
      key,
      keys.map((k) => k.key),
    ),
  });
}

/** The keys with a new one added at the end. */
export function addFactKey(
  keys: readonly FactDefinition[],
  input: unknown,
): { keys: FactDefinition[]; result: FactDefinition } {
  const def = parseFactDefinition(input);
  if (keys.some((k) => k.key === def.key)) throw new MotioneraError({ code: "fact_key_exists", key: def.key });
  checkDerivedFrom(def, keys);
  return { keys: [...keys, def], result: def };
}

/**
 * A change to a key: the fields given replace the old ones (null clears an optional field;
 * the key itself cannot change). A new type must fit every value recorded for the key.
 */
export function editFactKey(
  keys: readonly FactDefinition[],
  facts: readonly Fact[],
  key: string,
  change: Record<string, unknown>,
): { keys: FactDefinition[]; result: FactDefinition } {
  const at = keys.findIndex((k) => k.key === key);
  if (at < 0) unknownKey(key, keys);
  const merged: Record<string, unknown> = { ...keys[at]! };
  for (const [field, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (value === null) delete merged[field];
    else merged[field] = value;
  }
  if (merged.key !== key) {
    throw new MotioneraError({ code: "fact_key_invalid", field: "key", problem: problems.keyRenamed });
  }
  // A type other than number takes no number format: the old one goes unless the change sets one.
  if (merged.type !== "number" && change.format === undefined) {
    delete merged.format;
    delete merged.unit;
  }
  const type = merged.type;
  const values = facts.filter((f) => f.key === key && f.value.type !== type);
  if (values.length && (factTypes as readonly unknown[]).includes(type)) {
    const named: FactKeyConflict[] = values.slice(0, maxNamedConflicts).map((f) => ({
      subject: f.subject,
      asOf: f.asOf,
      value: formatFactValue(f.value, keys[at]),
    }));
    throw new MotioneraError({
      code: "fact_key_type_conflict",
      key,
      type: String(type),
      values: named,
      total: values.length,
    });
  }
  const def = parseFactDefinition(merged);
  checkDerivedFrom(def, keys);
  const next = [...keys];
  next[at] = def;
  return { keys: next, result: def };
}

/** What uses a key: its recorded facts, the templates that name it, the derived keys counting it. */
export interface FactKeyUses {
  facts: number;
  templates: string[];
  derivedKeys: string[];
}

export function usesOf(
  keys: readonly FactDefinition[],
  facts: readonly Fact[],
  key: string,
  templates: string[],
): FactKeyUses {
  return {
    facts: facts.filter((f) => f.key === key).length,
    templates,
    derivedKeys: keys.filter((k) => k.derived?.from === key).map((k) => k.key),
  };
}

/** The keys without `key`; refused (naming every use) while anything uses it. */
export function removeFactKey(
  keys: readonly FactDefinition[],
  facts: readonly Fact[],
  key: string,
  templates: string[],
): { keys: FactDefinition[]; result: FactDefinition } {
  const def = keys.find((k) => k.key === key);
  if (!def) unknownKey(key, keys);
  const uses = usesOf(keys, facts, key, templates);
  if (uses.facts || uses.templates.length || uses.derivedKeys.length) {
    throw new MotioneraError({ code: "fact_key_in_use", key, ...uses });
  }
  return { keys: keys.filter((k) => k !== def), result: def };
}
