/**
 * The SCB page: search SCB's tables by words, pick one, then choose a value for each of its
 * further dimensions, where, the years and the key, and preview or fetch.
 */
import { formatDate } from "../../../lang/dates.js";
import type { ScbTable } from "../../../statistics/scb/client.js";
import type { JsonStatDataset } from "../../../statistics/scb/json-stat.js";
import { sv } from "../../messages.sv.js";
import type { StatisticsJob } from "../../statistics-jobs.js";
import { control, Field, type FieldErrors } from "../kit/form.js";
import { Group, ids, KeyAndRun, PlaceAndYearFields } from "./fields.js";
import { FailureNotice, HitCount, maxHits, StatisticsFrame } from "./frame.js";
import { statisticsPaths } from "./paths.js";
import { type ScbForm, tableDimensions } from "./scb-form.js";
import { upperFirst } from "../../../lang/lower-first.js";

const t = sv.staff.statistics;
const ts = t.scb;

/** SCB's labels start in lower case ("tabellinnehåll"); a form's label does not. */

export interface TableSearch {
  words: string;
  tables: readonly ScbTable[];
  failure?: string;
}

/** The table chosen: its metadata, or why it could not be read. */
export type ChosenTable = { id: string; meta: JsonStatDataset } | { id: string; failure: string };

function Tables({ result, chosen }: { result: TableSearch; chosen: string }) {
  if (result.failure) return <FailureNotice what={ts.searchFailed} why={result.failure} />;
  if (result.tables.length === 0) return <p class="result-count">{ts.search.none(result.words)}</p>;
  const shown = result.tables.slice(0, maxHits);
  const c = ts.search.columns;
  return (
    <form method="get" action={statisticsPaths.scb}>
      <input type="hidden" name="sok" value={result.words} />
      <HitCount hits={ts.search.hits(result.tables.length)} total={result.tables.length} shown={shown.length} />
      <div class="table-scroll">
        <table class="kpi-table">
          <caption class="visually-hidden">{ts.search.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.pick}</th>
              <th scope="col">{c.id}</th>
              <th scope="col">{c.label}</th>
              <th scope="col">{c.period}</th>
              <th scope="col">{c.updated}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((tb) => (
              <tr>
                <td>
                  <input
                    type="radio"
                    name="tabell"
                    value={tb.id}
                    id={`tab-${tb.id}`}
                    checked={tb.id === chosen}
                    aria-label={ts.search.pick(tb.id, tb.label ?? "")}
                  />
                </td>
                <td>
                  <code>{tb.id}</code>
                </td>
                <td>
                  <label for={`tab-${tb.id}`}>{tb.label ?? tb.id}</label>
                </td>
                <td>{tb.firstPeriod && tb.lastPeriod ? `${tb.firstPeriod}–${tb.lastPeriod}` : ""}</td>
                <td>{tb.updated ? formatDate(tb.updated.slice(0, 10)) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" class="button">
        {ts.search.choose}
      </button>
    </form>
  );
}

function FetchForm({ form, meta, errors }: { form: ScbForm; meta: JsonStatDataset; errors: FieldErrors }) {
  const { others } = tableDimensions(meta);
  return (
    <form method="post" action={statisticsPaths.scbFetch} class="stack" novalidate>
      <input type="hidden" name="sok" value={form.sok} />
      <input type="hidden" name="tabell" value={form.tabell} />
      <h2>{ts.table.heading(meta.label?.trim() || form.tabell, form.tabell)}</h2>
      {others.length > 0 && (
        <Group k="dims" legend={ts.table.dims} help={ts.table.dimsHelp} errors={new Map()}>
          {others.map((d) =>
            d.codes.length > 1 ? (
              <Field ids={ids} k={`dim-${d.id}`} label={upperFirst(d.label)} errors={errors}>
                <select name={`dim_${d.id}`} class="input-wide" {...control(ids, `dim-${d.id}`, errors, false)}>
                  <option value="">{ts.table.chooseOne}</option>
                  {d.codes.map((code) => (
                    <option value={code} selected={form.dims[d.id] === code}>
                      {`${d.labels[code] ?? code} (${code})`}
                    </option>
                  ))}
                </select>
              </Field>
            ) : (
              <p>{ts.table.fixed(upperFirst(d.label), d.labels[d.codes[0] ?? ""] ?? d.codes[0] ?? "")}</p>
            ),
          )}
        </Group>
      )}
      <PlaceAndYearFields form={form} errors={errors} yearsHelp={ts.years.help} />
      <KeyAndRun value={form.nyckel} help={ts.key.help} errors={errors} />
    </form>
  );
}

export function ScbPage(props: {
  form: ScbForm;
  result: TableSearch | undefined;
  table: ChosenTable | undefined;
  errors: FieldErrors;
  running: StatisticsJob | undefined;
}) {
  const { form, result, table, errors, running } = props;
  return (
    <StatisticsFrame
      title={ts.title}
      intro={ts.intro}
      other={{ href: statisticsPaths.home, text: t.otherService.kolada }}
      running={running}
      errors={errors}
      search={{ action: statisticsPaths.scb, label: ts.search.label, help: ts.search.help, words: form.sok }}
    >
      {result && <Tables result={result} chosen={form.tabell} />}
      {table &&
        ("meta" in table ? (
          <FetchForm form={form} meta={table.meta} errors={errors} />
        ) : (
          <FailureNotice what={ts.table.metadataFailed} why={table.failure} />
        ))}
    </StatisticsFrame>
  );
}
