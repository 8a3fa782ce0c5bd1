/**
 * The search page's address: its query, filters and page read from the URL and written back
 * (links that add or remove a filter keep the rest), and the filters in the core's terms.
 */
import { partyName } from "../../../domain/signer.js";
import type { FilterInput } from "../../../corpus/filters.js";
import type { FacetName } from "../../../corpus/search/index.js";
import { findTopic } from "../../../lang/find-topic.js";
import { countyByCode, municipalityByCode } from "../../../data/places.js";
import { sv } from "../../messages.sv.js";
import { paths } from "../frame/links.js";

/** Hits on a page. */
export const pageSize = 10;

/** Facet → its query parameter. Years filter one year at a time. */
export const facetParam: Record<FacetName, string> = {
  kind: "kind",
  party: "party",
  municipality: "kommun",
  county: "lan",
  year: "ar",
  topic: "topic",
};
export const filterParams = ["kind", "party", "kommun", "lan", "ar", "topic"] as const;

export interface SearchParams {
  q: string;
  offset: number;
  selected: { param: string; value: string }[];
}

export function readParams(url: URL): SearchParams {
  const p = url.searchParams;
  const selected: SearchParams["selected"] = [];
  for (const param of filterParams) {
    for (const v of new Set(
      p
        .getAll(param)
        .map((x) => x.trim())
        .filter(Boolean),
    ))
      selected.push({ param, value: v });
  }
  const offset = Math.max(0, Math.min(100_000, Math.floor(Number(p.get("offset") ?? 0)) || 0));
  return { q: (p.get("q") ?? "").trim().slice(0, 500), offset, selected };
}

export function searchHref(
  s: SearchParams,
  change: {
    toggle?: { param: string; value: string };
    remove?: { param: string; value: string };
    clear?: boolean;
    offset?: number;
  } = {},
): string {
  let selected = change.clear ? [] : [...s.selected];
  const same = (a: { param: string; value: string }, b: { param: string; value: string }) =>
    a.param === b.param && a.value === b.value;
  if (change.toggle) {
    const tg = change.toggle;
    if (selected.some((x) => same(x, tg))) selected = selected.filter((x) => !same(x, tg));
    else selected = [...(tg.param === "ar" ? selected.filter((x) => x.param !== "ar") : selected), tg];
  }
  if (change.remove) selected = selected.filter((x) => !same(x, change.remove!));
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const x of selected) p.append(x.param, x.value);
  if (change.offset) p.set("offset", String(change.offset));
  const qs = p.toString();
  return `${paths.corpus}${qs ? `?${qs}` : ""}`;
}

export function filterLabel(param: string, value: string): string {
  switch (param) {
    case "party":
      return partyName(value) === value ? value : `${partyName(value)} (${value.toUpperCase()})`;
    case "kommun":
      return municipalityByCode(value)?.name ?? value;
    case "lan":
      return countyByCode(value)?.name ?? value;
    case "topic":
      return findTopic(value)?.label ?? value;
    case "kind":
      return sv.kinds.singular[value] ?? value;
    default:
      return value;
  }
}

export function facetLabel(name: FacetName, value: string, label: string): string {
  return name === "party" || name === "kind" ? filterLabel(facetParam[name], value) : label;
}

/** The snippet's text with its marks as <mark>, built from pieces (no HTML strings). */
export function filterInput(params: SearchParams): { input: FilterInput; year?: number } {
  const of = (p: string) => params.selected.filter((x) => x.param === p).map((x) => x.value);
  const year = of("ar")
    .map(Number)
    .find((y) => Number.isInteger(y) && y > 1800 && y < 2200);
  return {
    input: { kind: of("kind"), party: of("party"), kommun: of("kommun"), lan: of("lan"), topic: of("topic") },
    ...(year ? { year } : {}),
  };
}
