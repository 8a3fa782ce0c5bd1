/**
 * What a draft says where a fact it cites is not in the registry: a visible placeholder
 * naming the fact, and how to get it in the words of the edge that composes the draft (the
 * command line: for a key fetched from a public source, the command that fetches it; the web:
 * its form for adding a fact).
 */
import { factDefinition } from "../facts/catalog.js";
import { cliWording, composeTexts, type FactWording } from "../messages.sv.js";

/** "kolada_n15419" → "N15419"; undefined for a key that is not named after a Kolada KPI. */
export function koladaKpiOf(key: string): string | undefined {
  const m = /^kolada_([a-z]\d+)$/.exec(key);
  return m ? m[1]!.toUpperCase() : undefined;
}

/**
 * The text of the placeholder for a fact the registry lacks. `subject` is whom it was asked
 * for: the draft's municipality by name, or a code given with of= ("0180", "01"), so that
 * the command fetches it for that place.
 */
export function missingFactText(key: string, subject: string, wording: FactWording = cliWording): string {
  const label = factDefinition(key)?.label ?? key;
  if (wording.kind === "web") return composeTexts.missingFactWeb(label, wording.href({ subject, key }));
  const kpi = koladaKpiOf(key);
  if (!kpi) return label;
  const where = /^\d{2}$/.test(subject) ? `--lan ${subject}` : subject === "SE" ? "--all" : `--kommun ${subject}`;
  return composeTexts.missingKoladaFact(label, kpi, where);
}
