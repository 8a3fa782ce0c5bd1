/**
 * A municipality's council meetings (/arenden/sammantraden?kommun=…): the known dates, and for
 * staff who may write, a form for one meeting and a form that reads a CSV or iCalendar file.
 */
import type { CouncilMeeting } from "../../../domain/filing.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { control, ErrorSummary, Field, type FieldErrors } from "../kit/form.js";
import { MunicipalityInput, MunicipalityList } from "../kit/parts.js";
import { meetingFileIds, meetingIds, type MeetingForm } from "./meeting-forms.js";
import { filingListHref, filingPaths } from "./paths.js";
import { SignInNotice } from "./staff-forms.js";

const t = sv.filings.meetings;
const f = t.fields;

export interface MeetingsStaff {
  form: MeetingForm;
  errors: FieldErrors;
  fileErrors: FieldErrors;
}

function AddForm({ form, errors }: { form: MeetingForm; errors: FieldErrors }) {
  return (
    <section aria-labelledby="nytt-sammantrade" class="stack">
      <h2 id="nytt-sammantrade">{t.addHeading}</h2>
      <ErrorSummary ids={meetingIds} errors={errors} />
      <form method="post" action={filingPaths.meetings} class="stack" novalidate data-meeting-form>
        <Field ids={meetingIds} k="kommun" label={f.kommun.label} required errors={errors}>
          <MunicipalityInput value={form.kommun} attrs={control(meetingIds, "kommun", errors, false)} />
        </Field>
        <Field ids={meetingIds} k="datum" label={f.datum.label} help={f.datum.help} required errors={errors}>
          <input
            type="text"
            name="datum"
            value={form.datum}
            class="input-short"
            autocomplete="off"
            {...control(meetingIds, "datum", errors, true)}
          />
        </Field>
        <Field ids={meetingIds} k="organ" label={f.organ.label} help={f.organ.help} errors={errors}>
          <input type="text" name="organ" value={form.organ} {...control(meetingIds, "organ", errors, true)} />
        </Field>
        <button type="submit" class="button">
          {t.addSubmit}
        </button>
      </form>
    </section>
  );
}

function FileForm({ form, errors }: { form: MeetingForm; errors: FieldErrors }) {
  return (
    <section aria-labelledby="las-in-sammantraden" class="stack">
      <h2 id="las-in-sammantraden">{t.importHeading}</h2>
      <p class="help">{t.importIntro}</p>
      <ErrorSummary ids={meetingFileIds} errors={errors} />
      <form
        method="post"
        action={filingPaths.meetingsImport}
        enctype="multipart/form-data"
        class="stack"
        novalidate
        data-meeting-file-form
      >
        <Field ids={meetingFileIds} k="kommun" label={f.kommun.label} required errors={errors}>
          <MunicipalityInput value={form.kommun} attrs={control(meetingFileIds, "kommun", errors, false)} />
        </Field>
        <Field ids={meetingFileIds} k="fil" label={f.fil.label} required errors={errors}>
          <input
            type="file"
            name="fil"
            accept=".csv,.ics,.ical,.ifb,text/csv,text/calendar"
            {...control(meetingFileIds, "fil", errors, false)}
          />
        </Field>
        <Field ids={meetingFileIds} k="organ" label={f.filOrgan.label} help={f.filOrgan.help} errors={errors}>
          <input type="text" name="organ" value={form.organ} {...control(meetingFileIds, "organ", errors, true)} />
        </Field>
        <button type="submit" class="button">
          {t.importSubmit}
        </button>
      </form>
    </section>
  );
}

export function MeetingsPage(m: {
  place: { name: string } | undefined;
  meetings: readonly CouncilMeeting[];
  saved: string;
  staff: MeetingsStaff | { signIn: string };
}) {
  const title = m.place ? t.heading(m.place.name) : t.title;
  return (
    <Layout title={title} section="none" bodyClass="page-filings">
      <p class="breadcrumb">
        <a href={filingListHref(m.place ? { kommun: m.place.name } : {})}>{sv.filings.back}</a>
      </p>
      <h1>{title}</h1>
      {m.saved && (
        <div class="notice notice-ok" role="status" data-notice>
          <p>{m.saved}</p>
        </div>
      )}
      <p class="lead">{t.intro}</p>
      {!m.place ? (
        <form method="get" action={filingPaths.meetings} class="filters">
          <p>{t.choose}</p>
          <label for="val-kommun">{f.kommun.label}</label>
          <input id="val-kommun" type="text" name="kommun" list="kommuner" />
          <button type="submit" class="button">
            {t.chooseSubmit}
          </button>
        </form>
      ) : m.meetings.length === 0 ? (
        <p class="muted" data-meetings>
          {t.none}
        </p>
      ) : (
        <table class="key-table" data-meetings>
          <thead>
            <tr>
              <th scope="col">{t.columns.date}</th>
              <th scope="col">{t.columns.body}</th>
            </tr>
          </thead>
          <tbody>
            {m.meetings.map((x) => (
              <tr>
                <td class="nowrap">{formatDate(x.date)}</td>
                <td>{x.body}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {"signIn" in m.staff ? (
        <SignInNotice href={m.staff.signIn} />
      ) : (
        <>
          <AddForm form={m.staff.form} errors={m.staff.errors} />
          <FileForm form={m.staff.form} errors={m.staff.fileErrors} />
        </>
      )}
      <MunicipalityList />
    </Layout>
  );
}
