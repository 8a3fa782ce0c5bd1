/**
 * Corpus search in PostgreSQL, with the embedded index's contract (SearchQuery in, SearchResult
 * out; src/corpus/search/types.ts): the `swedish` text search configuration over the weighted
 * vector the migration keeps (title A; summary, claims, proposals, questions, names B; full text
 * C), websearch syntax (query-sql.ts), typo tolerance from the corpus vocabulary, filters
 * (filters-sql.ts), facets by GROUP BY over the matching set, ranking by ts_rank_cd with the
 * weights, and snippets by ts_headline for the page of hits returned only.
 *
 * One statement per search: the matching set is materialised once, counted, grouped for each
 * facet and ranked, and only its page is joined back to the documents for hits and headlines.
 * When no document has all the words of a query of several, it is asked again with any of them
 * (`relaxed`), as the embedded index does.
 */
import type pg from "pg";
import { topicLabel } from "../../../domain/vocabulary.js";
import { fromStored } from "../../../store/postgres/pg-text.js";
import { citationOf } from "../citation.js";
import type { FacetName, FacetValue, SearchHit, SearchQuery, SearchResult } from "../types.js";
import { filtersSql } from "./filters-sql.js";
import { headlineSnippet, snippetTextSql, startSel, stopSel } from "./headline.js";
import { canRelax, parseWebQuery, tsQuerySql } from "./query-sql.js";
import { searchRowSchema, type PageRow } from "./rows.js";

/** What the search needs of a connection: pg.Pool and pg.Client both do. */
export type Queryable = Pick<pg.Pool, "query">;

/** ts_rank_cd's weights for D, C, B, A: the embedded index's field boosts (full text ×1, B ×1.5, title ×3). */
const weights = "{0.1, 0.33, 0.5, 1.0}";
/** ts_rank_cd normalisation 1: divided by 1 + the logarithm of the document's length. */
const normalisation = 1;
const headlineOptions = [
  `StartSel=${startSel}`,
  `StopSel=${stopSel}`,
  "MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=1",
].join(", ");

let collator: Intl.Collator | undefined;
const byCountThenLabel = (a: FacetValue, b: FacetValue) => {
  collator ??= new Intl.Collator("sv");
  return b.count - a.count || collator.compare(a.label, b.label);
};

/** The paging a query asks for, bounded. */
function paging(q: SearchQuery): { limit: number; offset: number } {
  const limit =
    q.limit === undefined || Number.isNaN(q.limit) ? 20 : Math.max(0, Math.min(Math.floor(q.limit), 1_000_000));
  const offset = Math.max(0, Math.min(Math.floor(q.offset ?? 0) || 0, 1_000_000_000));
  return { limit, offset };
}

/** The ORDER BY of a sort, on columns with `prefix`; undated documents (date_key -1) last by date. */
function orderSql(sort: SearchQuery["sort"]): (prefix: string) => string {
  return (t) => {
    const id = `${t}id COLLATE "C"`;
    if (sort === "newest") return `${t}date_key DESC, ${t}rank DESC, ${id}`;
    if (sort === "oldest") return `${t}date_key = -1, ${t}date_key ASC, ${t}rank DESC, ${id}`;
    return `${t}rank DESC, ${t}date_key DESC, ${id}`;
  };
}

/**
 * The one statement of a search (`relaxed`: any of the words), and its parameters; `marked`:
 * the query has words (hits get headlines and ranks).
 */
export function searchStatement(q: SearchQuery, relaxed = false): { sql: string; params: unknown[]; marked: boolean } {
  const { limit, offset } = paging(q);
  const parsed = parseWebQuery(q.text ?? "");
  const params: unknown[] = [];
  const text = parsed.hasWords ? tsQuerySql(parsed, params, relaxed) : undefined;
  const where = filtersSql(q.filters, params);
  params.push(limit);
  const limitAt = `$${params.length}::bigint`;
  params.push(offset);
  const offsetAt = `$${params.length}::bigint`;
  const rank = text ? `ts_rank_cd('${weights}'::float4[], d.search_vector, query.q, ${normalisation})` : "0::float4";
  const order = orderSql(q.sort);
  const matchWhere = text ? `d.search_vector @@ query.q AND ${where}` : where;
  const headline = text
    ? `ts_headline('swedish', ${snippetTextSql("d.document")}, query.q, '${headlineOptions}')`
    : `${snippetTextSql("d.document")}`;
  const facet = (select: string, from: string, group: string) =>
    `(SELECT coalesce(json_agg(json_build_array(${select}, n)), '[]') FROM
       (SELECT ${select}, count(*)::integer AS n FROM ${from} GROUP BY ${group}) x)`;
  const sql = `
    WITH query AS (SELECT ${text ?? "NULL::tsquery"} AS q),
    matches AS MATERIALIZED (
      SELECT d.id, d.kind, d.municipality_code, d.county_code, d.year, d.parties, d.topics, d.date_key,
             d.document->'municipality'->>'name' AS municipality_name,
             d.document->'county'->>'name' AS county_name,
             ${rank} AS rank
      FROM documents d, query WHERE ${matchWhere}
    ),
    page AS (
      SELECT id, rank, date_key FROM matches
      ORDER BY ${order("")} LIMIT ${limitAt} OFFSET ${offsetAt}
    )
    SELECT
      (SELECT count(*)::integer FROM matches) AS total,
      (SELECT coalesce(json_agg(h ORDER BY ${order("h.")}), '[]') FROM (
         SELECT p.id, p.rank, p.date_key, d.document - 'fullText' AS document, ${headline} AS headline
         FROM page p JOIN documents d ON d.id = p.id, query
      ) h) AS page,
      ${facet("kind", "matches", "kind")} AS kind,
      ${facet("municipality_code, municipality_name", "matches WHERE municipality_code IS NOT NULL", "1, 2")}
        AS municipality,
      ${facet("county_code, county_name", "matches WHERE county_code IS NOT NULL", "1, 2")} AS county,
      ${facet("year", "matches WHERE year IS NOT NULL", "year")} AS year,
      ${facet("party", "matches, unnest(parties) AS party", "party")} AS party,
      ${facet("topic", "matches, unnest(topics) AS topic", "topic")} AS topic`;
  return { sql, params, marked: text !== undefined };
}

export class PostgresSearch {
  constructor(private readonly db: Queryable) {}

  async search(q: SearchQuery): Promise<SearchResult> {
    const first = await this.#run(q, false);
    if (first.total === 0 && canRelax(parseWebQuery(q.text ?? ""))) {
      const relaxed = await this.#run(q, true);
      if (relaxed.total > 0) return { ...relaxed, relaxed: true };
    }
    return first;
  }

  async #run(q: SearchQuery, relaxed: boolean): Promise<SearchResult> {
    const { sql, params, marked } = searchStatement(q, relaxed);
    const { rows } = await this.db.query(sql, params);
    const row = searchRowSchema.parse(fromStored(rows[0]));
    const place = (xs: [string, string | null, number][]) =>
      xs.map(([value, label, count]) => ({ value, label: label ?? value, count })).sort(byCountThenLabel);
    const plain = (xs: [string | number, number][], label: (v: string) => string = (v) => v) =>
      xs.map(([v, count]) => ({ value: String(v), label: label(String(v)), count })).sort(byCountThenLabel);
    const facets: Record<FacetName, FacetValue[]> = {
      kind: plain(row.kind),
      party: plain(row.party),
      municipality: place(row.municipality),
      county: place(row.county),
      year: plain(row.year).sort((a, b) => Number(b.value) - Number(a.value)),
      topic: plain(row.topic, topicLabel),
    };
    return { total: row.total, hits: row.page.map((p) => hitOf(p, marked)), facets };
  }
}

function hitOf(p: PageRow, marked: boolean): SearchHit {
  const d = p.document;
  const hit: SearchHit = {
    id: d.id,
    score: Math.round(p.rank * 1000) / 1000,
    title: d.title,
    kind: d.kind,
    date: d.date,
    municipality: d.municipality ? { ...d.municipality } : null,
    county: d.county ? { ...d.county } : null,
    parties: d.parties,
    authors: d.authors,
    ...(d.outlet ? { outlet: d.outlet } : {}),
    topics: d.topics,
    snippet: headlineSnippet(p.headline, marked),
    citation: "",
  };
  hit.citation = citationOf({ ...hit, kind: d.kind });
  return hit;
}
