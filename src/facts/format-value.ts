/** How a fact's value reads in a Swedish document: "ja", "16", "7,5 procent", "21 februari 2023". */
import type { FactValue } from "../domain/fact.js";
import { formatDate } from "../lang/dates.js";
import { formatNumber, formatPercent, formatPlainNumber } from "../lang/numbers.js";
import type { FactDefinition } from "./catalog.js";

export function formatFactValue(value: FactValue, def: FactDefinition | undefined): string {
  switch (value.type) {
    case "boolean":
      return value.value ? "ja" : "nej";
    case "number":
      switch (def?.format) {
        case "percent":
          return formatPercent(value.value);
        case "year":
          return formatPlainNumber(value.value);
        default:
          return formatNumber(value.value);
      }
    case "date":
      return formatDate(value.value);
    case "text":
      return value.value;
  }
}
