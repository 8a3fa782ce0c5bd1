/**
 * /korpus: search with facets (links that add or remove a filter; filters combine),
 * highlighted snippets and pagination.
 */
import { facetNames, type SearchHit, type SearchResult, type Snippet } from "../../../corpus/search/index.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { paths, recordHref } from "../frame/links.js";
import { PlaceLink } from "../kit/parts.js";
import { researchPaths } from "../concordance/paths.js";
import { facetLabel, facetParam, filterLabel, pageSize, searchHref, type SearchParams } from "./search-params.js";

const t = sv.corpus;

/** The snippet's text with its marks as <mark>, built from pieces (no HTML strings). */
export function Highlight({ snippet }: { snippet: Snippet }) {
  const pieces = [];
  let at = 0;
  for (const [a, b] of [...snippet.marks].sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    if (a > at) pieces.push(snippet.text.slice(at, a));
    pieces.push(<mark>{snippet.text.slice(a, b)}</mark>);
    at = b;
  }
  if (at < snippet.text.length) pieces.push(snippet.text.slice(at));
  return <>{pieces}</>;
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li class="hit">
      <h3>
        <a href={recordHref(hit.id)}>{hit.title}</a>
      </h3>
      <p class="hit-meta">
        {sv.kinds.singular[hit.kind] ?? hit.kind}
        {hit.municipality && (
          <>
            {" · "}
            <PlaceLink place={hit.municipality} />
          </>
        )}
        {!hit.municipality && hit.county ? ` · ${hit.county.name}` : ""}
        {` · ${hit.date ? formatDate(hit.date) : sv.record.undated}`}
        {hit.parties.length ? ` · ${hit.parties.join(", ")}` : ""}
      </p>
      {hit.snippet.text && (
        <p class="snippet">
          <Highlight snippet={hit.snippet} />
        </p>
      )}
      <p class="citation">{hit.citation}</p>
    </li>
  );
}

function Facets({ result, params }: { result: SearchResult; params: SearchParams }) {
  return (
    <section class="facets" aria-labelledby="filter-rubrik">
      <details open data-collapse-narrow>
        <summary>
          <h2 id="filter-rubrik">{t.filters}</h2>
        </summary>
        {facetNames.map((name) => {
          const values = result.facets[name];
          const param = facetParam[name];
          const chosen = params.selected.filter((x) => x.param === param).map((x) => x.value);
          // Keep chosen values visible even when the current filters leave them no documents.
          const shown = [
            ...values,
            ...chosen
              .filter((v) => !values.some((x) => x.value === v))
              .map((v) => ({ value: v, label: filterLabel(param, v), count: 0 })),
          ];
          if (shown.length === 0) return null;
          return (
            <div class="facet">
              <h3 id={`facet-${name}`}>{t.facetNames[name]}</h3>
              <ul aria-labelledby={`facet-${name}`}>
                {shown.map((v) => {
                  const on = chosen.includes(v.value);
                  return (
                    <li>
                      <a
                        href={searchHref(params, { toggle: { param, value: v.value } })}
                        class={`facet-link${on ? " is-selected" : ""}`}
                        aria-current={on ? "true" : undefined}
                      >
                        <span class="facet-box" aria-hidden="true"></span>
                        <span class="facet-label">{facetLabel(name, v.value, v.label)}</span>
                        {on && <span class="visually-hidden"> ({t.selected})</span>}
                        <span class="facet-count">
                          <span class="visually-hidden">, </span>
                          {v.count}
                          <span class="visually-hidden"> {t.facetCountWord}</span>
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </details>
    </section>
  );
}

function ActiveFilters({ params }: { params: SearchParams }) {
  if (params.selected.length === 0) return null;
  return (
    <div class="active-filters">
      <h2 class="visually-hidden" id="valda-filter">
        {t.activeFilters}
      </h2>
      <ul class="chips" aria-labelledby="valda-filter">
        {params.selected.map((x) => {
          const label = filterLabel(x.param, x.value);
          return (
            <li>
              <a class="chip" href={searchHref(params, { remove: x })} aria-label={t.removeFilter(label)}>
                {label} <span aria-hidden="true">×</span>
              </a>
            </li>
          );
        })}
        {params.selected.length > 1 && (
          <li>
            <a href={searchHref(params, { clear: true })}>{t.clearFilters}</a>
          </li>
        )}
      </ul>
    </div>
  );
}

function Pagination({ result, params }: { result: SearchResult; params: SearchParams }) {
  if (result.total <= pageSize) return null;
  const page = Math.floor(params.offset / pageSize) + 1;
  const pages = Math.ceil(result.total / pageSize);
  return (
    <nav class="pagination" aria-label={t.pagination}>
      {params.offset > 0 ? (
        <a href={searchHref(params, { offset: Math.max(0, params.offset - pageSize) })} rel="prev">
          {t.previous}
        </a>
      ) : (
        <span />
      )}
      <span>{t.page(page, pages)}</span>
      {params.offset + pageSize < result.total ? (
        <a href={searchHref(params, { offset: params.offset + pageSize })} rel="next">
          {t.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function SearchPage({
  params,
  result,
  error,
}: {
  params: SearchParams;
  result?: SearchResult | undefined;
  error?: string | undefined;
}) {
  const from = params.offset + 1;
  const to = result ? params.offset + result.hits.length : 0;
  return (
    <Layout title={params.q ? `${params.q} – ${t.title}` : t.title} section="corpus" bodyClass="page-corpus">
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> would change markup and styles */}
      <form role="search" method="get" action={paths.corpus} class="search-form">
        <label for="q">{t.searchLabel}</label>
        <p class="help" id="q-hjalp">
          {t.searchHelp}
        </p>
        <div class="inline-controls">
          <input type="search" id="q" name="q" value={params.q} aria-describedby="q-hjalp" class="input-wide" />
          {params.selected.map((x) => (
            <input type="hidden" name={x.param} value={x.value} />
          ))}
          <button type="submit" class="button">
            {t.searchButton}
          </button>
        </div>
      </form>
      <ActiveFilters params={params} />
      {error && (
        <div class="notice notice-error" role="alert">
          <p>
            {t.invalidFilter} {error}
          </p>
        </div>
      )}
      {result && (
        <div class="search-layout">
          <Facets result={result} params={params} />
          <section class="results" aria-labelledby="traffar-rubrik">
            <h2 id="traffar-rubrik">{t.results}</h2>
            <p class="result-count" role="status" data-result-count={String(result.total)}>
              {t.total(result.total, from, to)}
            </p>
            {params.q && (
              <p class="concordance-link">
                <a href={`${researchPaths.concordance}${searchHref(params).slice(paths.corpus.length)}`}>
                  {sv.concordance.fromSearch}
                </a>
              </p>
            )}
            {result.relaxed && <p class="notice">{t.relaxed}</p>}
            <ol class="hits" start={from}>
              {result.hits.map((h) => (
                <Hit hit={h} />
              ))}
            </ol>
            <Pagination result={result} params={params} />
          </section>
        </div>
      )}
    </Layout>
  );
}
