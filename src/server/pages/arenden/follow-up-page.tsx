/**
 * "Skriv en uppföljande interpellation": the form on an ärende's page (hidden, with the reason,
 * when there is nothing to follow up) and the page it leads to — the draft's preview with what to
 * fill in and check, and the draft as Word and PDF.
 */
import { raw } from "hono/html";
import type { DraftReview } from "../../../domain/errors.js";
import type { Filing } from "../../../domain/filing.js";
import { sv } from "../../messages.sv.js";
import { nestHeadings } from "../draft/preview.js";
import { ReviewBox } from "../draft/review.js";
import { Layout } from "../frame/layout.js";
import { control, ErrorSummary, Field, formIds, type FieldErrors } from "../kit/form.js";
import { filingHref, followUpHref } from "./paths.js";

const t = sv.filings.followUp;

export const followUpIds = formIds("u");

/** The form, or why there is none. */
export type FollowUpBox = { refusal: string } | { till: string; errors: FieldErrors };

export function FollowUpFormView({ id, box }: { id: string; box: FollowUpBox }) {
  if ("refusal" in box)
    return (
      <p class="muted" data-follow-up-none>
        {t.nothing(box.refusal)}
      </p>
    );
  return (
    <section aria-labelledby="uppfoljning" class="stack">
      <h2 id="uppfoljning">{t.heading}</h2>
      <p class="help">{t.intro}</p>
      <ErrorSummary ids={followUpIds} errors={box.errors} />
      <form method="get" action={`${filingHref(id)}/uppfoljning`} class="stack" novalidate data-follow-up-form>
        <Field ids={followUpIds} k="till" label={t.till.label} help={t.till.help} required errors={box.errors}>
          <input
            type="text"
            name="till"
            value={box.till}
            autocomplete="off"
            {...control(followUpIds, "till", box.errors, true)}
          />
        </Field>
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </section>
  );
}

export function FollowUpPage(m: { filing: Filing; till: string; html: string; review: DraftReview }) {
  const { filing, till } = m;
  return (
    <Layout title={t.pageTitle(filing.title)} section="none" bodyClass="page-filing">
      <p class="breadcrumb">
        <a href={filingHref(filing.id)}>{t.back}</a>
      </p>
      <h1>{t.pageTitle(filing.title)}</h1>
      <p data-downloads>
        <strong>{`${t.download}: `}</strong>
        <a class="button" href={followUpHref(filing.id, till, "docx")} download>
          {t.docx}
        </a>{" "}
        <a class="button" href={followUpHref(filing.id, till, "pdf")} download>
          {t.pdf}
        </a>
      </p>
      <section aria-labelledby="forhandsvisning-rubrik">
        <h2 id="forhandsvisning-rubrik">{sv.preview.heading}</h2>
        <ReviewBox review={m.review} id="granska" />
        <div class="preview" data-follow-up-preview>
          {raw(nestHeadings(m.html))}
        </div>
      </section>
    </Layout>
  );
}
