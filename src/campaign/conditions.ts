/**
 * Fact conditions that narrow a campaign's municipalities, written the way a user types them:
 *
 *   mika_kast_agreement=nej        the latest value is "nej"
 *   mika_kast_agreement!=ja        the latest value is not "ja" — also true when there is none
 *   population>50000               greater than (also <, >=, <=; numbers and dates)
 *   population>12 345,5            decimal comma and spaces between thousands are fine
 *   action_plan_sells_sex saknas   no value at all (also "missing")
 *   action_plan_sells_sex finns    some value (also "exists")
 *   Handlingsplan för stöd till personer som säljer sex = nej
 *                                  the fact's Swedish label in place of its key
 *
 * Values are read as the catalog's type for the key (ja/nej/true/false, Swedish numbers,
 * dates), and compared against the value a draft would cite: the municipality's latest,
 * else its county's or the country's where the catalog allows that scope.
 */
import { distance } from "fastest-levenshtein";
import { z } from "../domain/zod.js";
import type { ConditionOperator } from "../domain/fact-key.js";
import { valueSatisfies } from "../domain/fact-condition.js";
import { textLimits, tooLong } from "../domain/text-limits.js";
import type { FactValue } from "../domain/fact.js";
import type { Place } from "../domain/municipality.js";
import { isMotioneraError, MotioneraError } from "../domain/errors.js";
import { activeFactCatalog, factDefinition, type FactCatalog, type FactDefinition } from "../facts/catalog.js";
import type { FactRegistry } from "../facts/registry.js";
import { parseFactValue } from "../facts/record-fact.js";
import { fold, foldCase } from "../lang/normalize.js";
import { problems } from "../messages.sv.js";

export { conditionOperators, type ConditionOperator } from "../domain/fact-key.js";

export interface Condition {
  /** As the user wrote it, for messages and the summary. */
  text: string;
  key: string;
  op: ConditionOperator;
  /** For the comparing operators. */
  value?: FactValue;
}

const wordOps: Record<string, ConditionOperator> = {
  missing: "missing",
  saknas: "missing",
  exists: "exists",
  finns: "exists",
};

const keyLike = /^[a-z][a-z0-9_]*$/i;

/**
 * The shape of a condition: what it is about (a key or a label), operator, value. What the
 * subject and value mean is checked after.
 */
export const conditionSyntax = z
  .string()
  .trim()
  .min(1, problems.conditionEmpty)
  .max(textLimits.condition, tooLong("condition"))
  .transform((s, ctx) => {
    const cmp = /^([^=<>!]+?)\s*(!=|<=|>=|=|<|>)\s*(.*)$/s.exec(s);
    if (!cmp) {
      const word = /^(.+?)\s+([a-zåäö]+)$/i.exec(s);
      const op = word ? wordOps[word[2]!.toLowerCase()] : undefined;
      if (word && op) return { subject: word[1]!.trim(), op, raw: undefined };
      if (word && keyLike.test(word[1]!)) {
        ctx.addIssue({ code: "custom", message: problems.conditionUnknownWord(word[2]!) });
        return z.NEVER;
      }
      ctx.addIssue({ code: "custom", message: problems.conditionShape });
      return z.NEVER;
    }
    const raw = cmp[3]!.trim().replace(/^"(.*)"$/s, "$1");
    if (!raw) {
      ctx.addIssue({ code: "custom", message: problems.conditionValueMissing(cmp[2]!) });
      return z.NEVER;
    }
    return { subject: cmp[1]!.trim(), op: cmp[2] as ConditionOperator, raw };
  });

/** The key a fact's Swedish label names ("handlingsplan för stöd …" in any case), if one does. */
export function keyOfLabel(label: string, catalog: FactCatalog = activeFactCatalog()): string | undefined {
  const f = foldCase(label);
  return catalog.list().find((d) => foldCase(d.label) === f)?.key;
}

/**
 * "Menade du …" among the facts' labels for a subject that is neither a key nor a label: the
 * labels containing what was typed (those whose type can hold `raw` first), else the nearest.
 */
export function suggestLabels(subject: string, raw?: string, catalog: FactCatalog = activeFactCatalog()): string[] {
  const f = fold(subject);
  const containing = catalog.list().filter((d) => fold(d.label).includes(f));
  const fits = (d: FactDefinition) => {
    if (raw === undefined) return true;
    try {
      parseFactValue(d, raw);
      return true;
    } catch {
      return false;
    }
  };
  const ranked = [...containing.filter(fits), ...containing.filter((d) => !fits(d))];
  if (ranked.length) return ranked.slice(0, 3).map((d) => d.label);
  // A label is long and typed from its start: compare with the start of each, as long as what was typed.
  return catalog
    .list()
    .map((d) => ({ label: d.label, d: distance(f, fold(d.label).slice(0, f.length)) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(f.length / 3)))
    .sort((a, b) => a.d - b.d || a.label.length - b.label.length)
    .slice(0, 3)
    .map((x) => x.label);
}

/** The key a condition's subject names: a key, or a fact's label. Throws naming what is wrong. */
function keyOfSubject(text: string, subject: string, raw: string | undefined): string {
  const asKey = subject.toLowerCase();
  if (keyLike.test(subject) && factDefinition(asKey)) return asKey;
  const byLabel = keyOfLabel(subject);
  if (byLabel) return byLabel;
  // An internal key's shape (with "_"): suggest keys, as the command line does; else labels.
  if (keyLike.test(subject) && subject.includes("_"))
    throw new MotioneraError({ code: "unknown_fact_key", key: asKey, suggestions: activeFactCatalog().suggest(asKey) });
  throw new MotioneraError({
    code: "campaign_condition_invalid",
    condition: text,
    problem: problems.conditionUnknownFact(subject, suggestLabels(subject, raw)),
  });
}

/**
 * Reads one condition; throws MotioneraError (campaign_condition_invalid, unknown_fact_key) naming what is wrong.
 * The subject is a key or a fact's label ("Folkmängd (invånare 31 december) > 50000").
 */
export function parseCondition(text: string): Condition {
  const parsed = conditionSyntax.safeParse(text);
  if (!parsed.success)
    throw new MotioneraError({
      code: "campaign_condition_invalid",
      condition: text,
      problem: parsed.error.issues[0]?.message ?? problems.conditionUnreadable,
    });
  const { subject, op, raw } = parsed.data;
  const key = keyOfSubject(text, subject, raw);
  const def = factDefinition(key)!;
  if (raw === undefined) return { text: text.trim(), key, op };
  if ((op === "<" || op === ">" || op === "<=" || op === ">=") && def.type !== "number" && def.type !== "date") {
    throw new MotioneraError({
      code: "campaign_condition_invalid",
      condition: text,
      problem: problems.conditionNotOrdered(
        keyLike.test(subject) ? key : def.label,
        def.type === "boolean" ? "boolean" : "text",
      ),
    });
  }
  try {
    return { text: text.trim(), key, op, value: parseFactValue(def, raw) };
  } catch (e) {
    if (isMotioneraError(e) && e.details.code === "fact_invalid")
      throw new MotioneraError({ code: "campaign_condition_invalid", condition: text, problem: e.details.problem });
    throw e;
  }
}

/** The value a draft for `place` would cite for the key, if any. */
export function citedValue(registry: FactRegistry, place: Place, key: string): FactValue | undefined {
  return registry.resolve(place, key)?.fact.value;
}

export function matches(condition: Condition, registry: FactRegistry, place: Place): boolean {
  return valueSatisfies(citedValue(registry, place, condition.key), condition.op, condition.value, foldCase);
}
