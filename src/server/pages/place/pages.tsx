/**
 * /kommun — the 290 municipalities by county; /kommun/:name — one municipality (code or any
 * name form): its facts with sources and history, its county's and the nation's, and the
 * templates that fit it.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import type { Template } from "../../../compose/template-library.js";
import { findMunicipality } from "../../../data/places.js";
import { isMotioneraError } from "../../../domain/errors.js";
import type { Place } from "../../../domain/municipality.js";
import type { FactScope } from "../../../facts/catalog.js";
import { factRowsForPlace, type FactRow } from "../../../facts/place-facts.js";
import { fittingTemplates } from "../../../compose/template-choice.js";
import { formatDate, formatDateTime, todayInSweden } from "../../../lang/dates.js";
import type { AuditEntry } from "../../../domain/audit.js";
import { auditTexts } from "../../../messages.sv.js";
import { sv } from "../../messages.sv.js";
import { sendErrorPage } from "../frame/error-page.js";
import { Layout, sendPage } from "../frame/layout.js";
import { draftHref, paths, placeHref } from "../frame/links.js";
import { SourceRef } from "../kit/parts.js";
import { PlaceIndex, factKeysPerMunicipality } from "./place-index.js";
import { addFactHref, savedFactParam } from "../add-fact/paths.js";
import { filingListHref } from "../arenden/paths.js";
import { SavedFactNotice, savedFactFor } from "../add-fact/saved-notice.js";

const t = sv.place;

function FactLine({ row }: { row: FactRow }) {
  return (
    <>
      <span class="fact-value">{row.value}</span>
      <span class="fact-meta">
        {row.asOf
          ? ` ${sv.facts.asOf} ${formatDate(row.asOf)}${row.age ? ` (${sv.facts.age(row.age)})` : ""}. `
          : ` ${sv.facts.undated}. `}
        {`${sv.facts.source}: `}
        <SourceRef source={row.source} />.{row.note ? ` ${sv.facts.note}: ${row.note}.` : ""}
      </span>
    </>
  );
}

/** One subject's facts: each key's latest value, then its older values. */
function FactGroup({
  id,
  heading,
  rows,
  add,
}: {
  id: string;
  heading: string;
  rows: FactRow[];
  /** The municipality's own group: the way to add a value ("Lägg till uppgift"). */
  add?: { place: Place } | undefined;
}) {
  const keys = [...new Set(rows.map((r) => r.key))];
  const addHref = add ? addFactHref({ kommun: add.place.name, till: placeHref(add.place) }) : undefined;
  return (
    <section aria-labelledby={id} class="fact-group">
      <h2 id={id}>{heading}</h2>
      {add && addHref && (
        <p class="add-fact">
          <a href={addHref}>{keys.length === 0 ? sv.addFact.addNothing(add.place.name) : sv.addFact.addAny}</a>
        </p>
      )}
      {keys.length === 0 ? (
        <p class="muted">{t.noFacts}</p>
      ) : (
        <ul class="fact-cards">
          {keys.map((k) => {
            const of = rows.filter((r) => r.key === k);
            const latest = of.find((r) => r.latest) ?? of[of.length - 1]!;
            const older = of.filter((r) => r !== latest).reverse();
            return (
              <li class="fact-card">
                <p class="fact-label">{latest.label}</p>
                <p>
                  <FactLine row={latest} />
                </p>
                {older.length > 0 && (
                  <div class="history">
                    <p class="history-heading">{t.history}</p>
                    <ul>
                      {older.map((r) => (
                        <li>
                          <FactLine row={r} />
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Changes listed on a municipality's page. */
const changesShown = 10;
/** Facts named per change (an import names more only by number). */
const factsNamed = 5;

/** The latest writes touching the municipality: when, who, what, and which of its facts. */
function Changes({ place, entries, rows }: { place: Place; entries: readonly AuditEntry[]; rows: FactRow[] }) {
  const byId = new Map(rows.map((r) => [r.fact.id, r]));
  return (
    <section aria-labelledby="senaste-andringar" class="changes">
      <h2 id="senaste-andringar">{t.changes}</h2>
      <p class="help">{t.changesIntro}</p>
      {entries.length === 0 ? (
        <p class="muted">{t.noChanges}</p>
      ) : (
        <ol class="change-list">
          {entries.map((e) => {
            const own = e.ids.filter((id) => id.startsWith(`${place.code}.`) && byId.has(id));
            const named = own.slice(0, factsNamed).map((id) => {
              const r = byId.get(id)!;
              return `${r.label}: ${r.value}${r.asOf ? ` (${formatDate(r.asOf)})` : ""}`;
            });
            return (
              <li>
                <time datetime={e.at}>{formatDateTime(e.at)}</time>
                {` ${t.changedBy(e.actor)} ${auditTexts.action(e)}`}
                {named.length > 0 && (
                  <span class="muted">
                    {`. ${t.changedFacts}: ${named.join("; ")}`}
                    {own.length > named.length ? ` ${t.moreChanged(own.length - named.length)}` : ""}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function PlacePage({
  place,
  rows,
  templates,
  changes,
  documents,
  savedFact,
}: {
  place: Place;
  /** The fact just saved with "Lägg till uppgift", when the user came back here from its form. */
  savedFact?: { label: string; place: string } | undefined;
  rows: FactRow[];
  templates: Template[];
  changes: readonly AuditEntry[];
  /** How many corpus documents are about the municipality (the search's own count). */
  documents: number;
}) {
  const of = (scope: FactScope) => rows.filter((r) => r.scope === scope);
  return (
    <Layout title={place.name} section="places" bodyClass="page-place">
      <p class="breadcrumb">
        <a href={paths.places}>{t.indexTitle}</a>
      </p>
      <h1>{place.selfName}</h1>
      {savedFact && <SavedFactNotice {...savedFact} />}
      <dl class="meta">
        {place.officialName !== place.selfName && (
          <>
            <dt>{t.officialName}</dt>
            <dd>{place.officialName}</dd>
          </>
        )}
        <dt>{t.code}</dt>
        <dd>{place.code}</dd>
        <dt>{t.county}</dt>
        <dd>
          <a href={`${paths.places}#lan-${place.county.code}`}>{place.county.name}</a>
        </dd>
      </dl>
      <p>
        {documents > 0 ? (
          <a href={`${paths.corpus}?kommun=${place.code}`}>{t.corpusLink(place.name, documents)}</a>
        ) : (
          t.noCorpus(place.name)
        )}
      </p>
      <p>
        <a href={filingListHref({ kommun: place.name })} data-filings-link>
          {sv.filings.placeLink(place.name)}
        </a>
      </p>
      <section aria-labelledby="mallar" class="templates-fit">
        <h2 id="mallar">{t.templates}</h2>
        <p class="help">{t.templatesIntro}</p>
        {templates.length === 0 ? (
          <p class="muted">{t.noTemplates}</p>
        ) : (
          <ul class="template-links">
            {templates.map((x) => (
              <li>
                <a href={draftHref({ template: x.frontMatter.id, kommun: place.name })}>{x.frontMatter.title}</a>
                <span class="muted">{` (${sv.kinds.singular[x.frontMatter.kind] ?? x.frontMatter.kind})`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FactGroup id="kommunens-uppgifter" heading={t.factsOf(place.name)} rows={of("kommun")} add={{ place }} />
      <FactGroup id="lanets-uppgifter" heading={t.countyFacts(place.county.name)} rows={of("lan")} />
      <FactGroup id="landets-uppgifter" heading={t.nationalFacts} rows={of("land")} />
      <Changes place={place} entries={changes} rows={rows} />
    </Layout>
  );
}

export function registerPlacePages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.get(paths.places, async (c) => {
    const filter = { q: (c.req.query("q") ?? "").slice(0, 100), withFacts: c.req.query("med") === "1" };
    const counts = factKeysPerMunicipality(await ctx.workspace.store.facts());
    return sendPage(c, <PlaceIndex filter={filter} counts={counts} />);
  });

  app.get(`${paths.places}/:name`, async (c) => {
    const name = c.req.param("name").slice(0, 100);
    let place: Place;
    try {
      place = findMunicipality(name);
    } catch (e) {
      if (!isMotioneraError(e) || e.details.code !== "unknown_municipality") throw e;
      const suggestions = e.details.suggestions;
      return sendErrorPage(c, 404, {
        title: t.unknownTitle,
        text: t.unknown(name),
        children:
          suggestions.length > 0 ? (
            <p>
              {`${sv.fieldErrors.didYouMean} `}
              {suggestions.map((s, i) => (
                <>
                  {i > 0 && (i === suggestions.length - 1 ? ` ${sv.fieldErrors.or} ` : ", ")}
                  <a href={placeHref(findMunicipality(s))}>{s}</a>
                </>
              ))}
              ?
            </p>
          ) : undefined,
      });
    }
    const registry = await ctx.workspace.facts();
    const rows = factRowsForPlace(registry, place, todayInSweden());
    // A broken template is left out here; the draft form names it.
    const templates = fittingTemplates((await ctx.workspace.templates()).usable().templates, registry, place);
    const changes = await ctx.workspace.store.audit({ subject: place.code, limit: changesShown });
    const documents = (await ctx.searchIndex()).search({
      text: "",
      filters: { municipality: [place.code] },
      limit: 0,
    }).total;
    return sendPage(
      c,
      <PlacePage
        place={place}
        rows={rows}
        templates={templates}
        changes={changes}
        documents={documents}
        savedFact={savedFactFor(c.req.query(savedFactParam), await ctx.workspace.catalog(), place)}
      />,
    );
  });
}
