/**
 * One ärende (/arenden/<id>): what it is, its deadline, and its history — each step as recorded,
 * each correction with its reason, who recorded it and when; for staff who may write, the form
 * that adds a step.
 */
import type { Filing } from "../../../domain/filing.js";
import { filingWords, stepSentence } from "../../../filings/messages.sv.js";
import type { DeadlineRow } from "../../../filings/overview.js";
import { formatDate, formatDateTime } from "../../../lang/dates.js";
import { auditTexts } from "../../../messages.sv.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import type { FieldErrors } from "../kit/form.js";
import { PlaceLink } from "../kit/parts.js";
import type { StepForm } from "./forms.js";
import { daysLeftText } from "./list-page.js";
import { FollowUpFormView, type FollowUpBox } from "./follow-up-page.js";
import { filingListHref, meetingsHref } from "./paths.js";
import { SignInNotice, StepFormView, type StepFormChoices } from "./staff-forms.js";

const t = sv.filings;

export function FilingPage(m: {
  filing: Filing;
  row: DeadlineRow;
  /** The notice after a save ("" for none). */
  saved: string;
  staff: { form: StepForm; errors: FieldErrors; choices: StepFormChoices; followUp: FollowUpBox } | { signIn: string };
}) {
  const { filing, row } = m;
  const correctedIn = (seq: number) => filing.events.filter((e) => e.corrects === seq).map((e) => e.seq);
  return (
    <Layout title={filing.title} section="none" bodyClass="page-filing">
      <p class="breadcrumb">
        <a href={filingListHref()}>{t.back}</a>
      </p>
      <h1>{filing.title}</h1>
      {m.saved && (
        <div class="notice notice-ok" role="status" data-notice>
          <p>{m.saved}</p>
        </div>
      )}
      <dl class="meta">
        <dt>{t.facts.kind}</dt>
        <dd>{filingWords.kind[filing.kind]}</dd>
        <dt>{t.facts.municipality}</dt>
        <dd>
          <PlaceLink place={filing.municipality} />
        </dd>
        <dt>{t.facts.signers}</dt>
        <dd>{filing.signers.map((s) => (s.party ? `${s.name} (${s.party})` : s.name)).join(", ")}</dd>
        <dt>{t.facts.status}</dt>
        <dd data-status>{filingWords.status[row.status]}</dd>
        <dt>{t.facts.due}</dt>
        <dd data-due>
          {row.due ? `${formatDate(row.due)} – ` : `${t.noMeeting} – `}
          {row.overdue && <strong class="flag-overdue">{`${t.overdue} `}</strong>}
          {daysLeftText(row)}
        </dd>
        <dt>{t.meetings.title}</dt>
        <dd>
          <a href={meetingsHref(filing.municipality.name)}>{t.meetings.link(filing.municipality.name)}</a>
        </dd>
      </dl>
      <section aria-labelledby="historik">
        <h2 id="historik">{t.history}</h2>
        <ol class="filing-history" data-history>
          {filing.events.map((e) => (
            <li value={e.seq}>
              {e.corrects !== undefined && <strong>{`${t.correction(e.corrects, e.reason)}: `}</strong>}
              {stepSentence(e.step)}{" "}
              {correctedIn(e.seq).length > 0 && <em data-corrected>{`${t.correctedIn(correctedIn(e.seq))} `}</em>}
              <span class="muted">{t.recorded(formatDateTime(e.at), auditTexts.actor(e.by))}</span>
            </li>
          ))}
        </ol>
      </section>
      {"signIn" in m.staff ? (
        <SignInNotice href={m.staff.signIn} />
      ) : (
        <>
          <FollowUpFormView id={filing.id} box={m.staff.followUp} />
          <StepFormView id={filing.id} form={m.staff.form} errors={m.staff.errors} choices={m.staff.choices} />
        </>
      )}
    </Layout>
  );
}
