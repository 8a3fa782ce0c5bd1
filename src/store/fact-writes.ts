/**
 * What a write of facts and fact keys means, shared by every store engine so they agree exactly:
 * when two facts are the same statement (recording it again is a no-op), which id a new fact
 * gets, and how facts and the key list are validated before anything is written.
 */
import { MotioneraError } from "../domain/errors.js";
import { factSchema, type Fact } from "../domain/fact.js";
import type { FactDefinition } from "../domain/fact-key.js";
import { factKeysSchema } from "./schema.js";
import type { NewFact } from "./store.js";

/** An object as JSON with its keys sorted, so key order never makes two statements differ. */
const canon = (o: object) => JSON.stringify(o, Object.keys(o).sort());

/**
 * The same statement: subject, key, as-of, value and source (key order does not matter); `since`
 * and `note` are not part of it.
 */
export function factStatement(f: NewFact): string {
  return [f.subject, f.key, f.asOf, canon(f.value), canon(f.source)].join("\u0000");
}

/** The id a fact's ids start from: subject.key.asOf ("0186.population.2024"); the next free one gets .2, .3 … */
export function factIdBase(f: NewFact): string {
  return `${f.subject}.${f.key}.${f.asOf ?? "odaterad"}`;
}

/** What the planner needs to know of the facts already stored (all of them, or those the inputs may meet). */
export interface StoredFacts {
  /** The stored fact making this statement (the last recorded, if several do). */
  same(statement: string): Fact | undefined;
  /** Whether a stored fact has this id. */
  idTaken(id: string): boolean;
}

/**
 * A fact as it is stored: the domain's schema applied (it normalises: a URL loses tabs, line
 * breaks and surrounding spaces, unknown fields are dropped), with the id and time given; the
 * first problem → fact_invalid naming the field. Statements are compared in this form, so a
 * fact submitted again in another spelling of the same stored fact is the same statement.
 */
export function storedForm(input: NewFact, id: string, recordedAt: string): Fact {
  const parsed = factSchema.safeParse({ ...input, id, recordedAt });
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new MotioneraError({
    code: "fact_invalid",
    field: first?.path.map(String).join(".") ?? "",
    problem: first?.message ?? "ogiltig uppgift",
  });
}

/** The statement of a fact as it would be stored (as submitted, when it is invalid: it is then refused anyway). */
export function storedStatement(input: NewFact): string {
  try {
    return factStatement(storedForm(input, factIdBase(input), new Date(0).toISOString()));
  } catch {
    return factStatement(input);
  }
}

/**
 * Plans recording `inputs`: for each input the stored fact (an existing one for a statement
 * already made, in the store or earlier in `inputs`), and the facts to add, validated, with ids
 * and `recordedAt`. Throws fact_invalid naming the field of the first invalid input (nothing is
 * then written).
 */
export function planFacts(
  stored: StoredFacts,
  inputs: readonly NewFact[],
  recordedAt = new Date().toISOString(),
): { out: Fact[]; added: Fact[] } {
  const known = new Map<string, Fact>();
  const ids = new Set<string>();
  const added: Fact[] = [];
  const out: Fact[] = [];
  for (const input of inputs) {
    // Validated and normalised first: the statement compared is the one that would be stored.
    const base = factIdBase(input);
    const normal = storedForm(input, base, recordedAt);
    const statement = factStatement(normal);
    const same = known.get(statement) ?? stored.same(statement);
    if (same) {
      out.push(same); // recording the same statement twice is a no-op
      continue;
    }
    const taken = (id: string) => ids.has(id) || stored.idTaken(id);
    let id = base;
    for (let i = 2; taken(id); i++) id = `${base}.${i}`;
    const fact = { ...normal, id };
    ids.add(id);
    known.set(statement, fact);
    added.push(fact);
    out.push(fact);
  }
  return { out, added };
}

/** The stored facts a planner sees when it has them all in memory (the embedded store). */
export function storedFactsOf(facts: readonly Fact[]): StoredFacts {
  const known = new Map(facts.map((f) => [factStatement(f), f]));
  const ids = new Set(facts.map((f) => f.id));
  return { same: (s) => known.get(s), idTaken: (id) => ids.has(id) };
}

/** The whole list of keys, validated as the database's schema does; a problem → fact_key_invalid naming the field. */
export function validFactKeys(keys: readonly FactDefinition[]): FactDefinition[] {
  const parsed = factKeysSchema.safeParse(keys);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new MotioneraError({
    code: "fact_key_invalid",
    field: first?.path.slice(1).map(String).join(".") ?? "",
    problem: first?.message ?? "ogiltig nyckel",
  });
}

/**
 * The keys to append when adding `keys` to `current`: those the catalog lacks (the first of a
 * repeated one), and the whole new list validated — both before anything is written.
 */
export function keysToAdd(
  current: readonly FactDefinition[],
  keys: readonly FactDefinition[],
): { added: FactDefinition[]; all: readonly FactDefinition[] } {
  const known = new Set(current.map((k) => k.key));
  const added = keys.filter((k) => !known.has(k.key) && known.add(k.key));
  if (added.length === 0) return { added: [], all: current };
  const all = validFactKeys([...current, ...added]);
  return { added: all.slice(all.length - added.length), all };
}
