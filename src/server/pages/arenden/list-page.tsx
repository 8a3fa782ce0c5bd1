/**
 * The list of ärenden (/arenden): filters by municipality, signer and party group; each row's
 * status, deadline, days left and the FÖRSENAD flag — the rows of `motionera arenden --json`
 * (src/filings/overview.ts); the calendar feed of the same selection; the staff's filing form.
 */
import type { DeadlineRow } from "../../../filings/overview.js";
import { filingWords } from "../../../filings/messages.sv.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import type { FieldErrors } from "../kit/form.js";
import { MunicipalityList, PlaceLink } from "../kit/parts.js";
import type { FileForm } from "./forms.js";
import {
  filingCalendarHref,
  filingHref,
  filingListHref,
  filingPaths,
  meetingsHref,
  type FilingFilter,
} from "./paths.js";
import { FileFormView, SignInNotice } from "./staff-forms.js";

const t = sv.filings;

export function daysLeftText(row: Pick<DeadlineRow, "closed" | "overdue" | "daysLeft">): string {
  if (row.closed) return t.closed;
  if (row.daysLeft === null) return "–";
  return row.overdue ? t.overdueDays(-row.daysLeft) : t.daysLeft(row.daysLeft);
}

function Row({ row }: { row: DeadlineRow }) {
  return (
    <tr class={row.overdue ? "overdue" : undefined} data-filing={row.id}>
      <td>
        <a href={filingHref(row.id)}>{row.title}</a>
        <br />
        <span class="muted">
          <PlaceLink place={row.municipality} />
          {` · ${row.signers.map((s) => (s.party ? `${s.name} (${s.party})` : s.name)).join(", ")}`}
        </span>
      </td>
      <td>{filingWords.kind[row.kind]}</td>
      <td class="nowrap">{row.dnr}</td>
      <td>{filingWords.status[row.status]}</td>
      <td class="nowrap">{row.due ? formatDate(row.due) : t.noMeeting}</td>
      <td class="nowrap" data-days-left>
        {row.overdue && <strong class="flag-overdue">{`${t.overdue} `}</strong>}
        {daysLeftText(row)}
      </td>
    </tr>
  );
}

export function FilingListPage(m: {
  rows: readonly DeadlineRow[];
  filter: FilingFilter;
  /** The filing form, for staff who may write; else where to sign in. */
  staff: { form: FileForm; errors: FieldErrors } | { signIn: string };
}) {
  const c = t.columns;
  const chosen = [m.filter.kommun, m.filter.undertecknare, m.filter.parti].filter((x): x is string => !!x);
  const overdue = m.rows.filter((r) => r.overdue).length;
  return (
    <Layout title={t.title} section="none" bodyClass="page-filings">
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <form method="get" action={filingPaths.list} class="filters">
        <fieldset class="group">
          <legend>{t.filter.legend}</legend>
          <label for="filter-kommun">{t.filter.kommun}</label>
          <input id="filter-kommun" type="text" name="kommun" value={m.filter.kommun ?? ""} list="kommuner" />
          <label for="filter-undertecknare">{t.filter.undertecknare}</label>
          <input id="filter-undertecknare" type="text" name="undertecknare" value={m.filter.undertecknare ?? ""} />
          <label for="filter-parti">{t.filter.parti}</label>
          <input id="filter-parti" type="text" name="parti" value={m.filter.parti ?? ""} class="input-short" />
          <button type="submit" class="button">
            {t.filter.submit}
          </button>{" "}
          {chosen.length > 0 && <a href={filingListHref()}>{t.filter.clear}</a>}
        </fieldset>
      </form>
      <p>
        <strong>{t.selection(chosen)}</strong>
      </p>
      {m.rows.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="key-table filings">
            <thead>
              <tr>
                <th scope="col">{c.title}</th>
                <th scope="col">{c.kind}</th>
                <th scope="col">{c.dnr}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.due}</th>
                <th scope="col">{c.left}</th>
              </tr>
            </thead>
            <tbody>
              {m.rows.map((row) => (
                <Row row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {overdue > 0 && <p data-overdue-count>{t.overdueCount(overdue)}</p>}
      <p>
        <a href={filingCalendarHref(m.filter)} type="text/calendar" data-calendar>
          {t.calendar}
        </a>
        <br />
        <span class="help">{t.calendarHelp}</span>
      </p>
      <p>
        <a href={meetingsHref(m.filter.kommun)} data-meetings-link>
          {m.filter.kommun ? t.meetings.link(m.filter.kommun) : t.meetings.linkAll}
        </a>
      </p>
      {"signIn" in m.staff ? <SignInNotice href={m.staff.signIn} /> : <FileFormView {...m.staff} />}
      <MunicipalityList />
    </Layout>
  );
}

/** The filing form on a page of its own (/arenden/ny), as a saved draft's "Markera som inlämnad" opens it. */
export function FileFormPage(m: { staff: { form: FileForm; errors: FieldErrors } | { signIn: string } }) {
  return (
    <Layout title={t.fileForm.heading} section="none" bodyClass="page-filings">
      <p class="breadcrumb">
        <a href={filingListHref()}>{t.back}</a>
      </p>
      <h1>{t.fileForm.heading}</h1>
      {"signIn" in m.staff ? <SignInNotice href={m.staff.signIn} /> : <FileFormView {...m.staff} />}
      <MunicipalityList />
    </Layout>
  );
}
