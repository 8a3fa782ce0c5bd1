/**
 * /korpus/argument: "who argued what" on a topic: its arguments for and against, party by
 * party, each with the record it was made in (linked), the record's kind and date.
 */
import type { WhoArguedWhat } from "../../../corpus/argument-groups.js";
import { partyName } from "../../../domain/signer.js";
import { argumentTypeLabel, topicLabel, topics } from "../../../domain/vocabulary.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { assetUrl } from "../frame/assets.js";
import { Layout } from "../frame/layout.js";
import { recordHref } from "../frame/links.js";
import { researchPaths } from "../concordance/paths.js";

const t = sv.whoArgued;

function TopicForm({ topic }: { topic: string | undefined }) {
  return (
    <form method="get" action={researchPaths.arguments} class="search-form">
      <label for="amne">{t.topicLabel}</label>
      <div class="inline-controls">
        <select id="amne" name="topic" class="input-medium">
          <option value="" selected={!topic}>
            {t.choose}
          </option>
          {topics.map((x) => (
            <option value={x.id} selected={x.id === topic}>
              {x.label}
            </option>
          ))}
        </select>
        <button type="submit" class="button">
          {t.show}
        </button>
      </div>
    </form>
  );
}

/** This page for one party of a topic (all its arguments), or for every party. */
export function argumentsHref(topic: string, party?: string): string {
  const p = new URLSearchParams({ topic });
  if (party !== undefined) p.set("parti", party || "-");
  return `${researchPaths.arguments}?${p.toString()}`;
}

const partyLabel = (party: string) => (party ? t.partyHeading(partyName(party), party) : t.noParty);

function Groups({ w, party }: { w: WhoArguedWhat; party: string | undefined }) {
  const label = topicLabel(w.topic);
  // An argument stands under more than one party when its record was signed by several.
  const shared = party === undefined && w.stances.some((s) => s.parties.reduce((n, p) => n + p.total, 0) > s.count);
  const concordance = `${researchPaths.concordance}?${new URLSearchParams({ q: label, bojning: "1", topic: w.topic })}`;
  return (
    <>
      <p class="result-count" role="status">
        {t.summary(w.documents, label)}
      </p>
      {shared && <p class="help">{t.shared}</p>}
      {party !== undefined && (
        <p>
          {t.onlyParty(partyLabel(party))} <a href={argumentsHref(w.topic)}>{t.allParties}</a>
        </p>
      )}
      <div class="argued-stances">
        {w.stances.map((s) => (
          <section class={`argued argued-${s.stance}`} aria-labelledby={`stance-${s.stance}`}>
            <h2 id={`stance-${s.stance}`}>{t.stanceHeading(t.stances[s.stance] ?? s.stance, s.count)}</h2>
            {s.parties.map((p) => {
              const id = `parti-${s.stance}-${p.party || "inget"}`.replace(/[^\p{L}\p{N}-]/gu, "-");
              return (
                <section class="party-arguments" aria-labelledby={id}>
                  <h3 id={id}>{partyLabel(p.party)}</h3>
                  <ul class="cited-arguments">
                    {p.arguments.map((a) => (
                      <li>
                        <p class="claim">{a.claim}</p>
                        <p class="citation">
                          {`${argumentTypeLabel(a.type)} · ${t.inRecord} `}
                          <a href={recordHref(a.documentId)}>{a.title}</a>
                          {` (${sv.kinds.singular[a.kind] ?? a.kind}), `}
                          {a.date ? formatDate(a.date) : sv.record.undated}
                        </p>
                      </li>
                    ))}
                  </ul>
                  {p.total > p.arguments.length && (
                    <p class="help">
                      {t.shown(p.arguments.length, p.total)}{" "}
                      <a href={argumentsHref(w.topic, p.party)}>{t.showAll(partyLabel(p.party))}</a>
                    </p>
                  )}
                </section>
              );
            })}
          </section>
        ))}
      </div>
      <p class="kwic-links">
        <a href={concordance}>{t.concordanceLink}</a>
      </p>
    </>
  );
}

export function ArgumentsPage({
  topic,
  party,
  result,
  error,
}: {
  topic?: string | undefined;
  party?: string | undefined;
  result?: WhoArguedWhat | undefined;
  error?: string | undefined;
}) {
  const title = result ? `${topicLabel(result.topic)} – ${t.title}` : t.title;
  return (
    <Layout
      title={title}
      section="corpus"
      bodyClass="page-arguments"
      head={<link rel="stylesheet" href={assetUrl("research.css")} />}
    >
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <TopicForm topic={topic} />
      {error && (
        <div class="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {result && <Groups w={result} party={party} />}
    </Layout>
  );
}
