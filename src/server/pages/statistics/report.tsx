/**
 * A fetch's report: per key what is (or would be) new, changed, unchanged and skipped, the
 * source, the values, a municipality page that shows them, and the requests asked.
 */
import { countyByCode, municipalityByCode } from "../../../data/places.js";
import type { FetchedKey, FetchReport } from "../../../facts/fetch/fetched-import.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { placeHref } from "../frame/links.js";

const t = sv.staff.statistics.report;

/** The most values listed under a key (the report counts them all). */
export const maxRows = 200;

/** A Kolada place id by name: "2582" → "Boden", "0001" → "Stockholms län", "0000" → "Sverige". */
function placeName(code: string | undefined): string {
  const c = (code ?? "").trim();
  if (c === "0000" || c === "SE") return t.country;
  if (/^00\d\d$/.test(c)) return countyByCode(c.slice(2))?.name ?? c;
  return municipalityByCode(c)?.name ?? c;
}

function KeyReport(props: { k: FetchedKey; fetchedOn: string; dryRun: boolean; service: string }) {
  const { k, fetchedOn, dryRun, service } = props;
  const first = k.facts.find((f) => f.scope === "kommun");
  const rows = k.facts.slice(0, maxRows);
  return (
    <section class="fetch-key" aria-labelledby={`key-${k.key}`}>
      <h2 id={`key-${k.key}`}>
        {k.label} <code>{k.key}</code>
      </h2>
      <p class="fetch-counts">{t.counts(k.counts)}</p>
      {k.created && <p class="fetch-created">{dryRun ? t.keyWouldBeCreated(k.key) : t.keyCreated(k.key)}</p>}
      <p>{k.sourceTitle ? t.source(k.sourceTitle, k.publisher, formatDate(fetchedOn)) : t.noSource(service)}</p>
      {first && !dryRun && (
        <p>
          <a href={placeHref({ code: first.subject, name: first.subjectName })}>{t.placeLink(first.subjectName)}</a>
        </p>
      )}
      {rows.length > 0 && (
        <details>
          <summary>{t.values(k.facts.length)}</summary>
          <div class="table-scroll">
            <table class="fetch-values">
              <caption class="visually-hidden">{t.caption(k.key)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columns.place}</th>
                  <th scope="col">{t.columns.asOf}</th>
                  <th scope="col">{t.columns.value}</th>
                  <th scope="col">{t.columns.change}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((f) => (
                  <tr>
                    <th scope="row">{f.subjectName}</th>
                    <td>{formatDate(f.asOf)}</td>
                    <td class="number">
                      {f.kind === "changed" && f.previous ? `${f.previous.shown} → ${f.shown}` : f.shown}
                    </td>
                    <td>{t.kinds[f.kind] ?? f.kind}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {k.facts.length > rows.length && <p class="muted">{t.more(k.facts.length - rows.length)}</p>}
        </details>
      )}
      {k.skipped.length > 0 && (
        <details>
          <summary>{t.skipped(k.skipped.length)}</summary>
          <ul>
            {k.skipped.slice(0, maxRows).map((s) => (
              <li>{`${placeName(s.subject)}: ${s.reason}`}</li>
            ))}
          </ul>
          {k.skipped.length > maxRows && <p class="muted">{t.more(k.skipped.length - maxRows)}</p>}
        </details>
      )}
    </section>
  );
}

export function FetchReportView({ report }: { report: FetchReport }) {
  const service = sv.staff.statistics.services[report.service] ?? report.service;
  return (
    <>
      {report.keys.map((k) => (
        <KeyReport k={k} fetchedOn={report.fetchedOn} dryRun={!report.committed} service={service} />
      ))}
      <details class="fetch-urls" open={report.urls.length <= 3}>
        <summary>{t.urls(service, report.urls.length)}</summary>
        <ul>
          {report.urls.map((u) => (
            <li>
              <code>{u}</code>
            </li>
          ))}
        </ul>
      </details>
      <p class="muted">{t.requests(report.urls.length, report.requests)}</p>
    </>
  );
}
