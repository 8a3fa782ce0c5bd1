/**
 * A fetch job's page: while it runs, a progress bar and a live status line (the script
 * statistics.js follows the status endpoint; without script the page reloads itself); when it
 * has ended, the report or the failure in Swedish.
 */
import { sv } from "../../messages.sv.js";
import type { StatisticsJob } from "../../statistics-jobs.js";
import { assetUrl } from "../frame/assets.js";
import { Layout } from "../frame/layout.js";
import { askedText } from "./asked.js";
import { explainFetchFailure } from "./failure.js";
import { formHref, jobHref, jobStatusHref, searchHref } from "./paths.js";
import { FetchReportView } from "./report.js";

const t = sv.staff.statistics;
const tj = t.job;

/** What the status endpoint and the page say about a running job. */
export function progressText(job: StatisticsJob): string {
  const p = job.progress;
  return tj.progress(tj.steps[p.step](t.services[job.request.service] ?? job.request.service), p.done, p.expected);
}

export function jobStatus(job: StatisticsJob) {
  return {
    state: job.state,
    step: job.progress.step,
    done: job.progress.done,
    expected: job.progress.expected,
    text: progressText(job),
  };
}

/** How often a browser without script reloads the page, in seconds. */
const refreshSeconds = 2;

function Running({ job }: { job: StatisticsJob }) {
  const title = job.request.dryRun ? tj.dryTitle : tj.title;
  return (
    <Layout
      title={title}
      section="none"
      head={
        <>
          <noscript>
            <meta http-equiv="refresh" content={String(refreshSeconds)} />
          </noscript>
          <script src={assetUrl("statistics.js")} defer></script>
        </>
      }
    >
      <h1>{title}</h1>
      <p class="lead">{askedText(job.request)}</p>
      <div class="job-progress" data-job-status={jobStatusHref(job.id)}>
        <label for="jobb-forlopp">{tj.progressLabel}</label>
        <progress id="jobb-forlopp" max={job.progress.expected} value={job.progress.done}>
          {`${job.progress.done} / ${job.progress.expected}`}
        </progress>
        <p role="status" aria-live="polite" data-job-text>
          {progressText(job)}
        </p>
      </div>
      <p class="muted">
        {tj.selfUpdating} <a href={jobHref(job.id)}>{tj.reload}</a>
      </p>
    </Layout>
  );
}

function Ended({ job }: { job: StatisticsJob }) {
  const r = job.request;
  const report = job.report;
  const failed = job.state === "failed";
  const title = failed ? tj.failedTitle : r.dryRun ? tj.dryDoneTitle : tj.doneTitle;
  const recorded = report?.keys.reduce((n, k) => n + k.recorded, 0) ?? 0;
  return (
    <Layout title={title} section="none">
      <h1 tabindex={-1}>{title}</h1>
      <p class="lead">{askedText(r)}</p>
      {failed ? (
        <div class="notice notice-error" role="alert">
          <p>{explainFetchFailure(job.error, r.asked).text}</p>
        </div>
      ) : (
        <p class="notice" role="status">
          {r.dryRun ? tj.dryNote(recorded) : recorded > 0 ? tj.saved(recorded) : tj.nothing}
        </p>
      )}
      {report && <FetchReportView report={report} />}
      <div class="actions">
        {!failed && r.dryRun && recorded > 0 && (
          <form method="post" action={r.formAction}>
            {Object.entries(r.form).flatMap(([name, v]) =>
              (Array.isArray(v) ? v : [v]).map((value) => <input type="hidden" name={name} value={value} />),
            )}
            <button type="submit" name="atgard" value="hamta" class="button">
              {tj.fetchForReal}
            </button>
          </form>
        )}
        {failed && (
          <a class="button" href={formHref(r.formPage, r.form)}>
            {tj.change}
          </a>
        )}
        <a class="button secondary" href={searchHref(r.formPage, typeof r.form.sok === "string" ? r.form.sok : "")}>
          {tj.again}
        </a>
      </div>
    </Layout>
  );
}

export function JobPage({ job }: { job: StatisticsJob }) {
  return job.state === "running" ? <Running job={job} /> : <Ended job={job} />;
}
