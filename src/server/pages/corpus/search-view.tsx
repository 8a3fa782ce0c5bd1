/**
 * /korpus: search with facets as checkboxes (several values in one facet: any of them; filters
 * combine), a year range, an order (relevance, newest, oldest), highlighted snippets,
 * pagination and the hits' export. Every control belongs to the one GET form (the facets by
 * its id), so the page works without its script and its URL holds all of its state.
 */
import { exportFormats } from "../../../corpus/export-formats.js";
import {
  facetNames,
  searchSorts,
  type FacetName,
  type FacetValue,
  type SearchHit,
  type SearchResult,
  type Snippet,
} from "../../../corpus/search/index.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { paths } from "../frame/links.js";
import { Pagination, PlaceLink } from "../kit/parts.js";
import { researchPaths } from "../concordance/paths.js";
import {
  exportHref,
  facetLabel,
  facetParam,
  filterLabel,
  pageSize,
  recordInSearchHref,
  searchHref,
  searchPairs,
  yearBounds,
  type SearchParams,
} from "./search-params.js";

const t = sv.corpus;

/** The search form's id: the facets' checkboxes and year fields belong to it from where they stand. */
const formId = "korpus-sok";

/** Values a facet shows before the rest fold away. */
const shownValues = 8;

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

function Hit({ hit, params }: { hit: SearchHit; params: SearchParams }) {
  return (
    <li class="hit">
      <h3>
        <a href={recordInSearchHref(hit.id, params)}>{hit.title}</a>
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

/** A count shown as a number and read as "n dokument". */
function Count({ n }: { n: number }) {
  return (
    <span class="facet-count">
      <span class="visually-hidden">, </span>
      {n}
      <span class="visually-hidden"> {t.facetCountWord}</span>
    </span>
  );
}

function FacetOption({ name, value, on }: { name: Exclude<FacetName, "year">; value: FacetValue; on: boolean }) {
  const id = `f-${name}-${value.value.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.codePointAt(0)}`)}`;
  return (
    <li class="facet-option">
      <input type="checkbox" form={formId} name={facetParam[name]} value={value.value} id={id} checked={on} />
      <label for={id}>
        <span class="facet-label">{facetLabel(name, value.value, value.label)}</span>
        <Count n={value.count} />
      </label>
    </li>
  );
}

/** The first values, and the rest folded away (a chosen value always stands among the first). */
function Folded<T>({ items, render }: { items: readonly T[]; render: (x: T) => unknown }) {
  const first = items.slice(0, shownValues);
  const rest = items.slice(shownValues);
  return (
    <>
      <ul>{first.map(render)}</ul>
      {rest.length > 0 && (
        <details class="facet-more">
          <summary>{t.moreValues(rest.length)}</summary>
          <ul>{rest.map(render)}</ul>
        </details>
      )}
    </>
  );
}

function FacetGroup({
  name,
  result,
  params,
}: {
  name: Exclude<FacetName, "year">;
  result: SearchResult;
  params: SearchParams;
}) {
  const values = result.facets[name];
  const param = facetParam[name];
  const chosen = params.selected.filter((x) => x.param === param).map((x) => x.value);
  // Chosen values first, shown even when the other filters leave them no documents.
  const shown = [
    ...chosen.map((v) => values.find((x) => x.value === v) ?? { value: v, label: filterLabel(param, v), count: 0 }),
    ...values.filter((x) => !chosen.includes(x.value)),
  ];
  if (shown.length === 0) return null;
  return (
    <fieldset class="facet">
      <legend>{t.facetNames[name]}</legend>
      <Folded items={shown} render={(v) => <FacetOption name={name} value={v} on={chosen.includes(v.value)} />} />
    </fieldset>
  );
}

function YearRange({ result, params }: { result: SearchResult; params: SearchParams }) {
  const years = result.facets.year;
  return (
    <fieldset class="facet facet-years">
      <legend>{t.years}</legend>
      <p class="help" id="ar-hjalp">
        {t.yearHelp}
      </p>
      <div class="year-range">
        <label for="f-from">{t.yearFrom}</label>
        <input
          type="number"
          id="f-from"
          name="from"
          form={formId}
          inputmode="numeric"
          min={String(yearBounds.min)}
          max={String(yearBounds.max)}
          value={params.from !== undefined ? String(params.from) : ""}
          aria-describedby="ar-hjalp"
          class="input-year"
        />
        <label for="f-to">{t.yearTo}</label>
        <input
          type="number"
          id="f-to"
          name="to"
          form={formId}
          inputmode="numeric"
          min={String(yearBounds.min)}
          max={String(yearBounds.max)}
          value={params.to !== undefined ? String(params.to) : ""}
          aria-describedby="ar-hjalp"
          class="input-year"
        />
      </div>
      {years.length > 0 && (
        <Folded
          items={years}
          render={(y) => {
            const n = Number(y.value);
            const on = params.from === n && params.to === n;
            return (
              <li>
                <a
                  href={searchHref(params, { years: on ? {} : { from: n, to: n } })}
                  class={`facet-link${on ? " is-selected" : ""}`}
                  aria-current={on ? "true" : undefined}
                >
                  <span class="facet-label">{y.label}</span>
                  <Count n={y.count} />
                </a>
              </li>
            );
          }}
        />
      )}
    </fieldset>
  );
}

function Facets({ result, params }: { result: SearchResult; params: SearchParams }) {
  return (
    <section class="facets" aria-labelledby="filter-rubrik">
      <details open data-collapse-narrow>
        <summary>
          <h2 id="filter-rubrik">{t.filters}</h2>
        </summary>
        <p class="help">{t.facetHelp}</p>
        <p class="help" data-auto-submit-note hidden>
          {t.autoSubmitNote}
        </p>
        {facetNames.map((name) =>
          name === "year" ? (
            <YearRange result={result} params={params} />
          ) : (
            <FacetGroup name={name} result={result} params={params} />
          ),
        )}
        <p class="facets-submit">
          <button type="submit" form={formId} class="button">
            {t.applyFilters}
          </button>
        </p>
      </details>
    </section>
  );
}

function ActiveFilters({ params }: { params: SearchParams }) {
  const years = params.from !== undefined || params.to !== undefined;
  const count = params.selected.length + (years ? 1 : 0);
  if (count === 0) return null;
  const yearLabel = t.yearChip(params.from, params.to);
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
        {years && (
          <li>
            <a class="chip" href={searchHref(params, { years: {} })} aria-label={t.removeFilter(yearLabel)}>
              {yearLabel} <span aria-hidden="true">×</span>
            </a>
          </li>
        )}
        {count > 1 && (
          <li>
            <a href={searchHref(params, { clear: true })}>{t.clearFilters}</a>
          </li>
        )}
      </ul>
    </div>
  );
}

function SortLinks({ params }: { params: SearchParams }) {
  return (
    <nav class="sort-links" aria-labelledby="ordning-rubrik">
      <span id="ordning-rubrik">{`${t.sort}:`}</span>
      <ul class="inline-list">
        {searchSorts.map((s) => (
          <li>
            <a href={searchHref(params, { sort: s })} aria-current={params.sort === s ? "true" : undefined}>
              {t.sorts[s]}
            </a>
          </li>
        ))}
      </ul>
      {!params.q && params.sort === "relevance" && <span class="muted small">{t.sortHelp}</span>}
    </nav>
  );
}

function ExportLinks({ params, total }: { params: SearchParams; total: number }) {
  if (total === 0) return null;
  return (
    <section class="export-links" aria-labelledby="export-rubrik">
      <h3 id="export-rubrik" class="visually-hidden">
        {t.exportHeading}
      </h3>
      <span>{t.exportText(total)}</span>
      <ul class="inline-list">
        {exportFormats.map((f) => (
          <li>
            <a href={exportHref(params, f)} download aria-label={t.exportLabel(t.exportFormats[f] ?? f)}>
              {t.exportFormats[f] ?? f}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Pages({ result, params }: { result: SearchResult; params: SearchParams }) {
  return (
    <Pagination
      offset={params.offset}
      total={result.total}
      size={pageSize}
      hrefAt={(offset) => searchHref(params, { offset })}
      texts={t}
    />
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
      <form role="search" method="get" action={paths.corpus} class="search-form" id={formId} data-corpus-search>
        <label for="q">{t.searchLabel}</label>
        <p class="help" id="q-hjalp">
          {t.searchHelp}
        </p>
        <div class="inline-controls">
          <input type="search" id="q" name="q" value={params.q} aria-describedby="q-hjalp" class="input-wide" />
          {params.sort !== "relevance" && <input type="hidden" name="sort" value={params.sort} />}
          {/* Without facets on the page (a filter it could not use), the filters ride along hidden. */}
          {!result && params.selected.map((x) => <input type="hidden" name={x.param} value={x.value} />)}
          {!result && params.from !== undefined && <input type="hidden" name="from" value={String(params.from)} />}
          {!result && params.to !== undefined && <input type="hidden" name="to" value={String(params.to)} />}
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
            <div class="results-tools">
              <SortLinks params={params} />
              <ExportLinks params={params} total={result.total} />
            </div>
            {params.q && (
              <p class="concordance-link">
                <a href={`${researchPaths.concordance}?${searchPairs(params, { sort: "relevance" })}`}>
                  {sv.concordance.fromSearch}
                </a>
              </p>
            )}
            {result.relaxed && <p class="notice">{t.relaxed}</p>}
            <ol class="hits" start={from}>
              {result.hits.map((h) => (
                <Hit hit={h} params={params} />
              ))}
            </ol>
            <Pages result={result} params={params} />
          </section>
        </div>
      )}
    </Layout>
  );
}
