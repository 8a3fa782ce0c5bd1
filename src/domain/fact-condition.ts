/** Whether a fact value satisfies a condition (`=`, `<`, `missing` …): shared by campaigns and derived keys. */
import type { FactValue } from "./fact.js";
import type { ConditionOperator } from "./fact-key.js";
import { comparePartialDates } from "./partial-date.js";

/** Case-insensitive, accent-keeping comparison of two texts. */
const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("sv");

/** Orders two values of the same type; undefined when they cannot be ordered (or differ in type). */
export function compareFactValues(
  a: FactValue,
  b: FactValue,
  foldText: (s: string) => string = fold,
): number | undefined {
  if (a.type === "number" && b.type === "number") return a.value - b.value;
  if (a.type === "date" && b.type === "date") return comparePartialDates(a.value, b.value);
  if (a.type === "boolean" && b.type === "boolean") return a.value === b.value ? 0 : undefined;
  if (a.type === "text" && b.type === "text") return foldText(a.value) === foldText(b.value) ? 0 : undefined;
  return undefined;
}

/** Whether `v` (undefined: no value) satisfies `op` against `value`. */
export function valueSatisfies(
  v: FactValue | undefined,
  op: ConditionOperator,
  value: FactValue | undefined,
  foldText?: (s: string) => string,
): boolean {
  switch (op) {
    case "missing":
      return v === undefined;
    case "exists":
      return v !== undefined;
    case "!=":
      return v === undefined || value === undefined || compareFactValues(v, value, foldText) !== 0;
    default: {
      if (v === undefined || value === undefined) return false;
      const c = compareFactValues(v, value, foldText);
      if (c === undefined) return false;
      if (op === "=") return c === 0;
      if (op === "<") return c < 0;
      if (op === ">") return c > 0;
      if (op === "<=") return c <= 0;
      return c >= 0;
    }
  }
}
