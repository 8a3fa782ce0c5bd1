/**
 * The concordance page's address: the word or phrase, inflections, sort, context, page and the
 * search's filters (the same parameters as /korpus: kind, party, kommun, lan, topic, the year
 * range from/to, and "ar", one year, as older links carry it), read from the URL and written
 * back; and the export's address in the API with the same query.
 */
import type { FilterInput } from "../../../corpus/filters.js";
import type { ConcordanceSort } from "../../../corpus/concordance/index.js";
import { sv } from "../../messages.sv.js";
import { filterLabel as searchFilterLabel } from "../corpus/search-params.js";
import { researchPaths } from "./paths.js";

/** Lines on a page. */
export const linesPerPage = 50;
export const contextChoices = [4, 8, 12, 16] as const;
export const defaultContext = 8;

export const filterParams = ["kind", "party", "kommun", "lan", "topic", "ar", "from", "to"] as const;
export type FilterParam = (typeof filterParams)[number];

/** The sort as the address writes it, in Swedish. */
export const sortParam: Record<ConcordanceSort, string> = { date: "datum", left: "vanster", right: "hoger" };

export interface ConcordanceParams {
  q: string;
  inflections: boolean;
  sort: ConcordanceSort;
  context: number;
  offset: number;
  selected: { param: FilterParam; value: string }[];
}

const isYear = (s: string) => /^\d{4}$/.test(s) && Number(s) >= 1800 && Number(s) < 2200;

export function readParams(url: URL): ConcordanceParams {
  const p = url.searchParams;
  const selected: ConcordanceParams["selected"] = [];
  for (const param of filterParams) {
    const values = new Set(
      p
        .getAll(param)
        .flatMap((x) => x.split(","))
        .map((x) => x.trim())
        .filter(Boolean),
    );
    for (const value of values) {
      if ((param === "ar" || param === "from" || param === "to") && !isYear(value)) continue;
      selected.push({ param, value: value.slice(0, 100) });
    }
  }
  const sortValue = p.get("sortera") ?? "";
  const sort = (Object.entries(sortParam).find(([, v]) => v === sortValue)?.[0] ?? "date") as ConcordanceSort;
  const context = Number(p.get("kontext"));
  return {
    q: (p.get("q") ?? "").trim().slice(0, 200),
    inflections: /^(1|ja|on|true)$/i.test(p.get("bojning") ?? ""),
    sort,
    context: (contextChoices as readonly number[]).includes(context) ? context : defaultContext,
    offset: Math.max(0, Math.min(50_000, Math.floor(Number(p.get("offset") ?? 0)) || 0)),
    selected,
  };
}

export function concordanceHref(
  s: ConcordanceParams,
  change: { sort?: ConcordanceSort; offset?: number; remove?: { param: string; value: string } } = {},
): string {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  if (s.inflections) p.set("bojning", "1");
  const sort = change.sort ?? s.sort;
  if (sort !== "date") p.set("sortera", sortParam[sort]);
  if (s.context !== defaultContext) p.set("kontext", String(s.context));
  for (const x of s.selected)
    if (!(change.remove && x.param === change.remove.param && x.value === change.remove.value))
      p.append(x.param, x.value);
  if (change.offset) p.set("offset", String(change.offset));
  const qs = p.toString();
  return `${researchPaths.concordance}${qs ? `?${qs}` : ""}`;
}

/** The filters in the core's terms (a single year "ar" is a range of one). */
export function filterInput(s: ConcordanceParams): FilterInput {
  const of = (param: FilterParam) => s.selected.filter((x) => x.param === param).map((x) => x.value);
  const years = of("ar").map(Number);
  const from = [...of("from").map(Number), ...years];
  const to = [...of("to").map(Number), ...years];
  return {
    kind: of("kind"),
    party: of("party"),
    kommun: of("kommun"),
    lan: of("lan"),
    topic: of("topic"),
    ...(from.length ? { from: Math.max(...from) } : {}),
    ...(to.length ? { to: Math.min(...to) } : {}),
  };
}

/** The API's export of the same concordance. */
export function exportHref(s: ConcordanceParams, format: "csv" | "jsonl"): string {
  const p = new URLSearchParams({ format, q: s.q });
  if (s.inflections) p.set("inflections", "true");
  p.set("sort", s.sort);
  p.set("context", String(s.context));
  const f = filterInput(s);
  for (const k of ["kind", "party", "kommun", "lan", "topic"] as const) for (const v of f[k] ?? []) p.append(k, v);
  if (f.from !== undefined) p.set("from", String(f.from));
  if (f.to !== undefined) p.set("to", String(f.to));
  return `/api/corpus/concordance/export?${p.toString()}`;
}

/** A chosen filter as people read it: the search page's words, and the year range's own. */
export function filterLabel(param: FilterParam, value: string): string {
  if (param === "from") return sv.concordance.fromYear(value);
  if (param === "to") return sv.concordance.toYear(value);
  return searchFilterLabel(param, value);
}
