/** The staff's forms on the ärenden pages: "Markera som inlämnad" and "Lägg till ett steg" (forms.ts reads them). */
import { filingDecisions } from "../../../domain/filing.js";
import { filingWords } from "../../../filings/messages.sv.js";
import { sv } from "../../messages.sv.js";
import { control, ErrorSummary, Field, type FieldErrors } from "../kit/form.js";
import { MunicipalityInput } from "../kit/parts.js";
import { fileIds, stepIds, type FileField, type FileForm, type StepField, type StepForm } from "./forms.js";
import { filingPaths, filingStepHref } from "./paths.js";

const t = sv.filings;
const helpOf = (field: { label: string }) => ("help" in field ? String(field.help) : undefined);

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
    <Field ids={fileIds} k={k} label={f[k].label} help={helpOf(f[k])} required errors={errors}>
      <input
        type="text"
        name={k}
        value={form[k]}
        class={short ? "input-short" : undefined}
        autocomplete="off"
        {...control(fileIds, k, errors, !!helpOf(f[k]))}
      />
    </Field>
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

export function StepFormView({ id, form, errors }: { id: string; form: StepForm; errors: FieldErrors }) {
  const f = t.stepForm.fields;
  const text = (k: StepField) => (
    <Field ids={stepIds} k={k} label={f[k].label} help={helpOf(f[k])} errors={errors}>
      <input type="text" name={k} value={form[k]} autocomplete="off" {...control(stepIds, k, errors, !!helpOf(f[k]))} />
    </Field>
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
        {text("datum")}
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
        </fieldset>
        <button type="submit" class="button">
          {t.stepForm.submit}
        </button>
      </form>
    </section>
  );
}
