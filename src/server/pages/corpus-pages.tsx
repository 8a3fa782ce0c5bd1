/**
 * /korpus — search with facets (links that add or remove a filter; filters combine),
 * highlighted snippets and pagination; /korpus/:id — one record.
 */
import { partyName } from "../../domain/signer.js";
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { resolveFilters, type FilterInput } from "../../corpus/filters.js";
import { citationOf, facetNames, type FacetName, type SearchHit, type SearchResult, type Snippet } from "../../corpus/search/index.js";
import { argumentTypeLabel, topicLabel } from "../../domain/vocabulary.js";
import { findTopic } from "../../lang/find-topic.js";
import { countyByCode, municipalityByCode } from "../../data/places.js";
import type { CorpusDocument } from "../../domain/corpus-document.js";
import { isMotioneraError } from "../../domain/errors.js";
import { factDefinition } from "../../facts/catalog.js";
import { formatFactValue } from "../../facts/format-value.js";
import type { FactRegistry } from "../../facts/registry.js";
import { formatDate } from "../../lang/dates.js";
import { explainError } from "../../messages.sv.js";
import { sv } from "../messages.sv.js";
import { sendErrorPage } from "./error-page.js";
import { Layout, sendPage } from "./layout.js";
import { draftHref, paths, recordHref } from "./links.js";
import { PlaceLink, SourceRef } from "./parts.js";

const t = sv.corpus;
const pageSize = 10;

/** Facet → its query parameter. Years filter one year at a time. */
const facetParam: Record<FacetName, string> = { kind: "kind", party: "party", municipality: "kommun", county: "lan", year: "ar", topic: "topic" };
const filterParams = ["kind", "party", "kommun", "lan", "ar", "topic"] as const;

interface SearchParams {
  q: string;
  offset: number;
  selected: { param: string; value: string }[];
}

function readParams(url: URL): SearchParams {
  const p = url.searchParams;
  const selected: SearchParams["selected"] = [];
  for (const param of filterParams) {
    for (const v of new Set(p.getAll(param).map((x) => x.trim()).filter(Boolean))) selected.push({ param, value: v });
  }
  const offset = Math.max(0, Math.min(100_000, Math.floor(Number(p.get("offset") ?? 0)) || 0));
  return { q: (p.get("q") ?? "").trim().slice(0, 500), offset, selected };
}

function searchHref(s: SearchParams, change: { toggle?: { param: string; value: string }; remove?: { param: string; value: string }; clear?: boolean; offset?: number } = {}): string {
  let selected = change.clear ? [] : [...s.selected];
  const same = (a: { param: string; value: string }, b: { param: string; value: string }) => a.param === b.param && a.value === b.value;
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

function filterLabel(param: string, value: string): string {
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

function facetLabel(name: FacetName, value: string, label: string): string {
  return name === "party" || name === "kind" ? filterLabel(facetParam[name], value) : label;
}

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
        const shown = [...values, ...chosen.filter((v) => !values.some((x) => x.value === v)).map((v) => ({ value: v, label: filterLabel(param, v), count: 0 }))];
        if (shown.length === 0) return null;
        return (
          <div class="facet">
            <h3 id={`facet-${name}`}>{t.facetNames[name]}</h3>
            <ul aria-labelledby={`facet-${name}`}>
              {shown.map((v) => {
                const on = chosen.includes(v.value);
                return (
                  <li>
                    <a href={searchHref(params, { toggle: { param, value: v.value } })} class={`facet-link${on ? " is-selected" : ""}`} aria-current={on ? "true" : undefined}>
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

function SearchPage({ params, result, error }: { params: SearchParams; result?: SearchResult | undefined; error?: string | undefined }) {
  const from = params.offset + 1;
  const to = result ? params.offset + result.hits.length : 0;
  return (
    <Layout title={params.q ? `${params.q} – ${t.title}` : t.title} section="corpus" bodyClass="page-corpus">
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
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

function filterInput(params: SearchParams): { input: FilterInput; year?: number } {
  const of = (p: string) => params.selected.filter((x) => x.param === p).map((x) => x.value);
  const year = of("ar").map(Number).find((y) => Number.isInteger(y) && y > 1800 && y < 2200);
  return { input: { kind: of("kind"), party: of("party"), kommun: of("kommun"), lan: of("lan"), topic: of("topic") }, ...(year ? { year } : {}) };
}

// ── Record ────────────────────────────────────────────────────────────────────────────

function factSubjectName(subject: string): string {
  return municipalityByCode(subject)?.name ?? countyByCode(subject)?.name ?? (subject === "SE" ? sv.place.nation : subject);
}

function RecordPage({ doc, registry, template }: { doc: CorpusDocument; registry: FactRegistry; template?: string | undefined }) {
  const r = sv.record;
  const s = doc.source;
  return (
    <Layout title={doc.title} section="corpus" bodyClass="page-record">
      <p class="breadcrumb">
        <a href={paths.corpus}>{r.back}</a>
      </p>
      <article class="record">
        <h1>{doc.title}</h1>
        <dl class="meta">
          <dt>{r.kind}</dt>
          <dd>{sv.kinds.singular[doc.kind] ?? doc.kind}</dd>
          <dt>{r.level}</dt>
          <dd>{sv.levels[doc.level] ?? doc.level}</dd>
          {doc.municipality && (
            <>
              <dt>{r.municipality}</dt>
              <dd>
                <PlaceLink place={doc.municipality} />
              </dd>
            </>
          )}
          {doc.county && (
            <>
              <dt>{r.county}</dt>
              <dd>{doc.county.name}</dd>
            </>
          )}
          <dt>{r.date}</dt>
          <dd>{doc.date ? formatDate(doc.date) : r.undated}</dd>
          {doc.outlet && (
            <>
              <dt>{r.outlet}</dt>
              <dd>{doc.outlet}</dd>
            </>
          )}
          {doc.parties.length > 0 && (
            <>
              <dt>{r.parties}</dt>
              <dd>{doc.parties.map((p) => filterLabel("party", p)).join(", ")}</dd>
            </>
          )}
          {doc.authors.length > 0 && (
            <>
              <dt>{r.authors}</dt>
              <dd>
                <ul class="plain">
                  {doc.authors.map((a) => (
                    <li>
                      {a.name}
                      {a.party ? ` (${a.party})` : ""}
                      {a.role ? `, ${a.role}` : ""}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {doc.addressee && (
            <>
              <dt>{r.addressee}</dt>
              <dd>{doc.addressee}</dd>
            </>
          )}
          {doc.topics.length > 0 && (
            <>
              <dt>{r.topics}</dt>
              <dd>
                <ul class="inline-list">
                  {doc.topics.map((x) => (
                    <li>
                      <a href={`${paths.corpus}?topic=${encodeURIComponent(x)}`}>{topicLabel(x)}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>{r.id}</dt>
          <dd>
            <code>{doc.id}</code>
          </dd>
        </dl>

        {doc.summary && (
          <section aria-labelledby="sammanfattning">
            <h2 id="sammanfattning">{r.summary}</h2>
            <p>{doc.summary}</p>
          </section>
        )}
        {doc.arguments.length > 0 && (
          <section aria-labelledby="argument">
            <h2 id="argument">{r.arguments}</h2>
            <ol class="record-arguments">
              {doc.arguments.map((a, i) => (
                <li>
                  <p class="argument-head">
                    <span class={`stance stance-${a.stance}`}>{r.stance[a.stance] ?? a.stance}</span>
                    {` · ${r.argumentType}: ${argumentTypeLabel(a.type)}`}
                  </p>
                  <p>{a.claim}</p>
                  <p class="small">
                    <a href={draftHref({ ...(template ? { template } : {}), argument: `${doc.id}#${i + 1}` })}>{r.useArgument}</a>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        )}
        {doc.proposals.length > 0 && (
          <section aria-labelledby="forslag">
            <h2 id="forslag">{r.proposals}</h2>
            <ul class="proposals">
              {doc.proposals.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          </section>
        )}
        {doc.questions.length > 0 && (
          <section aria-labelledby="fragor">
            <h2 id="fragor">{r.questions}</h2>
            <ol>
              {doc.questions.map((q) => (
                <li>{q}</li>
              ))}
            </ol>
          </section>
        )}
        {doc.facts.length > 0 && (
          <section aria-labelledby="uppgifter">
            <h2 id="uppgifter">{r.facts}</h2>
            <ul class="record-facts">
              {doc.facts.map((id) => {
                const f = registry.byId(id);
                if (!f) return <li class="muted">{r.factMissing(id)}</li>;
                const def = factDefinition(f.key);
                return (
                  <li>
                    <span class="fact-label">{def?.label ?? f.key}</span>
                    {`: `}
                    <strong>{formatFactValue(f.value, def)}</strong>
                    {` (${factSubjectName(f.subject)}${f.asOf ? `, ${sv.facts.asOf.toLowerCase()} ${formatDate(f.asOf)}` : ""}). `}
                    <span class="fact-meta">
                      {`${sv.facts.source}: `}
                      <SourceRef source={f.source} />.
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <section aria-labelledby="kalla">
          <h2 id="kalla">{r.source}</h2>
          <p>
            <SourceRef source={s} />
            {s.reference ? `. ${r.reference}: ${s.reference}` : ""}
          </p>
          <h3>{r.citation}</h3>
          <p class="citation">{citationOf(doc)}</p>
        </section>
      </article>
    </Layout>
  );
}

export function registerCorpusPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.get(paths.corpus, async (c: Context) => {
    const params = readParams(new URL(c.req.url));
    const { input, year } = filterInput(params);
    let filters;
    try {
      filters = { ...resolveFilters(input), ...(year ? { from: year, to: year } : {}) };
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      return sendPage(c, <SearchPage params={params} error={explainError(e.details)} />, 400);
    }
    const index = await ctx.searchIndex();
    const result = index.search({ text: params.q, filters, limit: pageSize, offset: params.offset });
    return sendPage(c, <SearchPage params={params} result={result} />);
  });

  app.get(`${paths.corpus}/:id`, async (c) => {
    const id = c.req.param("id");
    const doc = /^[a-z0-9][a-z0-9-]*$/.test(id) ? await ctx.workspace.store.document(id) : undefined;
    if (!doc) return sendErrorPage(c, 404, { title: sv.errors.pages[404]!.title, text: sv.record.notFound(id) });
    // "Använd i ett utkast" opens the template that shares most topics with the document.
    const templates = (await ctx.workspace.templates()).all();
    const best = templates
      .map((x) => ({ id: x.frontMatter.id, n: x.frontMatter.topics.filter((tp) => doc.topics.includes(findTopic(tp)?.id as never)).length }))
      .sort((a, b) => b.n - a.n)[0];
    return sendPage(c, <RecordPage doc={doc} registry={await ctx.workspace.facts()} template={best?.id} />);
  });
}
