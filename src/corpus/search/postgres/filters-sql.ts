/**
 * A search's filters as a SQL condition on `documents` (alias d), each value a parameter:
 * kinds, parties, municipalities, counties and topics compared case-folded as the embedded index
 * does (src/corpus/search/filters.ts), a year range dropping undated documents. Kinds, topic ids
 * and place codes are lower case or digits in the store, so they are compared as they are (on
 * their indexes); parties, which people spell in any case, on the index of their lower case.
 */
import { foldCase } from "../../../lang/normalize.js";
import { storableText } from "../../../store/postgres/pg-text.js";
import type { SearchFilters } from "../types.js";

/** "1" → "01": a county code as SCB writes it. */
const countyCode = (x: string) => (/^\d$/.test(x.trim()) ? `0${x.trim()}` : x.trim());

/** The condition (`TRUE` when the filters let everything through), its values appended to `params`. */
export function filtersSql(f: SearchFilters | undefined, params: unknown[]): string {
  if (!f) return "TRUE";
  const p = (v: unknown, cast: string) => {
    params.push(v);
    return `$${params.length}::${cast}`;
  };
  const folded = (xs: readonly string[] | undefined) =>
    xs && xs.length > 0 ? [...new Set(xs.map((x) => storableText(foldCase(String(x)))))] : undefined;
  const out: string[] = [];
  const kind = folded(f.kind);
  if (kind) out.push(`d.kind = ANY(${p(kind, "text[]")})`);
  const party = folded(f.party);
  if (party) out.push(`motionera_lower_all(d.parties) && ${p(party, "text[]")}`);
  const muni = folded(f.municipality);
  if (muni) out.push(`d.municipality_code = ANY(${p(muni, "text[]")})`);
  const county = folded(f.county?.map((x) => countyCode(String(x))));
  if (county) out.push(`d.county_code = ANY(${p(county, "text[]")})`);
  const topic = folded(f.topic);
  if (topic) out.push(`d.topics && ${p(topic, "text[]")}`);
  const year = (x: number | undefined) =>
    typeof x === "number" && Number.isFinite(x) ? Math.max(-1, Math.min(Math.trunc(x), 100_000)) : undefined;
  const from = year(f.from);
  const to = year(f.to);
  if (from !== undefined) out.push(`d.year >= ${p(from, "integer")}`);
  if (to !== undefined) out.push(`d.year <= ${p(to, "integer")}`);
  return out.length > 0 ? out.join(" AND ") : "TRUE";
}
