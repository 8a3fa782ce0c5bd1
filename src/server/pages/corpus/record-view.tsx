/**
 * /korpus/:id: one record: its designation ("Motion 2014/15:1148"), signers with parties,
 * committee, the att-satser with the committee's and the chamber's decisions, arguments, the
 * facts it cites, its full text where the database holds it, and the link to the original when
 * the record holds one. The record comes as public-record.ts gives it: no file names.
 */
import { citationOf } from "../../../corpus/search/index.js";
import { argumentTypeLabel, topicLabel } from "../../../domain/vocabulary.js";
import { countyByCode, municipalityByCode } from "../../../data/places.js";
import type { PublicRecord } from "../../../corpus/public-record.js";
import { factDefinition } from "../../../facts/catalog.js";
import { formatFactValue } from "../../../facts/format-value.js";
import type { FactRegistry } from "../../../facts/registry.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { backHref, filterLabel, hasSearch, type SearchParams } from "./search-params.js";
import { Layout } from "../frame/layout.js";
import { draftHref, paths } from "../frame/links.js";
import { PlaceLink, SourceRef } from "../kit/parts.js";

function factSubjectName(subject: string): string {
  return (
    municipalityByCode(subject)?.name ?? countyByCode(subject)?.name ?? (subject === "SE" ? sv.place.nation : subject)
  );
}

/** The full text's paragraphs (blank lines between them), each with its line breaks. */
function FullText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class="full-text">
      {paragraphs.map((p) => {
        const lines = p.split(/\n/);
        return <p>{lines.flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>;
      })}
    </div>
  );
}

/** The att-satser with the decisions on each, as a table when the record holds decisions. */
function Proposals({ doc }: { doc: PublicRecord }) {
  const r = sv.record;
  const decisions = doc.decisions ?? [];
  if (decisions.length === 0)
    return (
      <ul class="proposals">
        {doc.proposals.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
    );
  return (
    <div class="table-scroll">
      <table class="key-table decisions">
        <caption class="visually-hidden">{r.decisionsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{r.decisionColumns.number}</th>
            <th scope="col">{r.decisionColumns.proposal}</th>
            <th scope="col">{r.decisionColumns.committee}</th>
            <th scope="col">{r.decisionColumns.chamber}</th>
          </tr>
        </thead>
        <tbody>
          {doc.proposals.map((p, i) => {
            const d = decisions[i];
            return (
              <tr>
                <td data-label={r.decisionColumns.number}>{d?.number ?? String(i + 1)}</td>
                <td data-label={r.decisionColumns.proposal}>{p}</td>
                <td data-label={r.decisionColumns.committee}>{d?.committee ?? r.noDecision}</td>
                <td data-label={r.decisionColumns.chamber}>
                  {d?.chamber ?? r.noDecision}
                  {d?.handledIn && <span class="muted small">{` (${r.handledIn(d.handledIn)})`}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Which fields came from the source's structure, which from the auto-tagger, which from the user. */
function Provenance({ provenance }: { provenance: NonNullable<PublicRecord["provenance"]> }) {
  const r = sv.record;
  const byOrigin = new Map<string, string[]>();
  for (const [field, origin] of Object.entries(provenance))
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), r.fieldNames[field] ?? field]);
  if (byOrigin.size === 0) return null;
  return (
    <details class="provenance">
      <summary>{r.provenance}</summary>
      <dl class="meta">
        {["structure", "tagger", "override"]
          .filter((o) => byOrigin.has(o))
          .map((o) => (
            <>
              <dt>{r.origins[o] ?? o}</dt>
              <dd>{byOrigin.get(o)!.join(", ")}</dd>
            </>
          ))}
      </dl>
    </details>
  );
}

export function RecordPage({
  doc,
  registry,
  template,
  search,
}: {
  doc: PublicRecord;
  registry: FactRegistry;
  template?: string | undefined;
  /** The search the record was reached from (from its URL): the way back returns to it. */
  search?: SearchParams | undefined;
}) {
  const r = sv.record;
  const s = doc.source;
  const kindName = sv.kinds.singular[doc.kind] ?? doc.kind;
  return (
    <Layout title={doc.title} section="corpus" bodyClass="page-record">
      <p class="breadcrumb">
        <a href={search && hasSearch(search) ? backHref(search) : paths.corpus} data-back-to-search>
          {r.back}
        </a>
      </p>
      <article class="record">
        <h1>{doc.title}</h1>
        {doc.designation && <p class="record-designation">{r.designationLine(kindName, doc.designation)}</p>}
        <dl class="meta">
          <dt>{r.kind}</dt>
          <dd>{kindName}</dd>
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
          {doc.designation && (
            <>
              <dt>{r.designation}</dt>
              <dd>{doc.designation}</dd>
            </>
          )}
          {doc.category && (
            <>
              <dt>{r.category}</dt>
              <dd>{doc.category}</dd>
            </>
          )}
          {doc.committee && (
            <>
              <dt>{r.committee}</dt>
              <dd>{doc.committee}</dd>
            </>
          )}
          {s.url && /^https?:\/\//.test(s.url) && (
            <>
              <dt>{r.original}</dt>
              <dd>
                <a href={s.url}>{r.originalLink(s.publisher)}</a>
              </dd>
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
              <dt>{r.signersOf(doc.kind)}</dt>
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
                    <a href={draftHref({ ...(template ? { template } : {}), argument: `${doc.id}#${i + 1}` })}>
                      {r.useArgument}
                    </a>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        )}
        {doc.proposals.length > 0 && (
          <section aria-labelledby="forslag">
            <h2 id="forslag">{r.proposals}</h2>
            <Proposals doc={doc} />
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
        {doc.fullText?.trim() && (
          <section aria-labelledby="fulltext">
            <h2 id="fulltext">{r.fullText}</h2>
            <FullText text={doc.fullText} />
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
                    {` (${factSubjectName(f.subject)}` +
                      `${f.asOf ? `, ${sv.facts.asOf.toLowerCase()} ${formatDate(f.asOf)}` : ""}). `}
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
          {doc.provenance && <Provenance provenance={doc.provenance} />}
        </section>
      </article>
    </Layout>
  );
}
