/**
 * The form kit every page's form uses: one id scheme for fields, their help and their
 * errors; a field with its label, help and error; the error summary linking each problem to
 * its field; the template <select>. Pages map a core problem's path to a field key and
 * leave the rest here.
 */
import type { Child } from "hono/jsx";
import type { Template } from "../../../compose/template-library.js";
import { documentKinds } from "../../../domain/template.js";
import { sv } from "../../messages.sv.js";

export interface FieldError {
  text: string;
  /** The field's name, for the error summary ("Kommun", "Undertecknare 1, namn"). */
  label?: string;
  /** "Menade du …" choices, each a link that keeps the rest of the form. */
  suggestions?: { label: string; href: string }[];
  /** What to do about it on the web, as a link after the text ("Lägg till uppgiften"). */
  action?: { label: string; href: string };
}

/** Field key → error, in the order the fields appear; "form" is the form as a whole. */
export type FieldErrors = Map<string, FieldError>;

/** One id scheme for every form: the form's prefix and the field key ("f" + "name.0" → "f-name-0"). */
export interface FormIds {
  field(key: string): string;
  error(key: string): string;
  help(key: string): string;
}

/** The ids of a form's fields; `fixed` gives some fields an id of their own (the draft's facts panel is "fakta"). */
export function formIds(prefix: string, fixed: Readonly<Record<string, string>> = {}): FormIds {
  const field = (key: string) => fixed[key] ?? `${prefix}-${key.replace(/\./g, "-")}`;
  return { field, error: (key) => `err-${field(key)}`, help: (key) => `help-${field(key)}` };
}

/** Errors in the form's order (unknown keys last), each labelled by `label` when it has no label. */
export function orderErrors(
  errors: FieldErrors,
  order: readonly string[],
  label: (key: string) => string | undefined = () => undefined,
): FieldErrors {
  const rank = (k: string) => (order.indexOf(k) < 0 ? order.length : order.indexOf(k));
  return new Map(
    [...errors]
      .sort((a, b) => rank(a[0]) - rank(b[0]))
      .map(([k, e]): [string, FieldError] => {
        const name = e.label ?? label(k);
        return [k, name ? { ...e, label: name } : e];
      }),
  );
}

/** Space-separated ids for aria-describedby; undefined when none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const xs = ids.filter((x): x is string => !!x);
  return xs.length ? xs.join(" ") : undefined;
}

/** id, aria-describedby and aria-invalid of a control. */
export function control(ids: FormIds, key: string, errors: FieldErrors, help: boolean) {
  const error = errors.get(key);
  return {
    id: ids.field(key),
    "aria-describedby": describedBy(help && ids.help(key), error && ids.error(key)),
    "aria-invalid": error ? "true" : undefined,
  };
}

/** "field", with " has-error" when the field has one. */
export function fieldClass(key: string, errors: FieldErrors, extra = ""): string {
  return `field${errors.has(key) ? " has-error" : ""}${extra ? ` ${extra}` : ""}`;
}

/** The error text under a label; "Menade du A eller B?" as links. */
export function ErrorText({ id, error }: { id: string; error: FieldError }) {
  const s = error.suggestions ?? [];
  return (
    <p class="field-error" id={id}>
      <span class="visually-hidden">{sv.draft.errorPrefix} </span>
      {error.text}
      {s.length > 0 && (
        <>
          {` ${sv.fieldErrors.didYouMean} `}
          {s.map((x, i) => (
            <>
              {i > 0 && (i === s.length - 1 ? ` ${sv.fieldErrors.or} ` : ", ")}
              <a href={x.href}>{x.label}</a>
            </>
          ))}
          ?
        </>
      )}
      {error.action && (
        <>
          {" "}
          <a href={error.action.href}>{error.action.label}</a>
        </>
      )}
    </p>
  );
}

export function Label({
  ids,
  k,
  label,
  required,
}: {
  ids: FormIds;
  k: string;
  label: string;
  required?: boolean | undefined;
}) {
  return (
    <label for={ids.field(k)}>
      {label}
      {required && <span class="required"> {sv.draft.inputs.required}</span>}
    </label>
  );
}

export function Help({ ids, k, text }: { ids: FormIds; k: string; text?: string | undefined }) {
  return text ? (
    <p class="help" id={ids.help(k)}>
      {text}
    </p>
  ) : null;
}

/** A field's error, if it has one. */
export function Err({ ids, k, errors }: { ids: FormIds; k: string; errors: FieldErrors }) {
  const e = errors.get(k);
  return e ? <ErrorText id={ids.error(k)} error={e} /> : null;
}

/** A field: its label, help and error above the control (which takes `control(ids, k, errors, !!help)`). */
export function Field(props: {
  ids: FormIds;
  k: string;
  label: string;
  help?: string | undefined;
  required?: boolean;
  errors: FieldErrors;
  class?: string;
  children: Child;
}) {
  const { ids, k, errors } = props;
  return (
    <div class={fieldClass(k, errors, props.class)}>
      <Label ids={ids} k={k} label={props.label} required={props.required} />
      <Help ids={ids} k={k} text={props.help} />
      <Err ids={ids} k={k} errors={errors} />
      {props.children}
    </div>
  );
}

/** The list of problems, each linked to its field ("form": the form as a whole, not linked). */
export function ErrorLinks({ ids, errors }: { ids: FormIds; errors: FieldErrors }) {
  return (
    <ul>
      {[...errors].map(([k, e]) => (
        <li>{k === "form" ? e.text : <a href={`#${ids.field(k)}`}>{e.label ? `${e.label}: ${e.text}` : e.text}</a>}</li>
      ))}
    </ul>
  );
}

/** Above the form: how many problems, each linked to its field. */
export function ErrorSummary({ ids, errors }: { ids: FormIds; errors: FieldErrors }) {
  if (errors.size === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="fel-rubrik" tabindex={-1} data-error-summary>
      <h2 id="fel-rubrik">{sv.draft.errorSummary(errors.size)}</h2>
      <ErrorLinks ids={ids} errors={errors} />
    </div>
  );
}

/** The template <select>, grouped by kind; `attrs` are the control's (id, aria) and any data attributes. */
export function TemplateSelect({
  templates,
  selected,
  attrs,
}: {
  templates: readonly Template[];
  selected: string;
  attrs: Record<string, string | boolean | undefined>;
}) {
  const byKind = documentKinds
    .map((kind) => ({ kind, list: templates.filter((x) => x.frontMatter.kind === kind) }))
    .filter((g) => g.list.length);
  return (
    <select name="template" {...attrs}>
      {byKind.map((g) => (
        <optgroup label={sv.kinds.plural[g.kind] ?? g.kind}>
          {g.list.map((x) => (
            <option value={x.frontMatter.id} selected={x.frontMatter.id === selected}>
              {x.frontMatter.title}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A button that submits its form as `name=value` (what the route reads); `secondary` looks lesser. */
export function SubmitButton(props: {
  name: string;
  value: string;
  secondary?: boolean;
  attrs?: Record<string, string>;
  children: Child;
}) {
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      class={props.secondary ? "button secondary" : "button"}
      {...props.attrs}
    >
      {props.children}
    </button>
  );
}
