/**
 * The staff's SCB pages (signed in only), beside Kolada's (routes.tsx), sharing its jobs:
 *
 *   GET  /personal/statistik/scb        search SCB's tables (?sok=words), a table's form (?tabell=id)
 *   POST /personal/statistik/scb/hamta  checks the form against the table and starts the fetch (303
 *                                       to the job), or 409 when one is running already
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { sv } from "../../messages.sv.js";
import { sendPage } from "../frame/layout.js";
import { orderErrors, type FieldErrors } from "../kit/form.js";
import { staffOnly } from "../staff/routes.js";
import { explainFetchFailure } from "./failure.js";
import { formHref, statisticsPaths } from "./paths.js";
import { answerStart } from "./job-answers.js";
import { isFilledForm, searchWorded, thisYear, unknownKey } from "./route-parts.js";
import { checkScbForm, emptyScbForm, isTableId, readScbForm, scbFormFields, type ScbForm } from "./scb-form.js";
import { type ChosenTable, ScbPage, type TableSearch } from "./scb-page.js";
import { scbClient, startScbFetch } from "./scb-run.js";

const t = sv.staff.statistics;

const search = (ctx: ServerContext, words: string): Promise<TableSearch | undefined> =>
  searchWorded(
    words,
    async () => ({ words, tables: await scbClient(ctx).searchTables(words) }),
    (failure) => ({ words, tables: [], failure }),
  );

async function table(ctx: ServerContext, id: string): Promise<ChosenTable | undefined> {
  if (!id || !isTableId(id)) return undefined;
  try {
    return { id, meta: await scbClient(ctx).metadata(id) };
  } catch (e) {
    return { id, failure: explainFetchFailure(e, [id]).text };
  }
}

async function scbPage(c: Context<AppEnv>, form: ScbForm, errors: FieldErrors, chosen?: ChosenTable, status = 200) {
  const ctx = c.get("ctx");
  const [result, tb] = await Promise.all([search(ctx, form.sok), chosen ?? table(ctx, form.tabell)]);
  const ordered = orderErrors(errors, [], (k) => t.fieldNames[k]);
  const running = ctx.statisticsJobs.running;
  return sendPage(c, <ScbPage form={form} result={result} table={tb} errors={ordered} running={running} />, status);
}

export function registerScbPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.get(statisticsPaths.scb, staffOnly, (c) => {
    const q = c.req.queries();
    const form = isFilledForm(q)
      ? readScbForm(q, thisYear())
      : emptyScbForm(thisYear(), (c.req.query("sok") ?? "").trim(), (c.req.query("tabell") ?? "").trim());
    return scbPage(c, form, new Map());
  });

  app.post(statisticsPaths.scbFetch, staffOnly, async (c) => {
    const form = readScbForm(await c.req.parseBody({ all: true }), thisYear());
    if (!isTableId(form.tabell)) {
      const text = form.tabell ? t.scb.errors.badTable(form.tabell) : t.scb.errors.noTable;
      return scbPage(c, form, new Map([["form", { text }]]), undefined, 422);
    }
    const chosen = await table(ctx, form.tabell);
    if (!chosen || !("meta" in chosen)) return scbPage(c, form, new Map(), chosen, 422);
    const checked = checkScbForm(form, chosen.meta, thisYear());
    if ("errors" in checked) return scbPage(c, form, checked.errors, chosen, 422);
    const unknown = await unknownKey(ctx, checked.ask.key, t.scb.errors.unknownKey, (s) =>
      formHref(statisticsPaths.scb, { ...scbFormFields(form), nyckel: s }),
    );
    if (unknown) return scbPage(c, form, unknown, chosen, 422);
    return answerStart(c, startScbFetch(ctx, checked.ask, scbFormFields(form)));
  });
}
