/**
 * Fact conditions that narrow a campaign's municipalities, written the way a user types them:
 *
 *   mika_kast_agreement=nej        the latest value is "nej"
 *   mika_kast_agreement!=ja        the latest value is not "ja" — also true when there is none
 *   population>50000               greater than (also <, >=, <=; numbers and dates)
 *   population>12 345,5            decimal comma and spaces between thousands are fine
 *   action_plan_sells_sex saknas   no value at all (also "missing")
 *   action_plan_sells_sex finns    some value (also "exists")
 *
 * Values are read as the catalog's type for the key (ja/nej/true/false, Swedish numbers,
 * dates), and compared against the value a draft would cite: the municipality's latest,
 * else its county's or the country's where the catalog allows that scope.
 */
import { z } from "../domain/zod.js";
import type { ConditionOperator } from "../domain/fact-key.js";
import { valueSatisfies } from "../domain/fact-condition.js";
import { textLimits, tooLong } from "../domain/text-limits.js";
import type { FactValue } from "../domain/fact.js";
import type { Place } from "../domain/municipality.js";
import { isMotioneraError, MotioneraError } from "../domain/errors.js";
import { activeFactCatalog, factDefinition } from "../facts/catalog.js";
import type { FactRegistry } from "../facts/registry.js";
import { parseFactValue } from "../facts/record-fact.js";
import { foldCase } from "../lang/normalize.js";
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

/** The shape of a condition: key, operator, value. What the key and value mean is checked after. */
export const conditionSyntax = z
  .string()
  .trim()
  .min(1, problems.conditionEmpty)
  .max(textLimits.condition, tooLong("condition"))
  .transform((s, ctx) => {
    const word = /^([a-z][a-z0-9_]*)\s+([a-zåäö]+)$/i.exec(s);
    if (word) {
      const op = wordOps[word[2]!.toLowerCase()];
      if (op) return { key: word[1]!.toLowerCase(), op, raw: undefined };
      ctx.addIssue({ code: "custom", message: problems.conditionUnknownWord(word[2]!) });
      return z.NEVER;
    }
    const cmp = /^([a-z][a-z0-9_]*)\s*(!=|<=|>=|=|<|>)\s*(.*)$/is.exec(s);
    if (!cmp) {
      ctx.addIssue({ code: "custom", message: problems.conditionShape });
      return z.NEVER;
    }
    const raw = cmp[3]!.trim().replace(/^"(.*)"$/s, "$1");
    if (!raw) {
      ctx.addIssue({ code: "custom", message: problems.conditionValueMissing(cmp[2]!) });
      return z.NEVER;
    }
    return { key: cmp[1]!.toLowerCase(), op: cmp[2] as ConditionOperator, raw };
  });

/** Reads one condition; throws MotioneraError (campaign_condition_invalid, unknown_fact_key) naming what is wrong. */
export function parseCondition(text: string): Condition {
  const parsed = conditionSyntax.safeParse(text);
  if (!parsed.success)
    throw new MotioneraError({
      code: "campaign_condition_invalid",
      condition: text,
      problem: parsed.error.issues[0]?.message ?? problems.conditionUnreadable,
    });
  const { key, op, raw } = parsed.data;
  const def = factDefinition(key);
  if (!def) throw new MotioneraError({ code: "unknown_fact_key", key, suggestions: activeFactCatalog().suggest(key) });
  if (raw === undefined) return { text: text.trim(), key, op };
  if ((op === "<" || op === ">" || op === "<=" || op === ">=") && def.type !== "number" && def.type !== "date") {
    throw new MotioneraError({
      code: "campaign_condition_invalid",
      condition: text,
      problem: problems.conditionNotOrdered(key, def.type === "boolean" ? "boolean" : "text"),
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
