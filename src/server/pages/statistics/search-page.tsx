/**
 * The statistics page: search Kolada's KPIs by words, pick one or more, choose where, the
 * years, the gender and the key, then preview or fetch (the form posts to the job's start).
 */
import { formatDate } from "../../../lang/dates.js";
import type { KoladaKpi } from "../../../statistics/kolada/schemas.js";
import { sv } from "../../messages.sv.js";
import type { StatisticsJob } from "../../statistics-jobs.js";
import { control, Field, type FieldErrors } from "../kit/form.js";
import { Group, ids, KeyAndRun, PlaceAndYearFields } from "./fields.js";
import type { FetchForm } from "./form.js";
import { FailureNotice, HitCount, maxHits, StatisticsFrame } from "./frame.js";
import { statisticsPaths } from "./paths.js";

const t = sv.staff.statistics;

export interface SearchResult {
  words: string;
  kpis: readonly KoladaKpi[];
  /** The search's failure, worded. */
  failure?: string;
}

function Hits({ result, form }: { result: SearchResult; form: FetchForm }) {
  if (result.failure) return <FailureNotice what={t.searchFailed} why={result.failure} />;
  if (result.kpis.length === 0) return <p class="result-count">{t.search.none(result.words)}</p>;
  const shown = result.kpis.slice(0, maxHits);
  const c = t.search.columns;
  return (
    <>
      <HitCount hits={t.search.hits(result.kpis.length)} total={result.kpis.length} shown={shown.length} />
      <div class="table-scroll">
        <table class="kpi-table">
          <caption class="visually-hidden">{t.search.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.pick}</th>
              <th scope="col">{c.id}</th>
              <th scope="col">{c.title}</th>
              <th scope="col">{c.area}</th>
              <th scope="col">{c.published}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((k) => (
              <tr>
                <td>
                  <input
                    type="checkbox"
                    name="kpi"
                    value={k.id}
                    id={`kpi-${k.id}`}
                    checked={form.kpi.includes(k.id)}
                    aria-label={t.search.pick(k.id, k.title)}
                  />
                </td>
                <td>
                  <code>{k.id}</code>
                </td>
                <td>
                  <label for={`kpi-${k.id}`}>{k.title}</label>
                  {k.description?.trim() && (
                    <details class="kpi-description">
                      <summary>{t.search.description}</summary>
                      <p>{k.description.trim()}</p>
                    </details>
                  )}
                </td>
                <td>{k.operating_area ?? ""}</td>
                <td>{k.publication_date ? formatDate(k.publication_date.slice(0, 10)) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function StatisticsPage(props: {
  form: FetchForm;
  result: SearchResult | undefined;
  errors: FieldErrors;
  running: StatisticsJob | undefined;
}) {
  const { form, result, errors, running } = props;
  // A KPI ticked earlier that the list no longer shows stays chosen, in the typed ids.
  const listed = new Set(result?.kpis.slice(0, maxHits).map((k) => k.id) ?? []);
  const typed = [form.kpiIds, ...form.kpi.filter((id) => !listed.has(id))].filter(Boolean).join(", ");
  return (
    <StatisticsFrame
      title={t.title}
      intro={t.intro}
      other={{ href: statisticsPaths.scb, text: t.otherService.scb }}
      running={running}
      errors={errors}
      search={{ action: statisticsPaths.home, label: t.search.label, help: t.search.help, words: form.sok }}
    >
      <form method="post" action={statisticsPaths.fetch} class="stack" novalidate>
        <input type="hidden" name="sok" value={form.sok} />
        <Group k="kpis" legend={t.legends.kpis} errors={errors}>
          {result && <Hits result={result} form={form} />}
          <Field ids={ids} k="kpiIds" label={t.kpiIds.label} help={t.kpiIds.help} errors={new Map()}>
            <input
              type="text"
              name="kpiIds"
              value={typed}
              class="input-medium"
              autocomplete="off"
              spellcheck={false}
              {...control(ids, "kpiIds", new Map(), true)}
            />
          </Field>
        </Group>

        <PlaceAndYearFields form={form} errors={errors} />

        <Group k="gender" legend={t.legends.gender} help={t.gender.help} errors={errors}>
          <div class="radios">
            {(["T", "K", "M"] as const).map((g) => (
              <label class="radio">
                <input type="radio" name="kon" value={g} checked={form.kon === g} />
                <span>{t.gender.values[g]}</span>
              </label>
            ))}
          </div>
        </Group>

        <KeyAndRun value={form.nyckel} help={t.key.help} errors={errors} />
      </form>
    </StatisticsFrame>
  );
}
