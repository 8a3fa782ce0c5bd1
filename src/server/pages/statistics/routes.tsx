/**
 * The staff's statistics pages (signed in only):
 *
 *   GET  /personal/statistik                  search Kolada's KPIs (?sok=words) and the fetch form
 *   POST /personal/statistik/hamta            checks the form and starts the fetch as the service's
 *                                             job (303 to it), or 409 when one is running already
 *   GET  /personal/statistik/jobb/:id         the job: progress while it runs, then its report
 *   GET  /personal/statistik/jobb/:id/status  the job's progress as JSON (for statistics.js)
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { sv } from "../../messages.sv.js";
import { sendErrorPage } from "../frame/error-page.js";
import { sendPage } from "../frame/layout.js";
import { orderErrors, type FieldErrors } from "../kit/form.js";
import { staffOnly } from "../staff/routes.js";
import { checkForm, emptyForm, formFields, readForm, type FetchForm } from "./form.js";
import { JobPage, jobStatus } from "./job-page.js";
import { formHref, statisticsPaths } from "./paths.js";
import { koladaClient, startKoladaFetch } from "./run.js";
import { answerStart } from "./job-answers.js";
import { isFilledForm, searchWorded, thisYear, unknownKey } from "./route-parts.js";
import { registerScbPages } from "./scb-routes.js";
import { StatisticsPage, type SearchResult } from "./search-page.js";

const t = sv.staff.statistics;
const fieldOrder = ["kpis", "where", "counties", "from", "to", "gender", "key"];

/** Kolada's KPIs with the words in their title; a failure worded instead. */
const search = (ctx: ServerContext, words: string): Promise<SearchResult | undefined> =>
  searchWorded(
    words,
    async () => ({ words, kpis: await koladaClient(ctx).searchKpis(words) }),
    (failure) => ({ words, kpis: [], failure }),
  );

async function formPage(c: Context<AppEnv>, form: FetchForm, errors: FieldErrors, status = 200) {
  const ctx = c.get("ctx");
  const result = await search(ctx, form.sok);
  const ordered = orderErrors(errors, fieldOrder, (k) => t.fieldNames[k]);
  const page = <StatisticsPage form={form} result={result} errors={ordered} running={ctx.statisticsJobs.running} />;
  return sendPage(c, page, status);
}

export function registerStatisticsPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  // ?sok=words searches; a link back from a job (formHref) fills in the whole form.
  app.get(statisticsPaths.home, staffOnly, (c) => {
    const q = c.req.queries();
    const form = isFilledForm(q) ? readForm(q, thisYear()) : emptyForm(thisYear(), (c.req.query("sok") ?? "").trim());
    return formPage(c, form, new Map());
  });

  app.post(statisticsPaths.fetch, staffOnly, async (c) => {
    const form = readForm(await c.req.parseBody({ all: true }), thisYear());
    const checked = checkForm(form, thisYear());
    if ("errors" in checked) return formPage(c, form, checked.errors, 422);
    // A key typed in must exist (the one the fetch proposes is the core's to make).
    const unknown = await unknownKey(ctx, checked.ask.key, t.errors.unknownKey, (s) =>
      formHref(statisticsPaths.home, { ...formFields(form), nyckel: s }),
    );
    if (unknown) return formPage(c, form, unknown, 422);
    return answerStart(c, startKoladaFetch(ctx, checked.ask, formFields(form)));
  });

  registerScbPages(app, ctx);

  app.get(statisticsPaths.job, staffOnly, (c) => {
    const job = ctx.statisticsJobs.get(c.req.param("id"));
    if (!job)
      return sendErrorPage(c, 404, {
        title: t.job.gone.title,
        text: t.job.gone.text,
        children: (
          <p>
            <a href={statisticsPaths.home}>{t.job.again}</a>
          </p>
        ),
      });
    return sendPage(c, <JobPage job={job} />);
  });

  app.get(statisticsPaths.status, staffOnly, (c) => {
    const job = ctx.statisticsJobs.get(c.req.param("id"));
    c.header("cache-control", "no-store");
    if (!job) return c.json({ state: "gone" }, 404);
    return c.json(jobStatus(job));
  });
}
