/** A key's definition in words for the list: its format and unit, kind, maximum age, what it counts. */
import type { FactDefinition } from "../../../domain/fact-key.js";
import { formatFactValue } from "../../../facts/format-value.js";
import type { FactCatalog } from "../../../facts/fact-catalog.js";
import { sv } from "../../messages.sv.js";

const t = sv.factKeys;

export const typeWord = (def: FactDefinition) => t.options.type?.[def.type] ?? def.type;

export function formatWords(def: FactDefinition): string {
  if (!def.format) return "";
  const format = (t.options.format?.[def.format] ?? def.format).replace(/, .*$/, "");
  return def.unit ? `${format}: ${def.unit.one}/${def.unit.many}` : format;
}

export const scopeWords = (def: FactDefinition) => def.scopes.map((s) => t.options.scopes?.[s] ?? s).join(", ");

export function kindWords(def: FactDefinition): string {
  return def.historical ? t.kinds.historical : def.inForce ? t.kinds.inForce : t.kinds.current;
}

/** "P5Y" → "5 år", "P1Y6M" → "1 år och 6 månader". */
export function ageWords(age: string | undefined): string {
  if (!age) return t.noMaxAge;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(age);
  if (!m) return age;
  const parts = [m[1] ? t.years(Number(m[1])) : "", m[2] ? t.months(Number(m[2])) : ""].filter(Boolean);
  return parts.join(` ${t.and} `);
}

/** "action_plan_sells_sex: kommuner där värdet är lika med (=) ja". */
export function derivedWords(def: FactDefinition, catalog: FactCatalog): string {
  if (!def.derived) return t.notDerived;
  const from = catalog.get(def.derived.from);
  const where = def.derived.where ?? { op: "=" as const, value: { type: "boolean" as const, value: true } };
  const op = t.options["derived.where.op"]?.[where.op] ?? where.op;
  const value = where.value ? ` ${formatFactValue(where.value, from)}` : "";
  return t.derivedCondition(def.derived.from, `${op}${value}`);
}
