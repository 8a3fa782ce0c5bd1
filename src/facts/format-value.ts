/**
 * How a fact's value reads in a Swedish document. Two places, two forms:
 * - `note` (notes, tables, the facts panel): "ja", "16", "7,5 procent", "21 februari 2023";
 * - `text` (running text, through `{{cite}}`): counts with what they count, one to twelve in
 *   words ("sju kommuner", "16 kommuner"), full dates with "den" ("den 15 juni 2016").
 */
import type { FactValue } from "../domain/fact.js";
import { formatDate, formatDateInText } from "../lang/dates.js";
import { formatCountInText, formatNumber, formatPercent, formatPlainNumber } from "../lang/numbers.js";
import type { FactDefinition } from "./catalog.js";

export type ValueForm = "note" | "text";

export function formatFactValue(value: FactValue, def: FactDefinition | undefined, form: ValueForm = "note"): string {
  switch (value.type) {
    case "boolean":
      return value.value ? "ja" : "nej";
    case "number":
      switch (def?.format) {
        case "percent":
          return formatPercent(value.value);
        case "year":
          return formatPlainNumber(value.value);
        case "count":
          if (form === "text" && def.unit) {
            const noun = value.value === 1 ? def.unit.one : def.unit.many;
            return `${formatCountInText(value.value, def.unit.neuter)} ${noun}`;
          }
          return formatNumber(value.value);
        default:
          return formatNumber(value.value);
      }
    case "date":
      return form === "text" ? formatDateInText(value.value) : formatDate(value.value);
    case "text":
      return value.value;
  }
}
