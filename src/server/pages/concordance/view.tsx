/**
 * /korpus/konkordans: the form (word or phrase, all inflections, sort, context, filters), the
 * counts as two small charts, the lines as Korp shows them (left context right-aligned, the
 * keyword in a centred column, right context, the record), sortable from the column heads,
 * in pages, and the export links with the same query.
 */
import { corpusKinds, type CorpusKind } from "../../../domain/corpus-document.js";
import { parliamentaryParties, partyName } from "../../../domain/signer.js";
import { topics } from "../../../domain/vocabulary.js";
import type { Concordance, ConcordanceLine, ConcordanceSort } from "../../../corpus/concordance/index.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { assetUrl } from "../frame/assets.js";
import { Layout } from "../frame/layout.js";
import { paths, recordHref } from "../frame/links.js";
import { Pagination } from "../kit/parts.js";
import { PartyChart, YearChart } from "./chart.js";
import {
  concordanceHref,
  contextChoices,
  exportHref,
  filterLabel,
  linesPerPage,
  type ConcordanceParams,
} from "./params.js";
import { researchPaths } from "./paths.js";

const t = sv.concordance;

function ActiveFilters({ params }: { params: ConcordanceParams }) {
  if (params.selected.length === 0) return null;
  return (
    <div class="active-filters">
      <h2 class="visually-hidden" id="valda-filter">
        {t.filtersHeading}
      </h2>
      <ul class="chips" aria-labelledby="valda-filter">
        {params.selected.map((x) => {
          const label = filterLabel(x.param, x.value);
          return (
            <li>
              <a class="chip" href={concordanceHref(params, { remove: x })} aria-label={t.removeFilter(label)}>
                {label} <span aria-hidden="true">×</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Select({ name, options }: { name: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div class="field field-compact">
      <label for={`k-${name}`}>{t.filterNames[name]}</label>
      <select id={`k-${name}`} name={name}>
        <option value="">{t.anyValue}</option>
        {options.map(([value, label]) => (
          <option value={value}>{label}</option>
        ))}
      </select>
    </div>
  );
}

function QueryForm({ params }: { params: ConcordanceParams }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> would change markup and styles
    <form role="search" method="get" action={researchPaths.concordance} class="search-form kwic-form">
      <label for="q">{t.queryLabel}</label>
      <p class="help" id="q-hjalp">
        {t.queryHelp}
      </p>
      <div class="inline-controls">
        <input type="search" id="q" name="q" value={params.q} aria-describedby="q-hjalp" class="input-wide" />
        <button type="submit" class="button">
          {t.show}
        </button>
      </div>
      <div class="kwic-options">
        <div class="field">
          <label class="checkbox" for="bojning">
            <input
              type="checkbox"
              id="bojning"
              name="bojning"
              value="1"
              checked={params.inflections}
              aria-describedby="bojning-hjalp"
            />
            <span>{t.inflections}</span>
          </label>
          <p class="help" id="bojning-hjalp">
            {t.inflectionsHelp}
          </p>
        </div>
        <div class="field field-compact">
          <label for="sortera">{t.sortLabel}</label>
          <select id="sortera" name="sortera">
            {(["date", "left", "right"] as const).map((s) => (
              <option value={s === "date" ? "datum" : s === "left" ? "vanster" : "hoger"} selected={params.sort === s}>
                {t.sorts[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field field-compact">
          <label for="kontext">{t.contextLabel}</label>
          <select id="kontext" name="kontext">
            {contextChoices.map((n) => (
              <option value={String(n)} selected={params.context === n}>
                {String(n)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {params.selected.map((x) => (
        <input type="hidden" name={x.param} value={x.value} />
      ))}
      <details class="kwic-filters">
        <summary>{t.addFilters}</summary>
        <p class="help">{t.addFiltersHelp}</p>
        <div class="kwic-filter-fields">
          <Select name="kind" options={corpusKinds.map((k: CorpusKind) => [k, sv.kinds.singular[k] ?? k] as const)} />
          <Select name="party" options={parliamentaryParties.map((p) => [p, `${partyName(p)} (${p})`] as const)} />
          <Select name="topic" options={topics.map((x) => [x.id, x.label] as const)} />
          <div class="field field-compact">
            <label for="k-kommun">{t.filterNames.kommun}</label>
            <input type="text" id="k-kommun" name="kommun" class="input-medium" autocomplete="off" />
          </div>
          <div class="field field-compact">
            <label for="k-from">{t.filterNames.from}</label>
            <input type="number" id="k-from" name="from" min="1800" max="2199" inputmode="numeric" class="input-year" />
          </div>
          <div class="field field-compact">
            <label for="k-to">{t.filterNames.to}</label>
            <input type="number" id="k-to" name="to" min="1800" max="2199" inputmode="numeric" class="input-year" />
          </div>
        </div>
      </details>
    </form>
  );
}

function SortHead({ params, sort, label }: { params: ConcordanceParams; sort: ConcordanceSort; label: string }) {
  const on = params.sort === sort;
  return on ? (
    <>
      {label} <span class="visually-hidden">({t.sortedBy})</span>
      <span aria-hidden="true"> ▾</span>
    </>
  ) : (
    <a href={concordanceHref(params, { sort })} aria-label={t.sortBy(label.toLowerCase())}>
      {label}
    </a>
  );
}

function Line({ line }: { line: ConcordanceLine }) {
  const where = t.fields[line.field];
  return (
    <tr>
      <td class="kwic-left">
        <span dir="ltr">{line.left}</span>
      </td>
      <td class="kwic-keyword">
        <mark>{line.keyword}</mark>
      </td>
      <td class="kwic-right">{line.right}</td>
      <td class="kwic-record">
        <a href={recordHref(line.documentId)}>{line.title}</a>
        <span class="kwic-meta">
          {[line.date ? formatDate(line.date) : t.undated, line.parties.join(", "), where].filter(Boolean).join(" · ")}
        </span>
      </td>
    </tr>
  );
}

function Pages({ params, result }: { params: ConcordanceParams; result: Concordance }) {
  return (
    <Pagination
      offset={params.offset}
      total={result.kept}
      size={linesPerPage}
      hrefAt={(offset) => concordanceHref(params, { offset })}
      texts={t}
    />
  );
}

function Results({ params, result }: { params: ConcordanceParams; result: Concordance }) {
  const from = params.offset + 1;
  const to = params.offset + result.lines.length;
  const searchParams = new URLSearchParams({ q: params.q });
  return (
    <>
      <p class="result-count" role="status" data-total={String(result.total)}>
        {t.total(result.total, result.documents, from, to)}
      </p>
      {result.truncated && <p class="notice">{t.truncated(result.kept)}</p>}
      {result.total > 0 && (
        <>
          <section class="kwic-charts" aria-labelledby="fordelning">
            <h2 id="fordelning">{t.charts}</h2>
            <p class="help">{t.chartNote}</p>
            <div class="kwic-chart-row">
              <figure class="kwic-chart" aria-labelledby="diagram-ar-rubrik">
                <h3 id="diagram-ar-rubrik">{t.yearChart.heading}</h3>
                <YearChart counts={result.counts} query={params.q} id="diagram-ar" />
              </figure>
              <figure class="kwic-chart" aria-labelledby="diagram-parti-rubrik">
                <h3 id="diagram-parti-rubrik">{t.partyChart.heading}</h3>
                <PartyChart counts={result.counts} query={params.q} id="diagram-parti" />
              </figure>
            </div>
          </section>
          <section aria-labelledby="forekomster">
            <h2 id="forekomster">{t.results}</h2>
            <div class="kwic-export">
              <span id="ladda-ner">{t.export}:</span>{" "}
              <a href={exportHref(params, "csv")} download="" aria-describedby="ladda-ner-hjalp" data-export="csv">
                {t.exportCsv}
              </a>
              {" · "}
              <a href={exportHref(params, "jsonl")} download="" aria-describedby="ladda-ner-hjalp" data-export="jsonl">
                {t.exportJsonl}
              </a>
              <p class="help" id="ladda-ner-hjalp">
                {t.exportHelp}
              </p>
            </div>
            {/* Scrolls sideways on a narrow screen: reachable by keyboard, named for screen readers. */}
            <section class="kwic-scroll" tabindex={0} aria-label={t.tableCaption(params.q)}>
              <table class="kwic">
                <caption class="visually-hidden">{t.tableCaption(params.q)}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="kwic-left" aria-sort={params.sort === "left" ? "ascending" : undefined}>
                      <SortHead params={params} sort="left" label={t.columns.left} />
                    </th>
                    <th scope="col" class="kwic-keyword">
                      {t.columns.keyword}
                    </th>
                    <th scope="col" class="kwic-right" aria-sort={params.sort === "right" ? "ascending" : undefined}>
                      <SortHead params={params} sort="right" label={t.columns.right} />
                    </th>
                    <th scope="col" class="kwic-record" aria-sort={params.sort === "date" ? "descending" : undefined}>
                      <SortHead params={params} sort="date" label={t.columns.record} />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.lines.map((l) => (
                    <Line line={l} />
                  ))}
                </tbody>
              </table>
            </section>
            <Pages params={params} result={result} />
          </section>
        </>
      )}
      <p class="kwic-links">
        <a href={`${paths.corpus}?${searchParams.toString()}`}>{t.toSearch}</a>
        {" · "}
        <a href={researchPaths.arguments}>{t.whoArgued}</a>
      </p>
    </>
  );
}

export function ConcordancePage({
  params,
  result,
  error,
}: {
  params: ConcordanceParams;
  result?: Concordance | undefined;
  error?: string | undefined;
}) {
  return (
    <Layout
      title={params.q ? `${params.q} – ${t.title}` : t.title}
      section="corpus"
      bodyClass="page-concordance"
      head={<link rel="stylesheet" href={assetUrl("research.css")} />}
    >
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <QueryForm params={params} />
      <ActiveFilters params={params} />
      {error && (
        <div class="notice notice-error" role="alert">
          <p>
            {t.invalidFilter} {error}
          </p>
        </div>
      )}
      {result && <Results params={params} result={result} />}
    </Layout>
  );
}
