/** What starting a fetch answers: the job's page to follow, or 409 when one is running already. */
import type { Context } from "hono";
import type { AppEnv } from "../../app.js";
import { logError } from "../../log.js";
import { sv } from "../../messages.sv.js";
import type { StatisticsJob } from "../../statistics-jobs.js";
import { sendErrorPage } from "../frame/error-page.js";
import { askedText } from "./asked.js";
import { explainFetchFailure } from "./failure.js";
import { jobHref } from "./paths.js";

const t = sv.staff.statistics;

/** The answer to a second fetch while one runs: 409, naming the one running, with a link to it. */
export function busyPage(c: Context<AppEnv>, busy: StatisticsJob): Promise<Response> {
  const time = busy.startedAt.toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm" });
  return sendErrorPage(c, 409, {
    title: t.busy.title,
    text: t.busy.text(askedText(busy.request), time),
    children: (
      <p>
        <a href={jobHref(busy.id)}>{t.busy.follow}</a>
      </p>
    ),
  });
}

/** To the job's page; an unexpected failure goes to the log when the job ends. */
export function followJob(c: Context<AppEnv>, job: StatisticsJob): Response {
  void job.ended.then(() => {
    if (job.state === "failed" && !explainFetchFailure(job.error, job.request.asked).expected) logError(c, job.error);
  });
  return c.redirect(jobHref(job.id), 303);
}

/** The answer to starting a fetch: the busy page, or to the job's page. */
export function answerStart(
  c: Context<AppEnv>,
  start: { started: StatisticsJob } | { busy: StatisticsJob },
): Response | Promise<Response> {
  return "busy" in start ? busyPage(c, start.busy) : followJob(c, start.started);
}
