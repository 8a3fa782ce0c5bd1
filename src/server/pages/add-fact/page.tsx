/**
 * The "Lägg till uppgift" page: first the municipality and the key (when the link did not name
 * them), then value, as-of and source, the value's control fitting the key's type. Without a
 * write sign-in the page says how to get one, with a link that comes back to the form as filled.
 */
import type { FactDefinition } from "../../../domain/fact-key.js";
import type { Place } from "../../../domain/municipality.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { control, describedBy, ErrorSummary, ErrorText, Field, type FieldErrors } from "../kit/form.js";
import { MunicipalityInput, MunicipalityList } from "../kit/parts.js";
import { addFactPaths } from "./paths.js";
import { addFactIds as ids, type AddFactField, type AddFactForm } from "./form-state.js";

const t = sv.addFact;
const label = (k: AddFactField) => t.fields[k]?.label ?? k;
const help = (k: AddFactField) => t.fields[k]?.help;

export interface AddFactPageModel {
  form: AddFactForm;
  errors: FieldErrors;
  /** The keys the form offers. */
  keys: readonly FactDefinition[];
  /** The chosen key's definition; undefined: the first step (choose municipality and key). */
  def?: FactDefinition | undefined;
  place?: Place | undefined;
  /** What the registry says now for the municipality and key ("ja (30 juni 2025)"), if anything. */
  current?: { value: string; asOf: string } | null | undefined;
  /** The sign-in page's address coming back here, when the visitor may not write. */
  signIn?: string | undefined;
  /** Where "Tillbaka" goes. */
  back: string;
}

function SignInNotice({ href, expired }: { href: string; expired: boolean }) {
  return (
    <div class="notice" role="status" data-sign-in-needed>
      <h2>{t.signInNeeded.heading}</h2>
      {expired && <p>{t.expired}</p>}
      <p>{t.signInNeeded.text}</p>
      <p>
        <a class="button" href={href}>
          {t.signInNeeded.link}
        </a>
      </p>
    </div>
  );
}

function ChooseKey({ form, errors, keys }: Pick<AddFactPageModel, "form" | "errors" | "keys">) {
  return (
    <form method="get" action={addFactPaths.form} class="stack add-fact-form" novalidate>
      <p>{t.chooseIntro}</p>
      {form.till && <input type="hidden" name="till" value={form.till} />}
      <Field ids={ids} k="kommun" label={label("kommun")} help={help("kommun")} required errors={errors}>
        <MunicipalityInput value={form.kommun} attrs={control(ids, "kommun", errors, true)} />
      </Field>
      <Field ids={ids} k="nyckel" label={label("nyckel")} help={help("nyckel")} required errors={errors}>
        <select name="nyckel" {...control(ids, "nyckel", errors, true)}>
          {keys.map((d) => (
            <option value={d.key} selected={d.key === form.nyckel}>
              {d.label}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" class="button">
        {t.choose}
      </button>
      <MunicipalityList />
    </form>
  );
}

function ValueControl({ def, form, errors }: { def: FactDefinition; form: AddFactForm; errors: FieldErrors }) {
  const k = "varde";
  if (def.type === "boolean") {
    const error = errors.get(k);
    const value = form.varde.trim().toLowerCase();
    return (
      <fieldset
        class={`field${error ? " has-error" : ""}`}
        id={ids.field(k)}
        aria-describedby={describedBy(ids.help(k), error && ids.error(k))}
      >
        <legend>
          {def.label}
          <span class="required"> {sv.draft.inputs.required}</span>
        </legend>
        <p class="help" id={ids.help(k)}>
          {t.valueHelp.boolean}
        </p>
        {error && <ErrorText id={ids.error(k)} error={error} />}
        <div class="radios">
          {[t.yes, t.no].map((v) => (
            <label class="checkbox">
              <input type="radio" name="varde" value={v} checked={value === v} />
              <span>{v}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const unit = def.unit?.many;
  const valueHelp =
    def.type === "number" ? t.valueHelp.number(unit) : def.type === "date" ? t.valueHelp.date : t.valueHelp.text;
  return (
    <Field ids={ids} k={k} label={def.label} help={valueHelp} required errors={errors}>
      {def.type === "text" ? (
        <textarea name="varde" rows={3} {...control(ids, k, errors, true)}>
          {form.varde}
        </textarea>
      ) : def.type === "date" ? (
        <input type="date" name="varde" value={form.varde} class="input-short" {...control(ids, k, errors, true)} />
      ) : (
        <input
          type="text"
          name="varde"
          value={form.varde}
          inputmode="decimal"
          autocomplete="off"
          class="input-short"
          {...control(ids, k, errors, true)}
        />
      )}
    </Field>
  );
}

/** A text field of the form. */
function TextField(props: {
  k: AddFactField;
  form: AddFactForm;
  errors: FieldErrors;
  required?: boolean;
  type?: string;
  short?: boolean;
  attrs?: Record<string, string>;
}) {
  const { k, form, errors } = props;
  return (
    <Field ids={ids} k={k} label={label(k)} help={help(k)} required={props.required ?? false} errors={errors}>
      <input
        type={props.type ?? "text"}
        name={k}
        value={form[k]}
        class={props.short ? "input-short" : undefined}
        {...props.attrs}
        {...control(ids, k, errors, !!help(k))}
      />
    </Field>
  );
}

function FactForm({ def, form, errors, place, current, back }: AddFactPageModel & { def: FactDefinition }) {
  return (
    <form method="post" action={addFactPaths.form} class="stack add-fact-form" novalidate data-add-fact-form>
      {form.till && <input type="hidden" name="till" value={form.till} />}
      <input type="hidden" name="nyckel" value={def.key} />
      <fieldset class="group">
        <legend>{t.legends.fact}</legend>
        <p class="fact-about">
          <strong>{def.label}</strong>
          {` – ${t.describes(def.description)} `}
          <a href={`${addFactPaths.form}?${new URLSearchParams({ kommun: form.kommun, till: form.till })}`}>
            {t.change}
          </a>
        </p>
        {place && <p class="muted">{current ? t.current(current.value, current.asOf) : t.currentNone}</p>}
        <Field ids={ids} k="kommun" label={label("kommun")} help={help("kommun")} required errors={errors}>
          <MunicipalityInput value={form.kommun} attrs={control(ids, "kommun", errors, true)} />
        </Field>
        <ValueControl def={def} form={form} errors={errors} />
        <TextField k="per" form={form} errors={errors} required short attrs={{ autocomplete: "off" }} />
        <Field ids={ids} k="anmarkning" label={label("anmarkning")} help={help("anmarkning")} errors={errors}>
          <input type="text" name="anmarkning" value={form.anmarkning} {...control(ids, "anmarkning", errors, true)} />
        </Field>
      </fieldset>
      <fieldset class="group">
        <legend>{t.legends.source}</legend>
        <TextField k="titel" form={form} errors={errors} />
        <TextField k="utgivare" form={form} errors={errors} required />
        <TextField k="kalldatum" form={form} errors={errors} short attrs={{ autocomplete: "off" }} />
        <TextField k="webbadress" form={form} errors={errors} type="url" attrs={{ inputmode: "url" }} />
      </fieldset>
      <div class="actions">
        <button type="submit" class="button">
          {t.save}
        </button>
        <a href={back}>{t.cancel}</a>
      </div>
      <MunicipalityList />
    </form>
  );
}

export function AddFactPage(m: AddFactPageModel & { expired?: boolean }) {
  const title = m.errors.size ? t.titleWithErrors : t.title;
  return (
    <Layout title={title} section="none" bodyClass="page-add-fact">
      <h1>{m.def && m.place ? `${t.title}: ${m.place.name}` : t.title}</h1>
      <p class="lead">{t.intro}</p>
      {m.signIn && <SignInNotice href={m.signIn} expired={m.expired ?? false} />}
      <ErrorSummary ids={ids} errors={m.errors} />
      {m.def ? <FactForm {...m} def={m.def} /> : <ChooseKey form={m.form} errors={m.errors} keys={m.keys} />}
    </Layout>
  );
}
