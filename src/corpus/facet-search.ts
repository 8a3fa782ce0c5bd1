/**
 * A search for people who tick filters: values within one facet combine with OR, so each facet
 * the filters narrow is counted as if that facet alone were not filtered (the others still
 * are). Ticking S leaves V in the party list, with the number of documents ticking it would
 * add; the year list likewise ignores the year range. Hits and total are the search's own.
 */
import type { FacetName, SearchFilters, SearchQuery, SearchResult } from "./search/index.js";

/** What a search needs of an index: the embedded one's `search` will do. */
export interface Searchable {
  search(q: SearchQuery): SearchResult;
}

/** The filters that narrow each facet. */
const facetFilters: Record<FacetName, readonly (keyof SearchFilters)[]> = {
  kind: ["kind"],
  party: ["party"],
  municipality: ["municipality"],
  county: ["county"],
  topic: ["topic"],
  year: ["from", "to"],
};

const isSet = (v: SearchFilters[keyof SearchFilters]) => (Array.isArray(v) ? v.length > 0 : v !== undefined);

export function searchWithOpenFacets(index: Searchable, q: SearchQuery): SearchResult {
  const result = index.search(q);
  const filters = q.filters ?? {};
  const facets = { ...result.facets };
  for (const [name, keys] of Object.entries(facetFilters) as [FacetName, (keyof SearchFilters)[]][]) {
    if (!keys.some((k) => isSet(filters[k]))) continue;
    const others: SearchFilters = { ...filters };
    for (const k of keys) delete others[k];
    facets[name] = index.search({ ...q, filters: others, limit: 0, offset: 0 }).facets[name];
  }
  return { ...result, facets };
}
