/**
 * The campaign page's view ("/kampanj"; routes in ./routes.tsx): one template for many
 * municipalities — template, county, a list of municipalities, fact conditions, signers,
 * date, the template's fields and the formats, as a plain server-rendered form. GET shows
 * the form (and, with "Visa urvalet", which municipalities the choices select); POST has the
 * core check the whole request, then streams back a zip with one draft per municipality and
 * the summary. Nothing is written to disk. The form has no token (a secret does not belong in
 * a page whose "Visa urvalet" puts the fields in the address): it runs what the service
 * allows without one, admitted as the API's campaigns are (../../campaign-admission.ts); a
 * larger campaign is refused with a pointer to the API and its token.
 */
import type { Child } from "hono/jsx";
import type { Template } from "../../../compose/template-library.js";
import { counties } from "../../../data/municipalities.js";
import type { MotioneraError } from "../../../domain/errors.js";
import type { Place } from "../../../domain/municipality.js";
import { formats } from "../../../render/index.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { paths, placeHref } from "../frame/links.js";
import {
  control,
  describedBy,
  ErrorSummary,
  ErrorText,
  Field as KitField,
  TemplateSelect,
  type FieldErrors,
} from "../kit/form.js";
import { BrokenTemplates } from "../kit/parts.js";
import { campaignIds } from "./check.js";
import type { CampaignForm } from "./form.js";

const t = sv.campaign;

const ids = campaignIds;
const Field = (p: { k: string; label: string; help?: string; errors: FieldErrors; children: Child }) => (
  <KitField ids={ids} {...p} />
);
const aria = (k: string, errors: FieldErrors) => control(ids, k, errors, true);

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
  errors: FieldErrors;
  /** The municipalities the choices select ("Visa urvalet"), when asked for. */
  selection?: Place[] | undefined;
  /** Municipalities the conditions leave out only for a fact the registry lacks, with the way to add it. */
  leftOut?: LeftOut[] | undefined;
  limits: CampaignLimits;
}

export interface LeftOut {
  place: Place;
  facts: { label: string; href: string }[];
}

/** "Utan uppgift": each municipality left out for a missing fact, with a link to add it. */
function LeftOutList({ leftOut }: { leftOut: LeftOut[] }) {
  const a = sv.addFact.campaign;
  return (
    <div class="campaign-left-out">
      <h3 id="utan-uppgift">{a.heading(leftOut.length)}</h3>
      <p class="help">{a.intro}</p>
      <ul aria-labelledby="utan-uppgift">
        {leftOut.map((l) => (
          <li>
            <a href={placeHref(l.place)}>{l.place.name}</a>
            {": "}
            {l.facts.map((f, i) => (
              <>
                {i > 0 && ", "}
                <a href={f.href}>
                  {a.add}
                  <span class="visually-hidden">{sv.addFact.addMissingHidden(f.label)}</span>
                </a>
                {` (${f.label})`}
              </>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CampaignPage({ templates, broken, form, errors, selection, leftOut, limits }: CampaignPageModel) {
  const formError = errors.get("form");
  return (
    <Layout title={errors.size ? t.titleWithErrors : t.title} section="campaign" bodyClass="page-campaign">
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <BrokenTemplates broken={broken ?? []} />
      <ErrorSummary ids={ids} errors={errors} />
      <form method="post" action={paths.campaign} class="campaign-form" aria-label={t.formLabel} novalidate>
        <fieldset class="group">
          <legend>{t.legends.document}</legend>
          <Field k="template" label={t.template.label} help={t.template.help} errors={errors}>
            <TemplateSelect templates={templates} selected={form.template} attrs={aria("template", errors)} />
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
                <option
                  value={c.code}
                  selected={form.lan === c.code || form.lan === c.name || form.lan.toUpperCase() === c.letter}
                >
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
          <button
            type="submit"
            class="button secondary"
            formmethod="get"
            formaction={paths.campaign}
            formnovalidate
            name="visa"
            value="1"
          >
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
                {leftOut && leftOut.length > 0 && <LeftOutList leftOut={leftOut} />}
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
        <fieldset
          class={`group${errors.has("formats") ? " has-error" : ""}`}
          id={ids.field("formats")}
          aria-describedby={describedBy(ids.help("formats"), errors.has("formats") && ids.error("formats"))}
        >
          <legend>{t.formats.legend}</legend>
          <p class="help" id={ids.help("formats")}>
            {t.formats.help}
          </p>
          {errors.get("formats") && <ErrorText id={ids.error("formats")} error={errors.get("formats")!} />}
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
