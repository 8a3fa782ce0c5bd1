/**
 * "/kampanj" — one template for many municipalities: template, county, a list of
 * municipalities, fact conditions, signers, date, the template's fields and the formats, as
 * a plain server-rendered form. GET shows the form (and, with "Visa urvalet", which
 * municipalities the choices select); POST checks every field, then streams back a zip with
 * one draft per municipality and the summary. Nothing is written to disk. The route only
 * translates between the form and src/campaign. The form has no token (a secret does not
 * belong in a page whose "Visa urvalet" puts the fields in the address): it runs what the
 * service allows without one, admitted as the API's campaigns are (../campaign-admission.ts);
 * a larger campaign is refused with a pointer to the API and its token.
 */
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import type { Template, TemplateLibrary } from "../../compose/template-library.js";
import { campaignZipStream, planFor, zipName } from "../../campaign/index.js";
import type { CampaignRequest } from "../../campaign/plan.js";
import { parseCondition } from "../../campaign/conditions.js";
import { validateInputs } from "../../compose/inputs.js";
import { findCounty, findMunicipality } from "../../data/places.js";
import { counties } from "../../data/municipalities.js";
import { isMotioneraError, type ErrorDetails } from "../../domain/errors.js";
import type { Place } from "../../domain/municipality.js";
import { isoDateSchema } from "../../domain/partial-date.js";
import { parseSigner, type Signer } from "../../domain/signer.js";
import { documentKinds } from "../../domain/template.js";
import { explainError } from "../../messages.sv.js";
import { todayInSweden } from "../../lang/dates.js";
import { formats, type Format } from "../../render/index.js";
import { attachment } from "../drafting.js";
import { admitCampaign, type Refusal } from "../campaign-admission.js";
import { explainBrokenTemplate } from "../../messages.sv.js";
import type { MotioneraError } from "../../domain/errors.js";
import { sv } from "../messages.sv.js";
import { sourceFromBody, sourceFromQuery, type FieldError, type FormSource } from "./draft-state.js";
import { formGuards } from "./guards.js";
import { Layout, sendPage } from "./layout.js";
import { paths, placeHref } from "./links.js";
import { BrokenTemplates, describedBy, ErrorText } from "./parts.js";
import { sendErrorPage } from "./error-page.js";

const t = sv.campaign;

export interface CampaignForm {
  template: string;
  lan: string;
  kommuner: string;
  where: string;
  signers: string;
  date: string;
  inputs: string;
  formats: string[];
}

type Errors = Map<string, FieldError>;
const fieldOrder = ["template", "lan", "kommuner", "where", "signers", "date", "inputs", "formats", "form"];
const labels: Record<string, string> = {
  template: t.template.label,
  lan: t.lan.label,
  kommuner: t.kommuner.label,
  where: t.where.label,
  signers: t.signers.label,
  date: t.date.label,
  inputs: t.inputs.label,
  formats: t.formats.legend!,
};
const fieldId = (k: string) => `k-${k}`;
const errorId = (k: string) => `err-k-${k}`;

const lines = (s: string) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
const items = (s: string) => s.split(/[\n,;]/).map((x) => x.trim()).filter(Boolean);
const last = (src: FormSource, name: string) => src.all(name).at(-1) ?? "";

export function readCampaignForm(src: FormSource, defaults: { template: string; today: string }, submitted: boolean): CampaignForm {
  const fmts = src.all("formats").filter((f) => (formats as readonly string[]).includes(f));
  return {
    template: last(src, "template").trim() || defaults.template,
    lan: last(src, "lan").trim(),
    kommuner: last(src, "kommuner"),
    where: last(src, "where"),
    signers: last(src, "signers"),
    date: last(src, "date").trim() || defaults.today,
    inputs: last(src, "inputs"),
    // A fresh form offers DOCX and PDF; a submitted one keeps exactly what was ticked.
    formats: submitted || src.names().includes("formats") ? [...new Set(fmts)] : ["docx", "pdf"],
  };
}

function errorFor(d: ErrorDetails): [string, FieldError] {
  const e = t.errors;
  switch (d.code) {
    case "unknown_template":
      return ["template", { text: e.templateUnknown(d.query, d.suggestions) }];
    case "template_invalid":
      return ["template", { text: `${explainBrokenTemplate(d)} ${sv.fieldErrors.templateBroken}` }];
    case "unknown_county":
      return ["lan", { text: e.lanUnknown(d.query, d.suggestions) }];
    case "unknown_municipality":
      return ["kommuner", { text: e.kommunUnknown(d.query, d.suggestions) }];
    case "campaign_condition_invalid":
    case "unknown_fact_key":
      return ["where", { text: explainError(d).replace(/ Se alla nycklar med: .*$/, "") }];
    case "campaign_empty":
      return ["form", { text: e.empty }];
    case "unknown_input":
    case "input_invalid":
      if (d.field.startsWith("authors")) return ["signers", { text: e.signerNone }];
      if (d.field === "date") return ["date", { text: e.dateInvalid }];
      return ["inputs", { text: explainError(d) }];
    case "author_invalid":
      return ["signers", { text: e.signerInvalid(d.value) }];
    default:
      return ["form", { text: e.general }];
  }
}

/** Every field checked on its own, so the user sees all problems at once; then the request. */
export function checkCampaignForm(form: CampaignForm, lib: TemplateLibrary): { errors: Errors; request?: CampaignRequest } {
  const errors: Errors = new Map();
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      if (!isMotioneraError(err)) throw err;
      const [k, v] = errorFor(err.details);
      if (!errors.has(k)) errors.set(k, v);
    }
  };
  let template: Template | undefined;
  attempt(() => void (template = lib.get(form.template)));
  if (form.lan) attempt(() => void findCounty(form.lan));
  for (const k of items(form.kommuner)) attempt(() => void findMunicipality(k));
  for (const w of lines(form.where)) attempt(() => void parseCondition(w));
  const authors: Signer[] = [];
  for (const line of lines(form.signers)) {
    const s = parseSigner(line);
    if (s) authors.push(s);
    else if (!errors.has("signers")) errors.set("signers", { text: t.errors.signerInvalid(line) });
  }
  if (authors.length === 0 && !errors.has("signers")) errors.set("signers", { text: t.errors.signerNone });
  if (!isoDateSchema.safeParse(form.date).success) errors.set("date", { text: t.errors.dateInvalid });
  const inputs: Record<string, string> = {};
  for (const line of lines(form.inputs)) {
    const eq = line.indexOf("=");
    if (eq <= 0) {
      if (!errors.has("inputs")) errors.set("inputs", { text: t.errors.inputLine(line) });
      continue;
    }
    inputs[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  if (template && !errors.has("inputs")) attempt(() => void validateInputs(template!.frontMatter, inputs));
  if (form.formats.length === 0) errors.set("formats", { text: t.errors.formatsNone });
  if (errors.size) return { errors };
  return {
    errors,
    request: {
      template: form.template,
      counties: form.lan ? [form.lan] : [],
      municipalities: items(form.kommuner),
      where: lines(form.where),
      authors,
      date: form.date,
      inputs,
      formats: form.formats as Format[],
    },
  };
}

function sorted(errors: Errors): Errors {
  const rank = (k: string) => (fieldOrder.indexOf(k) < 0 ? fieldOrder.length : fieldOrder.indexOf(k));
  return new Map([...errors].sort((a, b) => rank(a[0]) - rank(b[0])));
}

// ── The page ─────────────────────────────────────────────────────────────────────────────

function Field({ k, label, help, errors, children }: { k: string; label: string; help?: string; errors: Errors; children: unknown }) {
  const e = errors.get(k);
  return (
    <div class={`field${e ? " has-error" : ""}`}>
      <label for={fieldId(k)}>{label}</label>
      {help && (
        <p class="help" id={`help-${fieldId(k)}`}>
          {help}
        </p>
      )}
      {e && <ErrorText id={errorId(k)} error={e} />}
      {children}
    </div>
  );
}

const aria = (k: string, errors: Errors) => ({
  id: fieldId(k),
  "aria-describedby": describedBy(`help-${fieldId(k)}`, errors.has(k) && errorId(k)),
  "aria-invalid": errors.has(k) ? "true" : undefined,
});

/** What the service allows a campaign without the token, for the form's help and the selection. */
export interface CampaignLimits {
  /** Municipalities a campaign may select without the token. */
  places: number;
  /** Documents (municipalities × formats) a campaign may make without the token; 0: no such limit. */
  documents: number;
}

export interface CampaignPageModel {
  templates: Template[];
  /** Templates that cannot be used, named above the form. */
  broken?: readonly { id: string; error: MotioneraError }[];
  form: CampaignForm;
  errors: Errors;
  /** The municipalities the choices select ("Visa urvalet"), when asked for. */
  selection?: Place[] | undefined;
  limits: CampaignLimits;
}

export function CampaignPage({ templates, broken, form, errors, selection, limits }: CampaignPageModel) {
  const byKind = documentKinds.map((kind) => ({ kind, list: templates.filter((x) => x.frontMatter.kind === kind) })).filter((g) => g.list.length);
  const formError = errors.get("form");
  return (
    <Layout title={errors.size ? t.titleWithErrors : t.title} section="campaign" bodyClass="page-campaign">
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <BrokenTemplates broken={broken ?? []} />
      {errors.size > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="fel-rubrik" tabindex={-1} data-error-summary>
          <h2 id="fel-rubrik">{sv.draft.errorSummary(errors.size)}</h2>
          <ul>
            {[...errors].map(([k, e]) => (
              <li>{k === "form" ? e.text : <a href={`#${fieldId(k)}`}>{`${labels[k] ?? k}: ${e.text}`}</a>}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={paths.campaign} class="campaign-form" aria-label={t.formLabel} novalidate>
        <fieldset class="group">
          <legend>{t.legends.document}</legend>
          <Field k="template" label={t.template.label} help={t.template.help} errors={errors}>
            <select name="template" {...aria("template", errors)}>
              {byKind.map((g) => (
                <optgroup label={sv.kinds.plural[g.kind] ?? g.kind}>
                  {g.list.map((x) => (
                    <option value={x.frontMatter.id} selected={x.frontMatter.id === form.template}>
                      {x.frontMatter.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
        </fieldset>
        <fieldset class="group">
          <legend>{t.selectionLegend}</legend>
          <Field k="lan" label={t.lan.label} help={t.lan.help} errors={errors}>
            <select name="lan" {...aria("lan", errors)}>
              <option value="" selected={form.lan === ""}>
                {t.lan.all}
              </option>
              {counties.map((c) => (
                <option value={c.code} selected={form.lan === c.code || form.lan === c.name || form.lan.toUpperCase() === c.letter}>
                  {`${c.name} (${c.letter})`}
                </option>
              ))}
            </select>
          </Field>
          <Field k="kommuner" label={t.kommuner.label} help={t.kommuner.help} errors={errors}>
            <textarea name="kommuner" rows={3} {...aria("kommuner", errors)}>
              {form.kommuner}
            </textarea>
          </Field>
          <Field k="where" label={t.where.label} help={t.where.help} errors={errors}>
            <textarea name="where" rows={3} spellcheck={false} {...aria("where", errors)}>
              {form.where}
            </textarea>
          </Field>
          <button type="submit" class="button secondary" formmethod="get" formaction={paths.campaign} formnovalidate name="visa" value="1">
            {t.preview}
          </button>
          <div class="campaign-selection" aria-live="polite">
            {selection ? (
              <>
                <h2>{t.selectionHeading(selection.length)}</h2>
                {selection.length > limits.places && <p class="notice">{t.overLimit(limits.places)}</p>}
                <ul class="columns">
                  {selection.map((p) => (
                    <li>
                      <a href={placeHref(p)}>{p.name}</a>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p class="muted">{t.selectionNone}</p>
            )}
          </div>
        </fieldset>
        <fieldset class="group">
          <legend>{t.legends.signers}</legend>
          <Field k="signers" label={t.signers.label} help={t.signers.help} errors={errors}>
            <textarea name="signers" rows={3} autocomplete="off" {...aria("signers", errors)}>
              {form.signers}
            </textarea>
          </Field>
          <Field k="date" label={t.date.label} help={t.date.help} errors={errors}>
            <input type="date" name="date" value={form.date} class="input-short" {...aria("date", errors)} />
          </Field>
          <Field k="inputs" label={t.inputs.label} help={t.inputs.help} errors={errors}>
            <textarea name="inputs" rows={2} spellcheck={false} {...aria("inputs", errors)}>
              {form.inputs}
            </textarea>
          </Field>
        </fieldset>
        <fieldset class={`group${errors.has("formats") ? " has-error" : ""}`} id={fieldId("formats")} aria-describedby={describedBy("help-k-formats", errors.has("formats") && errorId("formats"))}>
          <legend>{t.formats.legend}</legend>
          <p class="help" id="help-k-formats">
            {t.formats.help}
          </p>
          {errors.get("formats") && <ErrorText id={errorId("formats")} error={errors.get("formats")!} />}
          <div class="radios">
            {formats.map((f) => (
              <label class="checkbox">
                <input type="checkbox" name="formats" value={f} checked={form.formats.includes(f)} />
                <span>{t.formats[f] ?? f}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {formError && <p class="field-error">{formError.text}</p>}
        <div class="actions">
          <button type="submit" class="button" aria-describedby="kampanj-hjalp">
            {t.download}
          </button>
          <p class="help" id="kampanj-hjalp">
            {`${t.downloadHelp} ${t.limitsHelp(limits.places, limits.documents)}`}
          </p>
        </div>
      </form>
    </Layout>
  );
}

// ── Routes ───────────────────────────────────────────────────────────────────────────────

/** The templates that can be used (a broken one is left out and named on the page). */
async function templatesOf(ctx: ServerContext) {
  const lib = await ctx.workspace.templates();
  const { templates: all, broken } = lib.usable();
  return { lib, all, broken, defaults: { template: all.find((x) => x.frontMatter.id === "kast-avtal")?.frontMatter.id ?? all[0]?.frontMatter.id ?? "", today: todayInSweden() } };
}

const limitsOf = (ctx: ServerContext): CampaignLimits => ({ places: ctx.options.campaignLimit, documents: ctx.options.draftsPerMinute });

async function render(c: Context, ctx: ServerContext, form: CampaignForm, errors: Errors, status: number, selection?: Place[], headers: Record<string, string> = {}): Promise<Response> {
  const { all, broken } = await templatesOf(ctx);
  if (all.length === 0) return sendErrorPage(c, 503, { ...sv.templateFaults.noneUsable, children: <BrokenTemplates broken={broken} /> });
  const res = await sendPage(c, <CampaignPage templates={all} broken={broken} form={form} errors={sorted(errors)} selection={selection} limits={limitsOf(ctx)} />, status);
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

/** A refused campaign on the form: the field it concerns, the status, and Retry-After when waiting helps. */
function refusalOnForm(r: Refusal): { key: string; error: FieldError; status: number; headers: Record<string, string> } {
  const e = t.errors;
  switch (r.kind) {
    case "needs-token":
      return { key: "form", error: { text: e.tooLarge(r.places, r.documents, r.campaignLimit, r.perMinute) }, status: 403, headers: {} };
    case "budget":
      return { key: "form", error: { text: e.budget(r.documents, r.perMinute, r.retryAfter) }, status: 429, headers: { "retry-after": String(r.retryAfter) } };
    case "busy":
      return { key: "form", error: { text: e.busy(r.running) }, status: 503, headers: { "retry-after": String(r.retryAfter) } };
  }
}

export function registerCampaignPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.use(paths.campaign, ...formGuards(ctx));

  app.get(paths.campaign, async (c) => {
    const { defaults } = await templatesOf(ctx);
    const params = new URL(c.req.url).searchParams;
    const form = readCampaignForm(sourceFromQuery(params), defaults, false);
    if (!params.has("visa")) return render(c, ctx, form, new Map(), 200);
    // "Visa urvalet": only the selection is checked (template, county, list, conditions).
    const errors: Errors = new Map();
    let selection: Place[] | undefined;
    try {
      const { baseSelection, filterPlaces } = await import("../../campaign/plan.js");
      const conditions = lines(form.where).map(parseCondition);
      selection = filterPlaces(baseSelection(form.lan ? [form.lan] : [], items(form.kommuner)), conditions, await ctx.workspace.facts());
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      const [k, v] = errorFor(e.details);
      errors.set(k, v);
    }
    return render(c, ctx, form, errors, errors.size ? 422 : 200, selection);
  });

  app.post(paths.campaign, async (c) => {
    const { lib, defaults } = await templatesOf(ctx);
    const form = readCampaignForm(sourceFromBody(await c.req.parseBody({ all: true })), defaults, true);
    const checked = checkCampaignForm(form, lib);
    if (!checked.request) return render(c, ctx, form, checked.errors, 422);
    let plan;
    try {
      plan = await planFor(ctx.workspace, checked.request);
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      const [k, v] = errorFor(e.details);
      return render(c, ctx, form, new Map([[k, v]]), 422);
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
