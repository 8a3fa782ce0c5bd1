/**
 * What the Kolada and the SCB page share: the frame (title, the other service, the job running,
 * the error summary, the search by words), the notice of a failure, and the count of hits.
 */
import type { Child } from "hono/jsx";
import { sv } from "../../messages.sv.js";
import type { StatisticsJob } from "../../statistics-jobs.js";
import { Layout } from "../frame/layout.js";
import { ErrorSummary, type FieldErrors } from "../kit/form.js";
import { askedText } from "./asked.js";
import { ids } from "./fields.js";
import { jobHref } from "./paths.js";

const t = sv.staff.statistics;

/** The most search hits listed. */
export const maxHits = 100;

export function StatisticsFrame(props: {
  title: string;
  intro: string;
  /** The page of the other service. */
  other: { href: string; text: string };
  running: StatisticsJob | undefined;
  errors: FieldErrors;
  /** The search by words: where it goes, its label and help, the words searched. */
  search: { action: string; label: string; help: string; words: string };
  children?: Child;
}) {
  const { running, search } = props;
  return (
    <Layout title={props.title} section="none" bodyClass="page-statistics">
      <h1>{props.title}</h1>
      <p class="lead">{props.intro}</p>
      <p class="muted">
        {t.oneAtATime} <a href={props.other.href}>{props.other.text}</a>
      </p>
      {running && (
        <p class="notice">
          {t.runningNotice(askedText(running.request))} <a href={jobHref(running.id)}>{t.follow}</a>
        </p>
      )}
      <ErrorSummary ids={ids} errors={props.errors} />
      <form method="get" action={search.action} class="search-form">
        <label for="st-sok">{search.label}</label>
        <p class="help" id="st-sok-help">
          {search.help}
        </p>
        <div class="inline-controls">
          <input type="search" name="sok" id="st-sok" value={search.words} aria-describedby="st-sok-help" />
          <button type="submit" class="button">
            {t.search.submit}
          </button>
        </div>
      </form>
      {props.children}
    </Layout>
  );
}

/** A failure told as an alert: what failed, then why. */
export function FailureNotice({ what, why }: { what: string; why: string }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>{what}</strong> {why}
      </p>
    </div>
  );
}

/** How many hits, and that only the first `shown` are listed when there are more. */
export function HitCount({ hits, total, shown }: { hits: string; total: number; shown: number }) {
  return (
    <p class="result-count" role="status">
      {hits}
      {total > shown ? ` ${t.search.capped(shown, total)}` : ""}
    </p>
  );
}
