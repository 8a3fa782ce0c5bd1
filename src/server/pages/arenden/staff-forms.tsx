/** The staff's forms on the ärenden pages: "Markera som inlämnad" and "Lägg till ett steg" (forms.ts reads them). */
import { filingDecisions } from "../../../domain/filing.js";
import { filingWords } from "../../../filings/messages.sv.js";
import { sv } from "../../messages.sv.js";
import { control, Err, ErrorSummary, Field, fieldClass, Help, type FieldErrors, type FormIds } from "../kit/form.js";
import { MunicipalityInput } from "../kit/parts.js";
import {
  factField,
  fileIds,
  stepIds,
  type FactRow,
  type FileField,
  type FileForm,
  type StepField,
  type StepForm,
} from "./forms.js";
import { filingPaths, filingStepHref } from "./paths.js";

const t = sv.filings;
const helpOf = (field: { label: string }) => ("help" in field ? String(field.help) : undefined);

/** A one-line text field of these forms, labelled and helped from the catalogue (short: a date or a number). */
function TextField(props: {
  ids: FormIds;
  k: string;
  field: { label: string };
  value: string;
  errors: FieldErrors;
  required?: boolean;
  short?: boolean;
}) {
  const { ids, k, field, errors } = props;
  const help = helpOf(field);
  return (
    <Field ids={ids} k={k} label={field.label} help={help} required={props.required} errors={errors}>
      <input
        type="text"
        name={k}
        value={props.value}
        class={props.short ? "input-short" : undefined}
        autocomplete="off"
        {...control(ids, k, errors, !!help)}
      />
    </Field>
  );
}

/** Without the write role: how to sign in, coming back to this page. */
export function SignInNotice({ href }: { href: string }) {
  return (
    <div class="notice" role="status" data-sign-in-needed>
      <p>{t.signInNeeded}</p>
      <p>
        <a class="button" href={href}>
          {t.signIn}
        </a>
      </p>
    </div>
  );
}

export function FileFormView({ form, errors }: { form: FileForm; errors: FieldErrors }) {
  const f = t.fileForm.fields;
  const text = (k: FileField, short = false) => (
    <TextField ids={fileIds} k={k} field={f[k]} value={form[k]} errors={errors} required short={short} />
  );
  return (
    <section aria-labelledby="markera-inlamnad" class="stack">
      <h2 id="markera-inlamnad">{t.fileForm.heading}</h2>
      <p class="help">{t.fileForm.intro}</p>
      <ErrorSummary ids={fileIds} errors={errors} />
      <form method="post" action={filingPaths.list} class="stack" novalidate data-file-form>
        <Field ids={fileIds} k="slag" label={f.slag.label} required errors={errors}>
          <select name="slag" {...control(fileIds, "slag", errors, false)}>
            {(["motion", "interpellation"] as const).map((k) => (
              <option value={k} selected={form.slag === k}>
                {filingWords.kind[k]}
              </option>
            ))}
          </select>
        </Field>
        {text("titel")}
        <Field ids={fileIds} k="kommun" label={f.kommun.label} required errors={errors}>
          <MunicipalityInput value={form.kommun} attrs={control(fileIds, "kommun", errors, false)} />
        </Field>
        <Field
          ids={fileIds}
          k="undertecknare"
          label={f.undertecknare.label}
          help={f.undertecknare.help}
          required
          errors={errors}
        >
          <textarea name="undertecknare" rows={3} {...control(fileIds, "undertecknare", errors, true)}>
            {form.undertecknare}
          </textarea>
        </Field>
        {text("datum", true)}
        {text("dnr", true)}
        {text("organ")}
        <button type="submit" class="button">
          {t.fileForm.submit}
        </button>
      </form>
    </section>
  );
}

/** A current step the form can correct: its number and how the list names it ("Inlämnad 15 december 2025"). */
export interface CorrectableStep {
  seq: number;
  label: string;
}

/** The step form's choices: the steps to correct, the fact keys a decision can set, whether it is a motion. */
export interface StepFormChoices {
  steps: readonly CorrectableStep[];
  keys: readonly { key: string; label: string }[];
  motion: boolean;
}

export function StepFormView({
  id,
  form,
  errors,
  choices,
}: {
  id: string;
  form: StepForm;
  errors: FieldErrors;
  choices: StepFormChoices;
}) {
  const f = t.stepForm.fields;
  const text = (k: StepField, short = false) => (
    <TextField ids={stepIds} k={k} field={f[k]} value={form[k]} errors={errors} short={short} />
  );
  return (
    <section aria-labelledby="nytt-steg" class="stack">
      <h2 id="nytt-steg">{t.stepForm.heading}</h2>
      <p class="help">{t.stepForm.kindHelp}</p>
      <ErrorSummary ids={stepIds} errors={errors} />
      <form method="post" action={filingStepHref(id)} class="stack" novalidate data-step-form>
        <Field ids={stepIds} k="steg" label={f.steg.label} required errors={errors}>
          <select name="steg" {...control(stepIds, "steg", errors, false)}>
            {(["referred", "answered", "decided"] as const).map((k) => (
              <option value={k} selected={form.steg === k}>
                {t.stepForm.kinds[k]}
              </option>
            ))}
          </select>
        </Field>
        {text("datum", true)}
        <fieldset class="group">
          <legend>{t.stepForm.correctionLegend}</legend>
          <Field ids={stepIds} k="rattar" label={f.rattar.label} help={f.rattar.help} errors={errors}>
            <select name="rattar" {...control(stepIds, "rattar", errors, true)}>
              <option value="" selected={form.rattar === ""}>
                {t.stepForm.noCorrection}
              </option>
              {choices.steps.map((s) => (
                <option value={String(s.seq)} selected={form.rattar === String(s.seq)}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
          {text("skal")}
        </fieldset>
        <fieldset class="group">
          <legend>{t.stepForm.kinds.referred}</legend>
          {text("namnd")}
        </fieldset>
        <fieldset class="group">
          <legend>{t.stepForm.kinds.answered}</legend>
          {text("av")}
          <Field ids={stepIds} k="svar" label={f.svar.label} errors={errors}>
            <textarea name="svar" rows={3} {...control(stepIds, "svar", errors, false)}>
              {form.svar}
            </textarea>
          </Field>
        </fieldset>
        <fieldset class="group">
          <legend>{t.stepForm.kinds.decided}</legend>
          <Field ids={stepIds} k="beslut" label={f.beslut.label} errors={errors}>
            <select name="beslut" {...control(stepIds, "beslut", errors, false)}>
              <option value="" selected={form.beslut === ""}>
                –
              </option>
              {filingDecisions.map((d) => (
                <option value={d} selected={form.beslut === d}>
                  {filingWords.decision[d]}
                </option>
              ))}
            </select>
          </Field>
          {text("protokoll")}
          {text("utgivare")}
          {text("paragraf")}
          {choices.motion && (
            <div class={fieldClass("korpus", errors)}>
              <Err ids={stepIds} k="korpus" errors={errors} />
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="korpus"
                  value="ja"
                  checked={form.korpus !== ""}
                  {...control(stepIds, "korpus", errors, true)}
                />{" "}
                {f.korpus.label}
              </label>
              <Help ids={stepIds} k="korpus" text={t.stepForm.corpusHelp} />
            </div>
          )}
          <fieldset class="group">
            <legend>{t.stepForm.factsLegend}</legend>
            <p class="help">{t.stepForm.factsHelp}</p>
            {form.fakta.map((row, n) => (
              <FactRowView n={n} row={row} keys={choices.keys} errors={errors} />
            ))}
          </fieldset>
        </fieldset>
        <fieldset class="group">
          <legend>{t.stepForm.filedLegend}</legend>
          {text("dnr")}
          {text("organ")}
        </fieldset>
        <button type="submit" class="button">
          {t.stepForm.submit}
        </button>
      </form>
    </section>
  );
}

/** One fact a decision establishes: the key (from the store's catalog) and its value. */
function FactRowView(props: { n: number; row: FactRow; keys: StepFormChoices["keys"]; errors: FieldErrors }) {
  const { n, row, errors } = props;
  const key = factField(n, "nyckel");
  const value = factField(n, "varde");
  const label = (k: "nyckel" | "varde") => t.stepForm.factLabel(n + 1, k);
  return (
    <div class="fact-row">
      <Field ids={stepIds} k={key} label={label("nyckel")} errors={errors}>
        <select name={key} {...control(stepIds, key, errors, false)}>
          <option value="" selected={row.nyckel === ""}>
            {t.stepForm.noFact}
          </option>
          {props.keys.map((d) => (
            <option value={d.key} selected={row.nyckel === d.key}>
              {d.label}
            </option>
          ))}
        </select>
      </Field>
      <Field ids={stepIds} k={value} label={label("varde")} errors={errors}>
        <input
          type="text"
          name={value}
          value={row.varde}
          autocomplete="off"
          {...control(stepIds, value, errors, false)}
        />
      </Field>
    </div>
  );
}
