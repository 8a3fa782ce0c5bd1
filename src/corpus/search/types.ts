/**
 * The shapes a search takes and gives back: the query with its filters, the hits (with the
 * places and authors they name) and the result with its facet counts; and the facet names.
 * Plain data, shared by the index, the CLI and the web.
 */
import type { Snippet } from "./snippet.js";

export interface SearchFilters {
  kind?: string[];
  party?: string[];
  /** SCB municipality codes ("0186"). */
  municipality?: string[];
  /** County codes ("01"). */
  county?: string[];
  /** Topic ids ("sexkop"). */
  topic?: string[];
  /** First year, inclusive (from the record's date; undated records drop out of a range). */
  from?: number;
  /** Last year, inclusive. */
  to?: number;
}

/** Orders a search gives: by relevance (newest first when there is no text), newest or oldest first. */
export const searchSorts = ["relevance", "newest", "oldest"] as const;
export type SearchSort = (typeof searchSorts)[number];

export interface SearchQuery {
  /** Free words and "quoted phrases"; empty: every document the filters let through, newest first. */
  text: string;
  filters?: SearchFilters;
  /** Hits to return; default 20. */
  limit?: number;
  offset?: number;
  /** Default relevance; by date, undated documents come last either way. */
  sort?: SearchSort;
}

export interface Place {
  code: string;
  name: string;
}

export interface SearchAuthor {
  name: string;
  party?: string;
  role?: string;
}

export interface SearchHit {
  id: string;
  score: number;
  title: string;
  kind: string;
  date: string | null;
  municipality: Place | null;
  county: Place | null;
  parties: string[];
  authors: SearchAuthor[];
  outlet?: string;
  topics: string[];
  snippet: Snippet;
  citation: string;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export const facetNames = ["kind", "party", "municipality", "county", "year", "topic"] as const;
export type FacetName = (typeof facetNames)[number];

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Counts over every matching document (not just this page); largest first, years newest first. */
  facets: Record<FacetName, FacetValue[]>;
  /** Set when no document had all the words, and the hits are those with some of them. */
  relaxed?: boolean;
}
