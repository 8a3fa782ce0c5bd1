/** The form to add or change a fact key: one control per field of the definition's schema. */
import type { Child } from "hono/jsx";
import type { FactDefinition } from "../../../domain/fact-key.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import {
  control,
  describedBy,
  Err,
  ErrorSummary,
  Field,
  fieldClass,
  formIds,
  Help,
  type FieldErrors,
} from "../kit/form.js";
import type { KeyForm } from "./key-form-state.js";
import { factKeyPaths } from "./paths.js";
import { definitionFields, isAsked, type SchemaField } from "./schema-fields.js";

const t = sv.factKeys;
export const keyFormIds = formIds("k");
const ids = keyFormIds;

/** The keys a derived key may count (for the list the "counts" field offers). */
const datalistId = "k-kommunnycklar";

interface Props {
  form: KeyForm;
  errors: FieldErrors;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const labelOf = (f: SchemaField) => t.fields[f.path]?.label ?? f.path;
const helpOf = (f: SchemaField) => t.fields[f.path]?.help;
const optionLabel = (f: SchemaField, o: string) => t.options[f.path]?.[o] ?? o;

/** A group of controls (a set of checkboxes, a group of fields): a fieldset its errors link to. */
function Group({ f, errors, extra, children }: Props & { f: SchemaField; extra?: string; children: Child }) {
  const help = helpOf(f);
  return (
    <fieldset
      class={`${fieldClass(f.path, errors, extra)}${f.kind === "group" ? " group" : ""}`}
      id={ids.field(f.path)}
      aria-describedby={describedBy(help && ids.help(f.path), errors.has(f.path) && ids.error(f.path))}
    >
      <legend>{labelOf(f)}</legend>
      <Help ids={ids} k={f.path} text={help} />
      <Err ids={ids} k={f.path} errors={errors} />
      {children}
    </fieldset>
  );
}

/** One field's control; `inOptional`: inside a group that may be left empty, so nothing in it is required. */
function Control({ f, form, errors, inOptional }: Props & { f: SchemaField; inOptional?: boolean }) {
  const c = control(ids, f.path, errors, !!helpOf(f));
  const required = f.required && !inOptional;
  const value = one(form[f.path]);
  const field = (child: Child, cls?: string) => (
    <Field ids={ids} k={f.path} label={labelOf(f)} help={helpOf(f)} required={required} errors={errors} class={cls}>
      {child}
    </Field>
  );
  switch (f.kind) {
    case "group":
      return (
        <Group f={f} form={form} errors={errors}>
          {(f.children ?? []).filter(isAsked).map((x) => (
            <Control f={x} form={form} errors={errors} inOptional={inOptional || !f.required} />
          ))}
        </Group>
      );
    case "choices": {
      const ticked = new Set(many(form[f.path]));
      return (
        <Group f={f} form={form} errors={errors} extra="checkbox-set">
          <div class="checkboxes">
            {(f.options ?? []).map((o) => (
              <label class="checkbox">
                <input type="checkbox" name={f.path} value={o} checked={ticked.has(o)} />
                <span>{`${optionLabel(f, o)} (${o})`}</span>
              </label>
            ))}
          </div>
        </Group>
      );
    }
    case "flag":
      return (
        <div class={fieldClass(f.path, errors, "checkbox-field")}>
          <Err ids={ids} k={f.path} errors={errors} />
          <label class="checkbox" for={c.id}>
            <input type="checkbox" name={f.path} value="ja" checked={value === "ja" || value === "on"} {...c} />
            <span>{labelOf(f)}</span>
          </label>
          <Help ids={ids} k={f.path} text={helpOf(f)} />
        </div>
      );
    case "choice":
      return field(
        <select name={f.path} {...c} aria-required={required ? "true" : undefined}>
          {(!required || value === "") && (
            <option value="" selected={value === ""}>
              {required ? t.form.choose : t.form.none}
            </option>
          )}
          {(f.options ?? []).map((o) => (
            <option value={o} selected={value === o}>
              {o === optionLabel(f, o) ? o : `${optionLabel(f, o)} (${o})`}
            </option>
          ))}
        </select>,
      );
    case "longText":
      return field(
        <textarea name={f.path} rows={3} maxlength={f.maxLength} aria-required={required ? "true" : undefined} {...c}>
          {value}
        </textarea>,
      );
    default: {
      const isKey = f.path === "key" || f.path === "derived.from";
      return field(
        <input
          type="text"
          name={f.path}
          value={value}
          maxlength={f.maxLength}
          aria-required={required ? "true" : undefined}
          spellcheck={isKey ? false : undefined}
          autocomplete="off"
          list={f.path === "derived.from" ? datalistId : undefined}
          class={isKey || f.path === "maxAge" || f.kind === "value" ? "input-medium" : "input-wide"}
          {...c}
        />,
      );
    }
  }
}

export interface KeyFormPageProps extends Props {
  /** The key being changed; none when adding. */
  editing?: FactDefinition | undefined;
  /** The keys a derived key may count. */
  municipalKeys: readonly FactDefinition[];
}

export function KeyFormPage({ form, errors, editing, municipalKeys }: KeyFormPageProps) {
  const title = editing ? t.form.editTitle(editing.key) : t.form.addTitle;
  const fields = definitionFields.filter((f) => isAsked(f) && !(editing && f.path === "key"));
  return (
    <Layout title={errors.size ? t.form.titleWithErrors(title) : title} section="none" bodyClass="page-fact-keys">
      <p class="breadcrumb">
        <a href={factKeyPaths.list}>{t.back}</a>
      </p>
      <h1>{title}</h1>
      {editing && <p class="lead">{editing.label}</p>}
      <p>{editing ? t.form.editIntro : t.form.addIntro}</p>
      <ErrorSummary ids={ids} errors={errors} />
      <form
        method="post"
        action={editing ? factKeyPaths.edit(editing.key) : factKeyPaths.add}
        class="key-form"
        novalidate
        aria-label={title}
      >
        {fields.map((f) => (
          <Control f={f} form={form} errors={errors} />
        ))}
        <datalist id={datalistId}>
          {municipalKeys.map((k) => (
            <option value={k.key}>{k.label}</option>
          ))}
        </datalist>
        <div class="form-buttons">
          <button type="submit" class="button">
            {editing ? t.form.editSubmit : t.form.addSubmit}
          </button>
          <a href={factKeyPaths.list}>{t.form.cancel}</a>
        </div>
      </form>
    </Layout>
  );
}
