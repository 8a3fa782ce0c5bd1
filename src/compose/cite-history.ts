/**
 * `{{cite "key" history=true}}`: every value the registry holds for the key, oldest first,
 * each with its date ("2021: 12, 2023: 19"), and one note per source after the last value
 * that source gave, so values from one table share one note.
 */
import type { Fact } from "../domain/fact.js";
import { factDefinition } from "../facts/catalog.js";
import { formatFactValue } from "../facts/format-value.js";
import { formatDate } from "../lang/dates.js";
import type { ComposeState } from "./compose-state.js";
import { escapeInline } from "./markdown-escape.js";

/** "2021" when the dates are years (or differ by year), else the full date; "odaterad" without one. */
function dateLabel(asOf: string | null, yearsDiffer: boolean): string {
  if (asOf === null) return "odaterad";
  return asOf.length === 4 || yearsDiffer ? asOf.slice(0, 4) : formatDate(asOf);
}

const sourceKey = (f: Fact) =>
  JSON.stringify([f.source.title, f.source.publisher, f.source.date, f.source.url ?? null]);

export function citeHistory(st: ComposeState, facts: readonly Fact[], subjectName: string, words: string): string {
  const def = factDefinition(facts[0]!.key);
  const years = facts.map((f) => f.asOf?.slice(0, 4) ?? "");
  const yearsDiffer = new Set(years).size === years.length;
  const parts = facts.map((f) => `${dateLabel(f.asOf, yearsDiffer)}: ${formatFactValue(f.value, def)}`);
  const bySource = new Map<string, number[]>();
  facts.forEach((f, i) => {
    bySource.set(sourceKey(f), [...(bySource.get(sourceKey(f)) ?? []), i]);
  });
  const markers = new Map<number, string>();
  for (const indexes of bySource.values()) {
    const group = indexes.map((i) => facts[i]!);
    const marker = st.citeValues(group, subjectName, indexes.map((i) => parts[i]!).join(", "));
    const last = indexes[indexes.length - 1]!;
    markers.set(last, (markers.get(last) ?? "") + marker);
  }
  // The marker of the last value goes after the words ("19 invånare¹"), never right after a figure.
  return parts
    .map((p, i) => escapeInline(p) + (i === parts.length - 1 ? words : "") + (markers.get(i) ?? ""))
    .join(", ");
}
