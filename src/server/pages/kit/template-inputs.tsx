/**
 * A template's own fields (its front matter's inputs), each with the control its type calls
 * for: the same controls on the draft and the campaign forms.
 */
import type { Child } from "hono/jsx";
import type { Template } from "../../../compose/template-library.js";
import type { TemplateInput } from "../../../domain/template.js";
import { isYes } from "../../../lang/yes-no.js";
import { sv } from "../../messages.sv.js";
import { control as kitControl, Err as KitErr, fieldClass, Help as KitHelp, Label as KitLabel } from "./form.js";
import type { FieldErrors, FormIds } from "./form.js";

const t = sv.draft;

/** The value to show: what the user sent, else the template's default. */
function shownValue(input: TemplateInput, values: Readonly<Record<string, string>>): string {
  const sent = values[input.name];
  if (sent !== undefined) return sent;
  if (input.default === undefined) return "";
  if (input.type === "boolean") return input.default ? "ja" : "nej";
  return String(input.default);
}

/** A yes word, or "on" (what a checkbox without a value sends: an HTML form's word, not a Swedish one). */
const checked = (value: string): boolean => isYes(value) || value.trim().toLowerCase() === "on";

/** One input from the template's front matter, with the control its type calls for. */
export function TemplateInputField({
  ids,
  input,
  values,
  errors,
}: {
  ids: FormIds;
  input: TemplateInput;
  values: Readonly<Record<string, string>>;
  errors: FieldErrors;
}) {
  const control = (key: string, errs: FieldErrors, help: boolean) => kitControl(ids, key, errs, help);
  const Label = (p: { k: string; label: string; required?: boolean }) => <KitLabel ids={ids} {...p} />;
  const Help = (p: { k: string; text?: string | undefined }) => <KitHelp ids={ids} {...p} />;
  const Err = (p: { k: string; errors: FieldErrors }) => <KitErr ids={ids} {...p} />;
  const k = `input.${input.name}`;
  const name = k;
  const value = shownValue(input, values);
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

export function InputsFieldset({
  ids,
  template,
  values,
  errors,
}: {
  ids: FormIds;
  template: Template;
  values: Readonly<Record<string, string>>;
  errors: FieldErrors;
}) {
  const inputs = template.frontMatter.inputs;
  return (
    <fieldset class="group">
      <legend>{t.inputs.legend(template.frontMatter.title)}</legend>
      {inputs.length === 0 ? (
        <p class="muted">{t.inputs.none}</p>
      ) : (
        inputs.map((input) => <TemplateInputField ids={ids} input={input} values={values} errors={errors} />)
      )}
    </fieldset>
  );
}
