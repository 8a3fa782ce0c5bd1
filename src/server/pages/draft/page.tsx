/**
 * "/" — Skriv ett utkast: template, municipality, signers, date, the template's own inputs
 * (generated from its front matter), arguments from the corpus, the facts that will be
 * cited, a preview and the downloads. Works as a plain form; site.js makes it live.
 */
import type { Child } from "hono/jsx";
import type { Template } from "../../../compose/template-library.js";
import type { TemplateInput } from "../../../domain/template.js";
import { parliamentaryParties } from "../../../domain/signer.js";
import type { ArgumentGroup } from "../../../corpus/argument-groups.js";
import { argumentTypeLabel } from "../../../domain/vocabulary.js";
import { isYes } from "../../../lang/yes-no.js";
import { sv } from "../../messages.sv.js";
import { otherParty, stateHref, type FormState, type SignerRow } from "./state.js";
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
import { PreviewPanel, type PreviewModel } from "./preview.js";
import type { Place } from "../../../domain/municipality.js";
import type { MotioneraError } from "../../../domain/errors.js";

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
}

const ids = draftIds;
const control = (key: string, errors: FieldErrors, help: boolean) => kitControl(ids, key, errors, help);
const Label = (p: { k: string; label: string; required?: boolean }) => <KitLabel ids={ids} {...p} />;
const Help = (p: { k: string; text?: string | undefined }) => <KitHelp ids={ids} {...p} />;
const Err = (p: { k: string; errors: FieldErrors }) => <KitErr ids={ids} {...p} />;
const fieldId = ids.field;
const errorId = ids.error;

function TemplateField({ templates, state, errors }: { templates: Template[]; state: FormState; errors: FieldErrors }) {
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
          formmethod="get"
          formaction={paths.draft}
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

/** One signer row; `i` is its index (the script renumbers rows it adds or removes). */
function SignerRowFields({ i, row, errors }: { i: number; row: SignerRow; errors: FieldErrors }) {
  const s = t.signers;
  const n = (f: string) => `${f}.${i}`;
  const listed = (parliamentaryParties as readonly string[]).includes(row.party);
  const selectValue = listed ? row.party : row.party === otherParty || row.partyOther ? otherParty : "";
  const rowHasError = ["name", "party", "partyOther", "role"].some((f) => errors.has(n(f)));
  return (
    <fieldset class={`signer-row${rowHasError ? " has-error" : ""}`} data-signer-row>
      <legend>{s.rowPattern.replace("{n}", String(i + 1))}</legend>
      <div class="signer-grid">
        <div class={fieldClass(n("name"), errors, "signer-name")}>
          <Label k={n("name")} label={s.name} />
          <Err k={n("name")} errors={errors} />
          <input
            type="text"
            name={n("name")}
            value={row.name}
            autocomplete="name"
            {...control(n("name"), errors, false)}
          />
        </div>
        <div class={fieldClass(n("party"), errors, "signer-party")}>
          <Label k={n("party")} label={s.party} />
          <Err k={n("party")} errors={errors} />
          <select name={n("party")} data-party-select {...control(n("party"), errors, false)}>
            <option value="" selected={selectValue === ""}>
              {s.partyChoose}
            </option>
            {parliamentaryParties.map((p) => (
              <option value={p} selected={selectValue === p}>
                {`${sv.parties[p] ?? p} (${p})`}
              </option>
            ))}
            <option value={otherParty} selected={selectValue === otherParty}>
              {s.partyOtherOption}
            </option>
          </select>
        </div>
        <div class={fieldClass(n("partyOther"), errors, "signer-party-other")} data-party-other>
          <Label k={n("partyOther")} label={s.partyOther} />
          <Help k={n("partyOther")} text={s.partyOtherHelp} />
          <Err k={n("partyOther")} errors={errors} />
          <input
            type="text"
            name={n("partyOther")}
            value={row.partyOther}
            {...control(n("partyOther"), errors, true)}
          />
        </div>
        <div class={fieldClass(n("role"), errors, "signer-role")}>
          <Label k={n("role")} label={s.role} />
          <Help k={n("role")} text={s.roleHelp} />
          <Err k={n("role")} errors={errors} />
          <input type="text" name={n("role")} value={row.role} {...control(n("role"), errors, true)} />
        </div>
      </div>
      <button
        type="submit"
        name="remove"
        value={String(i)}
        class="button link-button remove-row"
        formmethod="get"
        formaction={paths.draft}
        formnovalidate
        data-action="remove-row"
        aria-label={s.removePattern.replace("{n}", String(i + 1))}
      >
        {s.remove}
      </button>
    </fieldset>
  );
}

function SignersFieldset({ state, errors }: { state: FormState; errors: FieldErrors }) {
  const s = t.signers;
  const k = "signers";
  const empty: SignerRow = { name: "", party: "", partyOther: "", role: "" };
  return (
    <fieldset
      class={`group${errors.has(k) ? " has-error" : ""}`}
      id={fieldId(k)}
      aria-describedby={describedBy(ids.help(k), errors.has(k) && errorId(k))}
    >
      <legend>{s.legend}</legend>
      <p class="help" id={ids.help("signers")}>
        {s.help}
      </p>
      <Err k={k} errors={errors} />
      <div class="signer-rows" data-signer-rows data-row-pattern={s.rowPattern} data-remove-pattern={s.removePattern}>
        {state.signers.map((row, i) => (
          <SignerRowFields i={i} row={row} errors={errors} />
        ))}
      </div>
      <template id="signer-row-template">
        <SignerRowFields i={0} row={empty} errors={new Map()} />
      </template>
      <button
        type="submit"
        name="add"
        value="1"
        class="button secondary"
        formmethod="get"
        formaction={paths.draft}
        formnovalidate
        data-action="add-row"
        data-js-label={s.add}
      >
        {s.more}
      </button>
    </fieldset>
  );
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

/** The value to show: what the user sent, else the template's default. */
function shownValue(input: TemplateInput, state: FormState): string {
  const sent = state.inputs[input.name];
  if (sent !== undefined) return sent;
  if (input.default === undefined) return "";
  if (input.type === "boolean") return input.default ? "ja" : "nej";
  return String(input.default);
}

/** A yes word, or "on" (what a checkbox without a value sends: an HTML form's word, not a Swedish one). */
const checked = (value: string): boolean => isYes(value) || value.trim().toLowerCase() === "on";

/** One input from the template's front matter, with the control its type calls for. */
function TemplateInputField({ input, state, errors }: { input: TemplateInput; state: FormState; errors: FieldErrors }) {
  const k = `input.${input.name}`;
  const name = k;
  const value = shownValue(input, state);
  const c = control(k, errors, !!input.help);
  const required = input.required && input.default === undefined;
  const req = required ? { "aria-required": "true" } : {};
  const help = <Help k={k} text={input.help} />;
  const err = <Err k={k} errors={errors} />;

  if (input.type === "boolean") {
    const triState = !input.required && input.default === undefined;
    if (triState) {
      const v = value.trim().toLowerCase();
      const current = v === "" ? "" : checked(v) ? "ja" : "nej";
      return (
        <fieldset class={`${fieldClass(k, errors)} radio-group`} id={c.id} aria-describedby={c["aria-describedby"]}>
          <legend>{input.label}</legend>
          {help}
          {err}
          <div class="radios">
            {(
              [
                ["ja", t.inputs.yes],
                ["nej", t.inputs.no],
                ["", t.inputs.unset],
              ] as const
            ).map(([val, label]) => (
              <label class="radio">
                <input type="radio" name={name} value={val} checked={current === val} />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
    return (
      <div class={fieldClass(k, errors, "checkbox-field")}>
        {err}
        <input type="hidden" name={name} value="nej" />
        <label class="checkbox" for={c.id}>
          <input type="checkbox" name={name} value="ja" checked={checked(value)} {...c} />
          <span>{input.label}</span>
        </label>
        {help}
      </div>
    );
  }

  let field: Child;
  switch (input.type) {
    case "string":
      field = (
        <input type="text" name={name} value={value} maxlength={input.maxLength} data-fact-target {...req} {...c} />
      );
      break;
    case "text":
      field = (
        <textarea name={name} rows={5} maxlength={input.maxLength} data-fact-target {...req} {...c}>
          {value}
        </textarea>
      );
      break;
    case "number":
      field = (
        <input
          type="number"
          name={name}
          value={value}
          step="any"
          min={input.min}
          max={input.max}
          class="input-short"
          {...req}
          {...c}
        />
      );
      break;
    case "date":
      field = <input type="date" name={name} value={value} class="input-short" {...req} {...c} />;
      break;
    case "choice":
      field = (
        <select name={name} {...req} {...c}>
          {(!input.required || input.default === undefined) && (
            <option value="" selected={value === ""}>
              {input.required ? t.inputs.choose : t.inputs.unset}
            </option>
          )}
          {input.options.map((o) => (
            <option value={o} selected={value === o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
  }
  return (
    <div class={fieldClass(k, errors)}>
      <Label k={k} label={input.label} required={required} />
      {help}
      {err}
      {field}
    </div>
  );
}

function InputsFieldset({ template, state, errors }: { template: Template; state: FormState; errors: FieldErrors }) {
  const inputs = template.frontMatter.inputs;
  return (
    <fieldset class="group">
      <legend>{t.inputs.legend(template.frontMatter.title)}</legend>
      {inputs.length === 0 ? (
        <p class="muted">{t.inputs.none}</p>
      ) : (
        inputs.map((input) => <TemplateInputField input={input} state={state} errors={errors} />)
      )}
    </fieldset>
  );
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
      {/* On a narrow screen the preview comes after the whole form: a way straight to it. */}
      <p class="narrow-only jump-to-preview">
        <a href="#forhandsvisning-rubrik">{t.jumpToPreview}</a>
      </p>
      {m.beforeForm}
      <div class="draft-layout">
        <form
          method="post"
          action={paths.download}
          class="draft-form"
          id="utkast"
          aria-label={t.formLabel}
          novalidate
          data-draft-form
          data-preview-url={paths.previewFragment}
        >
          <fieldset class="group">
            <legend>{t.template.legend}</legend>
            <TemplateField templates={m.templates} state={state} errors={errors} />
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
          <Actions />
          {m.formEnd}
        </form>
        <PreviewPanel model={m.preview} url={paths.previewFragment} />
      </div>
    </Layout>
  );
}
