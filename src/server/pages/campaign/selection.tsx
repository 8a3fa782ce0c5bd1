/**
 * "Visa urvalet": one table row per municipality of the counties and list — whether it is
 * selected, and for each condition the value (with its date) it was judged on, or that the
 * registry has none (with a link to add it); then the selected ones whose facts are older
 * than the template accepts, before anything is downloaded.
 */
import type { SelectionRow } from "../../../campaign/selection-report.js";
import { factDefinition } from "../../../facts/catalog.js";
import { formatFactValue } from "../../../facts/format-value.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { placeHref } from "../frame/links.js";

const t = sv.campaign.table;

const label = (key: string) => factDefinition(key)?.label ?? key;

function Reasons({ row, addHref }: { row: SelectionRow; addHref: (place: string, key: string) => string }) {
  if (row.outcomes.length === 0) return <span class="muted">{t.noConditions}</span>;
  return (
    <ul class="reasons">
      {row.outcomes.map((o) => {
        const name = label(o.condition.key);
        if (o.value === undefined)
          return (
            <li class={o.holds ? "" : "reason-missing"}>
              {o.holds ? (o.condition.op === "!=" ? t.missingIncluded(name) : t.missing(name)) : t.missing(name)}
              {!o.holds && (
                <>
                  {" "}
                  <a href={addHref(row.place.name, o.condition.key)}>
                    {t.addFact}
                    <span class="visually-hidden">{sv.addFact.addMissingHidden(name)}</span>
                  </a>
                </>
              )}
            </li>
          );
        const shown = formatFactValue(o.value, factDefinition(o.condition.key), "text");
        const own = o.subjectName && o.subjectName !== row.place.name ? o.subjectName : undefined;
        return (
          <li class={o.holds ? "" : "reason-no"}>
            {t.value(name, shown, o.asOf ? formatDate(o.asOf) : undefined, own)}
            {!o.holds && ` – ${t.notMatched}`}
          </li>
        );
      })}
    </ul>
  );
}

export function SelectionTable(props: {
  rows: readonly SelectionRow[];
  addHref: (place: string, key: string) => string;
}) {
  const selected = props.rows.filter((r) => r.selected).length;
  const stale = props.rows.filter((r) => r.stale.length > 0);
  return (
    <>
      {stale.length > 0 && (
        <div class="notice campaign-stale" role="note">
          <h3>{t.staleHeading(stale.length)}</h3>
          <p>{t.staleHelp}</p>
          <ul>
            {stale.map((r) => (
              <li>
                <a href={placeHref(r.place)}>{r.place.name}</a>
                {": "}
                {r.stale.map((s, i) => (
                  <>
                    {i > 0 && " "}
                    {t.stale(label(s.key), s.asOf ? formatDate(s.asOf) : t.undated, formatDate(s.oldest))}{" "}
                    <a href={props.addHref(r.place.name, s.key)}>
                      {t.addFact}
                      <span class="visually-hidden">{sv.addFact.addMissingHidden(label(s.key))}</span>
                    </a>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="table-scroll">
        <table class="key-table campaign-table">
          <caption>{t.caption(selected, props.rows.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.place}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.why}</th>
            </tr>
          </thead>
          <tbody>
            {[...props.rows.filter((r) => r.selected), ...props.rows.filter((r) => !r.selected)].map((r) => (
              <tr class={r.selected ? "is-selected" : "is-left-out"} data-code={r.place.code}>
                <th scope="row">
                  <a href={placeHref(r.place)}>{r.place.name}</a>
                </th>
                <td>{r.selected ? t.selected : t.leftOut}</td>
                <td>
                  <Reasons row={r} addHref={props.addHref} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
