/**
 * "/" — Skriv ett utkast: template, municipality, signers, date, the template's own inputs
 * (generated from its front matter), arguments from the corpus, the facts that will be
 * cited, a preview and the downloads. Works as a plain form; site.js makes it live.
 */
import type { Child } from "hono/jsx";
import type { Template } from "../../../compose/template-library.js";
import type { ArgumentGroup } from "../../../corpus/argument-groups.js";
import { argumentTypeLabel } from "../../../domain/vocabulary.js";
import { sv } from "../../messages.sv.js";
import { isEdited, stateHref, type FormState } from "./state.js";
import { draftIds } from "./check.js";
import {
  control as kitControl,
  describedBy,
  Err as KitErr,
  ErrorSummary,
  fieldClass,
  Help as KitHelp,
  Label as KitLabel,
  SubmitButton,
  TemplateSelect,
  type FieldError,
  type FieldErrors,
} from "../kit/form.js";
import { FactsPanel, type FactLine } from "./facts-panel.js";
import { FactPicker, type PickerLine } from "./fact-picker.js";
import { Layout } from "../frame/layout.js";
import { paths, recordHref } from "../frame/links.js";
import { SavedFactNotice } from "../add-fact/saved-notice.js";
import { BrokenTemplates, MunicipalityInput, MunicipalityList } from "../kit/parts.js";
import { SignersFieldset as KitSigners } from "../kit/signer-rows.js";
import { InputsFieldset as KitInputs } from "../kit/template-inputs.js";
import { PreviewPanel, type PreviewModel } from "./preview.js";
import type { Place } from "../../../domain/municipality.js";
import type { MotioneraError } from "../../../domain/errors.js";
import { EditConflictPanel, EditTextFieldset, type EditConflict } from "./edit-text.js";

const t = sv.draft;

export interface DraftPageModel {
  templates: Template[];
  /** Templates that cannot be used, named above the form. */
  broken?: readonly { id: string; error: MotioneraError }[];
  template: Template;
  state: FormState;
  errors: FieldErrors;
  place?: Place | undefined;
  factLines?: FactLine[] | undefined;
  groups: ArgumentGroup[] | null;
  preview: PreviewModel;
  /** The fact picker's keys, when the template's text fields take `{fakta:key}`. */
  picker?: PickerLine[] | undefined;
  /** The fact just saved with "Lägg till uppgift" (the user came back here from its form). */
  savedFact?: { label: string; place: string } | undefined;
  /** Above the form: a saved draft's panel (pages/saved-draft/). */
  beforeForm?: Child;
  /** At the end of the form: "Spara utkast" (pages/saved-draft/). */
  formEnd?: Child;
  /** Where the form posts (its preview and downloads): /utkast, or a saved draft's own address. */
  formAction?: string | undefined;
  /** The text was edited for another template or municipality: what a change would discard. */
  editConflict?: EditConflict | undefined;
}

const ids = draftIds;
const control = (key: string, errors: FieldErrors, help: boolean) => kitControl(ids, key, errors, help);
const Label = (p: { k: string; label: string; required?: boolean }) => <KitLabel ids={ids} {...p} />;
const Help = (p: { k: string; text?: string | undefined }) => <KitHelp ids={ids} {...p} />;
const Err = (p: { k: string; errors: FieldErrors }) => <KitErr ids={ids} {...p} />;
const fieldId = ids.field;
const errorId = ids.error;

function TemplateField({
  templates,
  state,
  errors,
  postTo,
}: {
  templates: Template[];
  state: FormState;
  errors: FieldErrors;
  /** Where the form posts (a saved draft's own address keeps its panel). */
  postTo: string;
}) {
  const k = "template";
  const current = templates.find((x) => x.frontMatter.id === state.template);
  return (
    <div class={fieldClass(k, errors, "template-field")}>
      <Label k={k} label={t.template.label} />
      <Help k={k} text={current ? current.frontMatter.description : t.template.help} />
      <Err k={k} errors={errors} />
      <div class="inline-controls">
        <TemplateSelect
          templates={templates}
          selected={state.template}
          attrs={{ ...control(k, errors, true), "data-choose-template": true }}
        />
        <button
          type="submit"
          class="button secondary"
          // With an edited text the form is posted (the text may be too long for an address); a new template
          // then asks before the edits go.
          formmethod={isEdited(state) ? "post" : "get"}
          formaction={isEdited(state) ? postTo : paths.draft}
          formnovalidate
          data-action="choose-template"
          aria-describedby="valj-mall-hjalp"
        >
          {t.template.choose}
        </button>
      </div>
      <p class="help" id="valj-mall-hjalp">
        {t.template.chooseHelp}
      </p>
    </div>
  );
}

function KommunField({ state, errors }: { state: FormState; errors: FieldErrors }) {
  const k = "kommun";
  return (
    <div class={fieldClass(k, errors)}>
      <Label k={k} label={t.kommun.label} required />
      <Help k={k} text={t.kommun.help} />
      <Err k={k} errors={errors} />
      <MunicipalityInput
        value={state.kommun}
        attrs={{ "aria-required": "true", "data-kommun": true, ...control(k, errors, true) }}
      />
      <MunicipalityList withSelfName />
      {/* "Menade du …" while typing a name that is no municipality (the script fills it). */}
      <div class="kommun-hint" aria-live="polite" data-kommun-hint-slot />
    </div>
  );
}

function SignersFieldset({ state, errors }: { state: FormState; errors: FieldErrors }) {
  return <KitSigners ids={ids} rows={state.signers} errors={errors} action={paths.draft} />;
}

function DateField({ state, errors }: { state: FormState; errors: FieldErrors }) {
  const k = "date";
  return (
    <div class={fieldClass(k, errors)}>
      <Label k={k} label={t.date.label} />
      <Help k={k} text={t.date.help} />
      <Err k={k} errors={errors} />
      <input type="date" name="date" value={state.date} class="input-short" {...control(k, errors, true)} />
    </div>
  );
}

function InputsFieldset({ template, state, errors }: { template: Template; state: FormState; errors: FieldErrors }) {
  return <KitInputs ids={ids} template={template} values={state.inputs} errors={errors} />;
}

function ArgumentsFieldset({
  groups,
  state,
  errors,
}: {
  groups: ArgumentGroup[];
  state: FormState;
  errors: FieldErrors;
}) {
  const a = t.arguments;
  const k = "arguments";
  const chosen = new Set(state.arguments);
  return (
    <fieldset
      class={`group arguments${errors.has(k) ? " has-error" : ""}`}
      id={fieldId(k)}
      aria-describedby={describedBy(ids.help(k), errors.has(k) && errorId(k))}
    >
      <legend>{a.legend}</legend>
      <p class="help" id={ids.help("arguments")}>
        {a.help}
      </p>
      <Err k={k} errors={errors} />
      {groups.length === 0 && <p class="muted">{a.none}</p>}
      {groups.map((g) => {
        const n = g.items.filter((x) => chosen.has(x.ref)).length;
        return (
          <details class="argument-group" open={n > 0}>
            <summary>
              <span class="argument-doc">{g.doc.title}</span> <span class="muted">({a.count(g.items.length, n)})</span>
            </summary>
            <p class="citation">
              {`${a.madeIn}: ${g.citation} `}
              <a href={recordHref(g.doc.id)}>{a.record}</a>
            </p>
            <ul class="argument-list">
              {g.items.map((x) => (
                <li>
                  <label class="checkbox">
                    <input type="checkbox" name="arguments" value={x.ref} checked={chosen.has(x.ref)} />
                    <span>
                      {x.claim}
                      <span class="argument-type">
                        {` ${a.type}: ${argumentTypeLabel(x.type)} ` + `(${a.stance[x.stance] ?? x.stance})`}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}

function Actions() {
  const a = t.actions;
  return (
    <div class="actions">
      <SubmitButton name="format" value="preview" secondary attrs={{ "data-action": "preview" }}>
        {a.preview}
      </SubmitButton>
      {/* biome-ignore lint/a11y/useSemanticElements: <fieldset> brings its own border */}
      <div class="downloads" role="group" aria-labelledby="ladda-ner-rubrik">
        <span id="ladda-ner-rubrik" class="visually-hidden">
          {a.downloadLegend}
        </span>
        {(["docx", "pdf", "md"] as const).map((format) => (
          <SubmitButton name="format" value={format}>
            {a[format]}
          </SubmitButton>
        ))}
      </div>
    </div>
  );
}

export function DraftPage(m: DraftPageModel) {
  const { template, state, errors } = m;
  const errorFor = (k: string): FieldError | undefined => errors.get(k);
  return (
    <Layout title={errors.size ? t.titleWithErrors : t.title} section="draft" bodyClass="page-draft">
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <BrokenTemplates broken={m.broken ?? []} />
      {m.savedFact && <SavedFactNotice {...m.savedFact} inDraft />}
      <ErrorSummary ids={ids} errors={errors} />
      {m.editConflict && <EditConflictPanel conflict={m.editConflict} />}
      {/* On a narrow screen the preview comes after the whole form: a way straight to it. */}
      <p class="narrow-only jump-to-preview">
        <a href="#forhandsvisning-rubrik">{t.jumpToPreview}</a>
      </p>
      {m.beforeForm}
      <div class="draft-layout">
        <form
          method="post"
          action={m.formAction ?? paths.download}
          class="draft-form"
          id="utkast"
          aria-label={t.formLabel}
          novalidate
          data-draft-form
          data-preview-url={paths.previewFragment}
        >
          <fieldset class="group">
            <legend>{t.template.legend}</legend>
            <TemplateField
              templates={m.templates}
              state={state}
              errors={errors}
              postTo={m.formAction ?? paths.download}
            />
            <KommunField state={state} errors={errors} />
            <DateField state={state} errors={errors} />
          </fieldset>
          <FactsPanel
            template={template}
            kommun={state.kommun}
            place={m.place}
            lines={m.factLines}
            error={errorFor("facts")}
            fragmentUrl={paths.factsFragment}
            returnTo={stateHref(state)}
            review={m.preview.kind === "draft" ? m.preview.review : undefined}
          />
          <SignersFieldset state={state} errors={errors} />
          <InputsFieldset template={template} state={state} errors={errors} />
          {m.picker && (
            <FactPicker lines={m.picker} place={m.place} kommun={state.kommun} fragmentUrl={paths.pickerFragment} />
          )}
          {m.groups && <ArgumentsFieldset groups={m.groups} state={state} errors={errors} />}
          <EditTextFieldset
            state={state}
            errors={errors}
            noteTexts={m.preview.kind === "draft" ? m.preview.editable?.noteTexts : undefined}
          />
          <Actions />
          {m.formEnd}
        </form>
        <PreviewPanel model={m.preview} url={paths.previewFragment} />
      </div>
    </Layout>
  );
}
