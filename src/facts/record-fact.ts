/**
 * Recording a fact as a person types it (command line, web form): the subject by any name,
 * the value as text, checked against the catalog's type and scopes, and stored with its source.
 */
import { MotioneraError } from "../domain/errors.js";
import { attempt, throwProblems, type FieldProblem } from "../domain/field-problem.js";
import { factValueSchema, startsNoLaterThan, type Fact, type FactValue, type Source } from "../domain/fact.js";
import { partialDateSchema } from "../domain/partial-date.js";
import { findCounty, findMunicipality } from "../data/places.js";
import { parseSwedishNumber } from "../lang/numbers.js";
import { parseYesNo } from "../lang/yes-no.js";
import type { Store } from "../store/store.js";
import { activeFactCatalog, type FactDefinition, type FactScope } from "./catalog.js";
import { storeCatalog, type FactCatalog } from "./fact-catalog.js";
import { nationalSubject } from "./registry.js";
import { problems as problemTexts } from "../messages.sv.js";

/** Reads a value typed on the command line as the catalog's type for the key. */
export function parseFactValue(def: FactDefinition, text: string): FactValue {
  const s = text.trim();
  switch (def.type) {
    case "boolean": {
      const yes = parseYesNo(s);
      if (yes !== undefined) return { type: "boolean", value: yes };
      throw new MotioneraError({
        code: "fact_invalid",
        field: "värde",
        problem: problemTexts.notYesOrNo(text, def.key),
      });
    }
    case "number": {
      const n = parseSwedishNumber(s.replace(/\s*(procent|%)$/i, ""));
      if (n === undefined)
        throw new MotioneraError({
          code: "fact_invalid",
          field: "värde",
          problem: problemTexts.notANumber(text, def.key),
        });
      return { type: "number", value: n };
    }
    case "date": {
      const d = partialDateSchema.safeParse(s);
      if (!d.success)
        throw new MotioneraError({
          code: "fact_invalid",
          field: "värde",
          problem: problemTexts.badDateValue(text, d.error.issues[0]?.message),
        });
      return { type: "date", value: d.data };
    }
    case "text": {
      if (!s) throw new MotioneraError({ code: "fact_invalid", field: "värde", problem: problemTexts.emptyText });
      // The schema's limit, checked here so an import lists the row and column at fault.
      const v = factValueSchema.safeParse({ type: "text", value: s });
      if (!v.success)
        throw new MotioneraError({
          code: "fact_invalid",
          field: "värde",
          problem: v.error.issues[0]?.message ?? problemTexts.invalidText,
        });
      return v.data;
    }
  }
}

/** A municipality, a county or "SE"; returns the subject code and its scope. */
export function resolveSubject(query: string): { subject: string; scope: FactScope; name: string } {
  const q = query.trim();
  if (/^(se|sverige|riket|hela landet)$/i.test(q)) return { subject: nationalSubject, scope: "land", name: "Sverige" };
  try {
    const p = findMunicipality(q);
    return { subject: p.code, scope: "kommun", name: p.name };
  } catch (e) {
    if (/län\b|lan\b|^[a-z]{1,2}$|^\d{2}$/i.test(q)) {
      const c = findCounty(q);
      return { subject: c.code, scope: "lan", name: c.name };
    }
    throw e;
  }
}

export interface FactEntry {
  /** A municipality or county in any form the lookups accept, or "SE". */
  subject: string;
  key: string;
  /** The value as typed: "ja", "12 345", "7,5 procent", "2023-02-21", a text. */
  value: string;
  asOf: string;
  /** For a value over a period (a total for 2017–2019): the first date it covers. */
  since?: string;
  source: Source;
  note?: string;
}

/** A derived key is computed from the registry; a typed value for it would be made up. */
export function refuseDerived(def: FactDefinition): void {
  if (def.derived) {
    throw new MotioneraError({
      code: "fact_invalid",
      field: "key",
      problem: problemTexts.derivedKey(def.key, def.derived.from),
    });
  }
}

/**
 * What a fact entry check found: every problem (each at "key", "subject", "value", "asOf" or "since"), and the entry
 * read.
 */
export interface FactEntryCheck {
  problems: FieldProblem[];
  checked?: {
    definition: FactDefinition;
    subject: ReturnType<typeof resolveSubject>;
    value: FactValue;
    asOf: string | null;
    since?: string;
  };
}

/**
 * Every problem with an entry at once: an unknown or derived key, an unknown subject or one of the wrong scope, a bad
 * value or dates.
 */
export function checkFactEntry(entry: FactEntry, catalog: FactCatalog = activeFactCatalog()): FactEntryCheck {
  const problems: FieldProblem[] = [];
  const definition = catalog.get(entry.key);
  if (!definition)
    problems.push({
      path: ["key"],
      details: {
        code: "unknown_fact_key",
        key: entry.key,
        suggestions: catalog.suggest(entry.key),
      },
    });
  else attempt(problems, ["key"], () => refuseDerived(definition));
  const subject = attempt(problems, ["subject"], () => resolveSubject(entry.subject));
  if (definition && subject && !definition.scopes.includes(subject.scope)) {
    problems.push({
      path: ["subject"],
      details: {
        code: "fact_invalid",
        field: "subject",
        problem: problemTexts.wrongScope(entry.key, definition.scopes, subject.name),
      },
    });
  }
  const value = definition ? attempt(problems, ["value"], () => parseFactValue(definition, entry.value)) : undefined;
  const asOf = partialDateSchema.safeParse(entry.asOf);
  if (!asOf.success)
    problems.push({
      path: ["asOf"],
      details: {
        code: "fact_invalid",
        field: "asOf",
        problem: asOf.error.issues[0]?.message ?? problemTexts.invalidDate,
      },
    });
  let since: string | undefined;
  if (entry.since !== undefined) {
    const parsed = partialDateSchema.safeParse(entry.since);
    if (!parsed.success)
      problems.push({
        path: ["since"],
        details: {
          code: "fact_invalid",
          field: "since",
          problem: parsed.error.issues[0]?.message ?? problemTexts.invalidDate,
        },
      });
    else if (asOf.success && !startsNoLaterThan(parsed.data, asOf.data)) {
      problems.push({
        path: ["since"],
        details: {
          code: "fact_invalid",
          field: "since",
          problem: problemTexts.sinceAfterAsOf(entry.since, entry.asOf),
        },
      });
    } else since = parsed.data;
  }
  if (problems.length > 0 || !definition || !subject || !value || !asOf.success) return { problems };
  return { problems, checked: { definition, subject, value, asOf: asOf.data, ...(since ? { since } : {}) } };
}

/**
 * Checks an entry against the catalog (every problem at once: see checkFactEntry) and records it; history is kept, an
 * identical entry is a no-op.
 */
export async function recordFact(
  store: Store,
  entry: FactEntry,
): Promise<{ fact: Fact; subject: ReturnType<typeof resolveSubject>; definition: FactDefinition }> {
  const { problems, checked } = checkFactEntry(entry, await storeCatalog(store));
  throwProblems(problems);
  if (!checked) throw new Error("checkFactEntry found no problem but returned no entry");
  const { definition, subject, value, asOf, since } = checked;
  const fact = await store.addFact({
    subject: subject.subject,
    key: entry.key,
    value,
    asOf,
    ...(since ? { since } : {}),
    source: entry.source,
    ...(entry.note ? { note: entry.note } : {}),
  });
  return { fact, subject, definition };
}
