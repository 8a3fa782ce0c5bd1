/**
 * The campaign page's view ("/kampanj"; routes in ./routes.tsx): one template for many
 * municipalities — template, counties, a list of municipalities, conditions picked by the
 * facts' Swedish labels, signers in rows and the template's own fields as on the draft form,
 * date and formats, as a plain server-rendered form. GET shows the form (with "Visa urvalet":
 * who is selected and why, who is left out and why, stale facts; with "Förhandsgranska ett
 * exempel": one sample draft); POST has the core check the whole request, then streams back a
 * zip with one draft per municipality and the summary. site.js shows the zip's progress
 * ("12 av 49 kommuner klara"); without the script the download is a plain POST. Nothing is
 * written to disk. The form has no token: it runs what the service allows without one,
 * admitted as the API's campaigns are (../../campaign-admission.ts).
 */
import type { Child } from "hono/jsx";
import type { SelectionRow } from "../../../campaign/selection-report.js";
import type { Template } from "../../../compose/template-library.js";
import { counties } from "../../../data/municipalities.js";
import type { MotioneraError } from "../../../domain/errors.js";
import { formats } from "../../../render/index.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { paths } from "../frame/links.js";
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
import { SignersFieldset } from "../kit/signer-rows.js";
import { InputsFieldset } from "../kit/template-inputs.js";
import { PreviewedDraft } from "../draft/preview.js";
import type { DraftReview } from "../../../domain/errors.js";
import { campaignIds } from "./check.js";
import type { CampaignForm } from "./form.js";
import { ConditionPicker, type PickerFact, type ValueCount } from "./picker.js";
import { SelectionTable } from "./selection.js";

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

/** The sample draft ("Förhandsgranska ett exempel"), or why it cannot be shown. */
export type SampleModel =
  | { kind: "draft"; place: string; html: string; review: DraftReview; notSelected: boolean }
  | { kind: "errors"; place: string; texts: string[] };

export interface CampaignPageModel {
  templates: Template[];
  /** The template chosen (its fields are shown), when it can be used. */
  template?: Template | undefined;
  /** Templates that cannot be used, named above the form. */
  broken?: readonly { id: string; error: MotioneraError }[];
  form: CampaignForm;
  errors: FieldErrors;
  facts: readonly PickerFact[];
  values: readonly (ValueCount[] | undefined)[];
  /** "Visa urvalet": every municipality of the counties and list, selected or not and why. */
  selection?: readonly SelectionRow[] | undefined;
  addHref: (place: string, key: string) => string;
  sample?: SampleModel | undefined;
  limits: CampaignLimits;
  /** An id for the zip's progress (the script polls it). */
  progressId: string;
}

function Counties({ form, errors }: { form: CampaignForm; errors: FieldErrors }) {
  const chosen = (c: (typeof counties)[number]) =>
    form.lan.some((l) => l === c.code || l === c.name || l.toUpperCase() === c.letter);
  return (
    <fieldset
      class={`counties${errors.has("lan") ? " has-error" : ""}`}
      id={ids.field("lan")}
      aria-describedby={describedBy(ids.help("lan"), errors.has("lan") && ids.error("lan"))}
    >
      <legend>{t.lan.label}</legend>
      <p class="help" id={ids.help("lan")}>
        {t.lan.help}
      </p>
      {errors.get("lan") && <ErrorText id={ids.error("lan")} error={errors.get("lan")!} />}
      <div class="county-grid">
        {counties.map((c) => (
          <label class="checkbox">
            <input type="checkbox" name="lan" value={c.code} checked={chosen(c)} />
            <span>{`${c.name} (${c.letter})`}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Sample({ sample }: { sample: SampleModel }) {
  const s = t.sample;
  return (
    <section class="campaign-sample" aria-labelledby="exempel-rubrik" id="exempel">
      <h2 id="exempel-rubrik">{s.heading(sample.place)}</h2>
      {sample.kind === "draft" ? (
        <div class="preview-panel">
          <PreviewedDraft
            notes={sample.notSelected ? [s.notSelected(sample.place)] : []}
            review={sample.review}
            html={sample.html}
          />
        </div>
      ) : (
        <>
          <p>{s.cannot}</p>
          <ul>
            {sample.texts.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function CampaignPage(m: CampaignPageModel) {
  const { templates, template, broken, form, errors, selection, limits } = m;
  const formError = errors.get("form");
  const selected = selection?.filter((r) => r.selected).length ?? 0;
  return (
    <Layout title={errors.size ? t.titleWithErrors : t.title} section="campaign" bodyClass="page-campaign">
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <BrokenTemplates broken={broken ?? []} />
      <ErrorSummary ids={ids} errors={errors} />
      <form
        method="post"
        action={paths.campaign}
        class="campaign-form"
        aria-label={t.formLabel}
        novalidate
        data-campaign-form
        data-progress-url={`${paths.campaign}/framsteg/${m.progressId}`}
      >
        <input type="hidden" name="framsteg" value={m.progressId} />
        <fieldset class="group">
          <legend>{t.legends.document}</legend>
          <Field k="template" label={t.template.label} help={t.template.help} errors={errors}>
            <div class="inline-controls">
              <TemplateSelect templates={templates} selected={form.template} attrs={aria("template", errors)} />
              <button
                type="submit"
                class="button secondary"
                formmethod="get"
                formaction={paths.campaign}
                formnovalidate
                name="byt"
                value="1"
              >
                {t.inputs.choose}
              </button>
            </div>
          </Field>
        </fieldset>
        <fieldset class="group">
          <legend>{t.selectionLegend}</legend>
          <Counties form={form} errors={errors} />
          <Field k="kommuner" label={t.kommuner.label} help={t.kommuner.help} errors={errors}>
            <textarea name="kommuner" rows={3} {...aria("kommuner", errors)}>
              {form.kommuner}
            </textarea>
          </Field>
        </fieldset>
        <ConditionPicker
          rows={form.villkor}
          facts={m.facts}
          values={m.values}
          errors={errors}
          valueUrl={`${paths.campaign}/varde`}
        />
        <details class="condition-text" open={form.where.trim() !== "" || errors.has("where")}>
          <summary>{t.where.summary}</summary>
          <Field k="where" label={t.where.label} help={t.where.help} errors={errors}>
            <textarea name="where" rows={3} spellcheck={false} {...aria("where", errors)}>
              {form.where}
            </textarea>
          </Field>
        </details>
        <div class="actions">
          <button
            type="submit"
            class="button secondary"
            formmethod="get"
            formaction={`${paths.campaign}#urval`}
            formnovalidate
            name="visa"
            value="1"
          >
            {t.preview}
          </button>
        </div>
        <div class="campaign-selection" id="urval" aria-live="polite">
          {selection ? (
            <>
              <h2>{t.selectionHeading(selected)}</h2>
              {selected > limits.places && <p class="notice">{t.overLimit(limits.places)}</p>}
              <SelectionTable rows={selection} addHref={m.addHref} />
            </>
          ) : (
            <p class="muted">{t.selectionNone}</p>
          )}
        </div>
        <SignersFieldset ids={ids} rows={form.signers} errors={errors} action={paths.campaign} />
        <fieldset class="group">
          <legend>{t.legends.signers}</legend>
          <Field k="date" label={t.date.label} help={t.date.help} errors={errors}>
            <input type="date" name="date" value={form.date} class="input-short" {...aria("date", errors)} />
          </Field>
        </fieldset>
        {template && <InputsFieldset ids={ids} template={template} values={form.inputs} errors={errors} />}
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
        <fieldset class="group">
          <legend>{t.sample.button}</legend>
          <Field k="exempel" label={t.sample.label} help={t.sample.help} errors={errors}>
            <input type="text" name="exempel" value={form.exempel} autocomplete="off" {...aria("exempel", errors)} />
          </Field>
          <button
            type="submit"
            class="button secondary"
            formmethod="get"
            formaction={`${paths.campaign}#exempel`}
            formnovalidate
            name="prov"
            value="1"
          >
            {t.sample.button}
          </button>
        </fieldset>
        {m.sample && <Sample sample={m.sample} />}
        {formError && <p class="field-error">{formError.text}</p>}
        <div class="actions">
          <button type="submit" class="button" aria-describedby="kampanj-hjalp" data-action="download-zip">
            {t.download}
          </button>
          <p class="help" id="kampanj-hjalp">
            {`${t.downloadHelp} ${t.limitsHelp(limits.places, limits.documents)}`}
          </p>
          <div class="campaign-progress" data-campaign-progress hidden>
            <label for="kampanj-framsteg">{t.progress.label}</label>
            <progress id="kampanj-framsteg" max={1} value={0} />
            <p
              class="help"
              role="status"
              data-progress-text
              data-pattern={t.progress.count}
              data-starting={t.progress.starting}
              data-done={t.progress.done}
              data-failed={t.progress.failed}
            />
          </div>
        </div>
      </form>
    </Layout>
  );
}
