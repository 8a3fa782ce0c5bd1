/**
 * The campaign page's routes: GET /kampanj shows the form (with "Visa urvalet" the selection
 * and why, with "Förhandsgranska ett exempel" one sample draft); POST checks the whole request
 * with the core, then streams back the zip, its summary telling how to add a missing fact on
 * the web. GET /kampanj/varde is a picker row's value control for the script, and GET
 * /kampanj/framsteg/<id> how far a zip has come. The routes only translate between the form
 * and src/campaign.
 */
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { campaignZipStream, planFor, zipName } from "../../../campaign/index.js";
import { parseCondition } from "../../../campaign/conditions.js";
import { baseSelection } from "../../../campaign/plan.js";
import { selectionReport, type SelectionRow } from "../../../campaign/selection-report.js";
import { findMunicipality } from "../../../data/places.js";
import { errorProblems } from "../../../domain/field-problem.js";
import { isMotioneraError } from "../../../domain/errors.js";
import { todayInSweden } from "../../../lang/dates.js";
import { explainErrorWorded } from "../../../messages.sv.js";
import { webFactWording } from "../../fact-wording.js";
import { attachment, renderDraftFor } from "../../drafting.js";
import { admitCampaign, type Refusal } from "../../campaign-admission.js";
import { sv } from "../../messages.sv.js";
import { sourceFromBody, sourceFromQuery } from "../kit/form-source.js";
import type { FieldError, FieldErrors } from "../kit/form.js";
import { BrokenTemplates } from "../kit/parts.js";
import { signersOf } from "../kit/signer-rows.js";
import { formGuards } from "../frame/guards.js";
import { sendFragment, sendPage } from "../frame/layout.js";
import { paths } from "../frame/links.js";
import { sendErrorPage } from "../frame/error-page.js";
import { nestHeadings } from "../draft/preview.js";
import { addFactHref } from "../add-fact/paths.js";
import { checkCampaignForm, errorsOf } from "./check.js";
import { campaignHref, campaignRequestOf, maxConditionRows, readCampaignForm, type CampaignForm } from "./form.js";
import { CampaignPage, type CampaignLimits, type SampleModel } from "./page.js";
import { ValueControl } from "./picker.js";
import { progressIdPattern, progressOf, reportProgress } from "./progress.js";
import { pickerFacts, registryValues } from "./registry-values.js";

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

interface Extra {
  selection?: readonly SelectionRow[] | undefined;
  sample?: SampleModel | undefined;
  headers?: Record<string, string>;
}

async function render(
  c: Context,
  ctx: ServerContext,
  form: CampaignForm,
  errors: Errors,
  status: number,
  extra: Extra = {},
): Promise<Response> {
  const { all, broken } = await templatesOf(ctx);
  if (all.length === 0)
    return sendErrorPage(c, 503, { ...sv.templateFaults.noneUsable, children: <BrokenTemplates broken={broken} /> });
  const catalog = await ctx.workspace.catalog();
  const registry = await ctx.workspace.facts();
  const template = all.find((x) => x.frontMatter.id === form.template);
  const here = campaignHref(form, { visa: "1" });
  const res = await sendPage(
    c,
    <CampaignPage
      templates={all}
      template={template}
      broken={broken}
      form={form}
      errors={errors}
      facts={pickerFacts(catalog)}
      values={form.villkor.map((r) => (r.fakta ? registryValues(catalog, registry, r.fakta) : undefined))}
      selection={extra.selection}
      addHref={(kommun, key) => addFactHref({ kommun, key, till: here })}
      sample={extra.sample}
      limits={limitsOf(ctx)}
      progressId={crypto.randomUUID()}
    />,
    status,
  );
  for (const [k, v] of Object.entries(extra.headers ?? {})) res.headers.set(k, v);
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

/** "Förhandsgranska ett exempel": the draft for the chosen municipality, or the first selected. */
async function sampleFor(
  ctx: ServerContext,
  form: CampaignForm,
  selection: readonly SelectionRow[],
  origin: string,
): Promise<SampleModel | undefined> {
  let place = selection.find((r) => r.selected)?.place;
  if (form.exempel) {
    try {
      place = findMunicipality(form.exempel);
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      return { kind: "errors", place: form.exempel, texts: [explainErrorWorded(e.details, webFactWording(origin))] };
    }
  }
  if (!place) return undefined;
  const { lib } = await templatesOf(ctx);
  const template = lib.usable().templates.find((x) => x.frontMatter.id === form.template);
  const { request } = campaignRequestOf(form, template);
  const authors = signersOf(form.signers);
  const wording = webFactWording("", campaignHref(form, { prov: "1" }));
  try {
    const r = await renderDraftFor(
      ctx.workspace,
      {
        template: form.template,
        municipality: place.code,
        authors: authors.length ? authors : [{ name: sv.preview.placeholderSigner }],
        date: form.date,
        inputs: request.inputs ?? {},
        arguments: [],
      },
      "html-fragment",
      undefined,
      { wording },
    );
    const code = place.code;
    return {
      kind: "draft",
      place: place.name,
      html: nestHeadings(String(r.body)),
      review: r.review,
      notSelected: !selection.some((x) => x.selected && x.place.code === code),
    };
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    return {
      kind: "errors",
      place: place.name,
      texts: errorProblems(e).map((p) => explainErrorWorded(p.details, wording)),
    };
  }
}

export function registerCampaignPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.use(paths.campaign, ...formGuards(ctx));

  app.get(paths.campaign, async (c) => {
    const { lib, defaults } = await templatesOf(ctx);
    const url = new URL(c.req.url);
    const params = url.searchParams;
    const form = readCampaignForm(sourceFromQuery(params), defaults, false);
    const visa = params.has("visa");
    const prov = params.has("prov");
    if (!visa && !prov) return render(c, ctx, form, new Map(), 200);
    // Only the selection (counties, list, conditions) is checked, by the core.
    const checked = checkCampaignForm(form, lib, "selection");
    if (!checked.ok) return render(c, ctx, form, checked.errors, 422);
    const registry = await ctx.workspace.facts();
    const conditions = (checked.request.where ?? []).map(parseCondition);
    const base = baseSelection(checked.request.counties ?? [], checked.request.municipalities ?? []);
    const selection = selectionReport(base, conditions, registry, { template: checked.template, date: form.date });
    const sample = prov ? await sampleFor(ctx, form, selection, url.origin) : undefined;
    return render(c, ctx, form, new Map(), 200, { selection: visa || prov ? selection : undefined, sample });
  });

  app.get(`${paths.campaign}/varde`, async (c) => {
    const i = Number(c.req.query("rad") ?? "0");
    const key = c.req.query("fakta") ?? "";
    if (!Number.isInteger(i) || i < 0 || i >= maxConditionRows) return c.text("", 400);
    const catalog = await ctx.workspace.catalog();
    const fact = catalog.get(key);
    const values = fact ? registryValues(catalog, await ctx.workspace.facts(), key) : undefined;
    return sendFragment(
      c,
      <ValueControl
        i={i}
        fact={fact ? { key, label: fact.label, type: fact.type } : undefined}
        values={values}
        value=""
        errors={new Map()}
      />,
    );
  });

  app.get(`${paths.campaign}/framsteg/:id`, (c) => {
    const id = c.req.param("id");
    const p = progressIdPattern.test(id) ? progressOf(id) : undefined;
    return c.json(p ?? { done: 0, total: 0, finished: false }, 200, { "cache-control": "no-store" });
  });

  app.post(paths.campaign, async (c) => {
    const { lib, defaults } = await templatesOf(ctx);
    const body = await c.req.parseBody({ all: true });
    const form = readCampaignForm(sourceFromBody(body), defaults, true);
    const checked = checkCampaignForm(form, lib);
    if (!checked.ok) return render(c, ctx, form, checked.errors, 422);
    let plan: Awaited<ReturnType<typeof planFor>>;
    try {
      plan = await planFor(ctx.workspace, checked.request);
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      const { from } = campaignRequestOf(form, checked.template);
      return render(c, ctx, form, errorsOf(errorProblems(e), form, from, checked.template), 422);
    }
    const admission = admitCampaign(c, ctx, plan, false);
    if (!admission.ok) {
      const refused = refusalOnForm(admission.refusal);
      return render(c, ctx, form, new Map([[refused.key, refused.error]]), refused.status, {
        headers: refused.headers,
      });
    }
    const id = typeof body.framsteg === "string" && progressIdPattern.test(body.framsteg) ? body.framsteg : undefined;
    if (id) reportProgress(id, 0, plan.places.length);
    const origin = new URL(c.req.url).origin;
    const stream = campaignZipStream(plan, ctx.workspace, {
      render: ctx.render,
      wording: webFactWording(origin),
      ...(id ? { onProgress: (done: number, total: number) => reportProgress(id, done, total, done === total) } : {}),
    });
    return c.body(admission.stream(stream), 200, {
      "content-type": "application/zip",
      "content-disposition": attachment(zipName(plan.settings.template, plan.settings.date)),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });
}
