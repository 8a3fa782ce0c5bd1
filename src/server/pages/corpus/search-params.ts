/**
 * The search page's address: its query, filters, year range, order and page read from the URL
 * and written back (links that add or remove a filter keep the rest), and the filters in the
 * core's terms. The state of every view is in its URL, in the API's own parameter names
 * (q, kind, party, kommun, lan, topic, from, to, sort), so the export links and a record's
 * way back carry the same search.
 */
import { partyName } from "../../../domain/signer.js";
import { z } from "../../../domain/zod.js";
import type { FilterInput } from "../../../corpus/filters.js";
import { searchSorts, type FacetName, type SearchSort } from "../../../corpus/search/index.js";
import type { ExportFormat } from "../../../corpus/export-formats.js";
import { findTopic } from "../../../lang/find-topic.js";
import { countyByCode, municipalityByCode } from "../../../data/places.js";
import { sv } from "../../messages.sv.js";
import { paths, recordHref } from "../frame/links.js";

/** Hits on a page. */
export const pageSize = 10;

/** Facet → its query parameter; years are a range (from, to), not a list. */
export const facetParam: Record<Exclude<FacetName, "year">, string> = {
  kind: "kind",
  party: "party",
  municipality: "kommun",
  county: "lan",
  topic: "topic",
};
export const filterParams = ["kind", "party", "kommun", "lan", "topic"] as const;

/** The years a range may name. */
export const yearBounds = { min: 1800, max: 2200 } as const;

export interface SearchParams {
  q: string;
  offset: number;
  selected: { param: string; value: string }[];
  /** First and last year, inclusive. */
  from?: number | undefined;
  to?: number | undefined;
  sort: SearchSort;
  /** A year or an order the page could not use, as typed. */
  invalid?: string[];
}

const yearSchema = z.coerce.number().int().min(yearBounds.min).max(yearBounds.max);
const sortSchema = z.enum(searchSorts);

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
  const invalid: string[] = [];
  const year = (name: string) => {
    const raw = (p.get(name) ?? "").trim();
    if (!raw) return undefined;
    const r = yearSchema.safeParse(raw);
    if (!r.success) invalid.push(raw);
    return r.success ? r.data : undefined;
  };
  // "ar" is the single-year filter older links carry: the range of that year.
  const single = year("ar");
  let from = year("from") ?? single;
  let to = year("to") ?? single;
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const rawSort = (p.get("sort") ?? "").trim();
  const sort = sortSchema.safeParse(rawSort || "relevance");
  if (!sort.success) invalid.push(rawSort);
  const offset = Math.max(0, Math.min(100_000, Math.floor(Number(p.get("offset") ?? 0)) || 0));
  return {
    q: (p.get("q") ?? "").trim().slice(0, 500),
    offset,
    selected,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    sort: sort.success ? sort.data : "relevance",
    ...(invalid.length ? { invalid } : {}),
  };
}

/** Whether the URL holds a search at all (a record page reached from one shows the way back to it). */
export function hasSearch(s: SearchParams): boolean {
  return Boolean(
    s.q || s.selected.length || s.from !== undefined || s.to !== undefined || s.sort !== "relevance" || s.offset,
  );
}

type Change = {
  toggle?: { param: string; value: string };
  remove?: { param: string; value: string };
  clear?: boolean;
  offset?: number;
  years?: { from?: number | undefined; to?: number | undefined };
  sort?: SearchSort;
};

/** The search's parameters (after `change`), in the order a person reads them; `offset` only when asked. */
export function searchPairs(s: SearchParams, change: Change = {}, withOffset = false): URLSearchParams {
  let selected = change.clear ? [] : [...s.selected];
  const same = (a: { param: string; value: string }, b: { param: string; value: string }) =>
    a.param === b.param && a.value === b.value;
  if (change.toggle) {
    const tg = change.toggle;
    if (selected.some((x) => same(x, tg))) selected = selected.filter((x) => !same(x, tg));
    else selected = [...selected, tg];
  }
  if (change.remove) selected = selected.filter((x) => !same(x, change.remove!));
  const years = change.clear ? {} : (change.years ?? { from: s.from, to: s.to });
  const sort = change.sort ?? s.sort;
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const x of selected) p.append(x.param, x.value);
  if (years.from !== undefined) p.set("from", String(years.from));
  if (years.to !== undefined) p.set("to", String(years.to));
  if (sort !== "relevance") p.set("sort", sort);
  const offset = change.offset ?? (withOffset ? s.offset : 0);
  if (offset) p.set("offset", String(offset));
  return p;
}

const withQuery = (path: string, p: URLSearchParams) => {
  const qs = p.toString();
  return `${path}${qs ? `?${qs}` : ""}`;
};

export function searchHref(s: SearchParams, change: Change = {}): string {
  return withQuery(paths.corpus, searchPairs(s, change));
}

/** The search page as it was: the page of hits included (a record's way back). */
export function backHref(s: SearchParams): string {
  return withQuery(paths.corpus, searchPairs(s, {}, true));
}

/** A record reached from this search: its URL carries the search, for the way back. */
export function recordInSearchHref(id: string, s: SearchParams): string {
  return withQuery(recordHref(id), searchPairs(s, {}, true));
}

/** Every hit of this search (not just the page) as a file, through the API's export. */
export function exportHref(s: SearchParams, format: ExportFormat): string {
  const p = searchPairs(s);
  const all = new URLSearchParams([["format", format], ...p]);
  return `/api/corpus/export?${all.toString()}`;
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

/** The page's filters as the core's filter input takes them. */
export function filterInput(params: SearchParams): FilterInput {
  const of = (p: string) => params.selected.filter((x) => x.param === p).map((x) => x.value);
  return {
    kind: of("kind"),
    party: of("party"),
    kommun: of("kommun"),
    lan: of("lan"),
    topic: of("topic"),
    ...(params.from !== undefined ? { from: params.from } : {}),
    ...(params.to !== undefined ? { to: params.to } : {}),
  };
}
