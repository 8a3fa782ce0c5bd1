/**
 * The campaign page's routes: GET /kampanj shows the form (and, with "Visa urvalet", which
 * municipalities the choices select); POST checks the whole request with the core, then
 * streams back the zip. The routes only translate between the form and src/campaign.
 */
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { campaignZipStream, planFor, zipName } from "../../../campaign/index.js";
import { checkCampaignRequest } from "../../../campaign/plan.js";
import { errorProblems } from "../../../domain/field-problem.js";
import { isMotioneraError } from "../../../domain/errors.js";
import type { Place } from "../../../domain/municipality.js";
import { todayInSweden } from "../../../lang/dates.js";
import { attachment } from "../../drafting.js";
import { admitCampaign, type Refusal } from "../../campaign-admission.js";
import { sv } from "../../messages.sv.js";
import { sourceFromBody, sourceFromQuery } from "../kit/form-source.js";
import type { FieldError, FieldErrors } from "../kit/form.js";
import { BrokenTemplates } from "../kit/parts.js";
import { formGuards } from "../frame/guards.js";
import { sendPage } from "../frame/layout.js";
import { paths } from "../frame/links.js";
import { sendErrorPage } from "../frame/error-page.js";
import { checkCampaignForm, errorsOf } from "./check.js";
import { campaignRequestOf, readCampaignForm, type CampaignForm } from "./form.js";
import { CampaignPage, type CampaignLimits, type LeftOut } from "./page.js";
import { leftOutForMissing } from "../../../campaign/left-out.js";
import { addFactHref } from "../add-fact/paths.js";

const t = sv.campaign;
type Errors = FieldErrors;

/** The templates that can be used (a broken one is left out and named on the page). */
async function templatesOf(ctx: ServerContext) {
  const lib = await ctx.workspace.templates();
  const { templates: all, broken } = lib.usable();
  return {
    lib,
    all,
    broken,
    defaults: {
      template: all.find((x) => x.frontMatter.id === "kast-avtal")?.frontMatter.id ?? all[0]?.frontMatter.id ?? "",
      today: todayInSweden(),
    },
  };
}

const limitsOf = (ctx: ServerContext): CampaignLimits => ({
  places: ctx.options.campaignLimit,
  documents: ctx.options.draftsPerMinute,
});

async function render(
  c: Context,
  ctx: ServerContext,
  form: CampaignForm,
  errors: Errors,
  status: number,
  selection?: Place[],
  headers: Record<string, string> = {},
  leftOut?: LeftOut[],
): Promise<Response> {
  const { all, broken } = await templatesOf(ctx);
  if (all.length === 0)
    return sendErrorPage(c, 503, { ...sv.templateFaults.noneUsable, children: <BrokenTemplates broken={broken} /> });
  const res = await sendPage(
    c,
    <CampaignPage
      templates={all}
      broken={broken}
      form={form}
      errors={errors}
      selection={selection}
      leftOut={leftOut}
      limits={limitsOf(ctx)}
    />,
    status,
  );
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

/** A refused campaign on the form: the field it concerns, the status, and Retry-After when waiting helps. */
function refusalOnForm(r: Refusal): {
  key: string;
  error: FieldError;
  status: number;
  headers: Record<string, string>;
} {
  const e = t.errors;
  switch (r.kind) {
    case "needs-token":
      return {
        key: "form",
        error: { text: e.tooLarge(r.places, r.documents, r.campaignLimit, r.perMinute) },
        status: 403,
        headers: {},
      };
    case "budget":
      return {
        key: "form",
        error: { text: e.budget(r.documents, r.perMinute, r.retryAfter) },
        status: 429,
        headers: { "retry-after": String(r.retryAfter) },
      };
    case "busy":
      return {
        key: "form",
        error: { text: e.busy(r.running) },
        status: 503,
        headers: { "retry-after": String(r.retryAfter) },
      };
  }
}

export function registerCampaignPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.use(paths.campaign, ...formGuards(ctx));

  app.get(paths.campaign, async (c) => {
    const { defaults } = await templatesOf(ctx);
    const params = new URL(c.req.url).searchParams;
    const form = readCampaignForm(sourceFromQuery(params), defaults, false);
    if (!params.has("visa")) return render(c, ctx, form, new Map(), 200);
    // "Visa urvalet": only the selection (county, list, conditions) is checked, by the core.
    const { lib } = await templatesOf(ctx);
    const selecting = new Set(["counties", "municipalities", "where"]);
    const { request } = campaignRequestOf(form);
    const checked = checkCampaignRequest(request, { templates: lib });
    const errors = errorsOf(checked.problems.filter((p) => selecting.has(String(p.path[0]))));
    let selection: Place[] | undefined;
    let leftOut: LeftOut[] | undefined;
    if (errors.size === 0) {
      const { baseSelection, filterPlaces } = await import("../../../campaign/plan.js");
      const { parseCondition } = await import("../../../campaign/conditions.js");
      const conditions = (request.where ?? []).map(parseCondition);
      const registry = await ctx.workspace.facts();
      const base = baseSelection(request.counties ?? [], request.municipalities ?? []);
      selection = filterPlaces(base, conditions, registry);
      const catalog = await ctx.workspace.catalog();
      const here = `${paths.campaign}${new URL(c.req.url).search}`;
      leftOut = leftOutForMissing(base, conditions, registry).map(({ place, keys }) => ({
        place,
        facts: keys.map((key) => ({
          label: catalog.get(key)?.label ?? key,
          href: addFactHref({ kommun: place.name, key, till: here }),
        })),
      }));
    }
    return render(c, ctx, form, errors, errors.size ? 422 : 200, selection, {}, leftOut);
  });

  app.post(paths.campaign, async (c) => {
    const { lib, defaults } = await templatesOf(ctx);
    const form = readCampaignForm(sourceFromBody(await c.req.parseBody({ all: true })), defaults, true);
    const checked = checkCampaignForm(form, lib);
    if (!checked.request) return render(c, ctx, form, checked.errors, 422);
    let plan: Awaited<ReturnType<typeof planFor>>;
    try {
      plan = await planFor(ctx.workspace, checked.request);
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      return render(c, ctx, form, errorsOf(errorProblems(e)), 422);
    }
    const admission = admitCampaign(c, ctx, plan, false);
    if (!admission.ok) {
      const refused = refusalOnForm(admission.refusal);
      return render(c, ctx, form, new Map([[refused.key, refused.error]]), refused.status, undefined, refused.headers);
    }
    return c.body(admission.stream(campaignZipStream(plan, ctx.workspace, ctx.render)), 200, {
      "content-type": "application/zip",
      "content-disposition": attachment(zipName(plan.settings.template, plan.settings.date)),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });
}
