/**
 * The core's refusals of a key, each at its field: a field path ("scopes.0", "unit.many",
 * "derived.from") goes to the nearest field the form has; "Menade du …" becomes links that
 * fill the form again with the suggestion.
 */
import { countyByCode, municipalityByCode } from "../../../data/places.js";
import type { MotioneraError } from "../../../domain/errors.js";
import { formatDate } from "../../../lang/dates.js";
import { sv } from "../../messages.sv.js";
import { orderErrors, type FieldErrors } from "../kit/form.js";
import { formHref, type KeyForm } from "./key-form-state.js";
import { flatFields, isAsked } from "./schema-fields.js";

const t = sv.factKeys;

/** The fields and groups the form shows, in its order. */
export const formFieldOrder = flatFields()
  .filter(isAsked)
  .map((f) => f.path);

export const fieldLabel = (path: string): string | undefined => t.fields[path]?.label;

/** "Lidingö", "Stockholms län", "Sverige" for a subject code. */
export function subjectName(code: string): string {
  if (code === "SE") return sv.place.nation;
  return municipalityByCode(code)?.name ?? countyByCode(code)?.name ?? code;
}

/** The form field a problem's path is in: the path itself, or the nearest group around it. */
export function fieldOfPath(path: string): { field: string; index?: number } {
  const parts = path.split(".").filter(Boolean);
  let index: number | undefined;
  while (parts.length) {
    const at = parts.join(".");
    if (formFieldOrder.includes(at)) return index === undefined ? { field: at } : { field: at, index };
    const last = parts.pop()!;
    index = /^\d+$/.test(last) ? Number(last) : undefined;
  }
  return { field: "form" };
}

const optionLabel = (path: string, value: string) => t.options[path]?.[value] ?? value;

/** The form's errors for several problems (the first at a field is shown), or undefined as keyFormErrors. */
export function keyFormErrorsOf(
  found: readonly MotioneraError[],
  form: KeyForm,
  base: string,
): FieldErrors | undefined {
  const all: FieldErrors = new Map();
  for (const e of found) {
    const one = keyFormErrors(e, form, base);
    if (!one) return undefined;
    for (const [k, v] of one) if (!all.has(k)) all.set(k, v);
  }
  return orderErrors(all, formFieldOrder, fieldLabel);
}

/**
 * The form's errors for a refusal of the core, or undefined when it is no problem of the form
 * (the caller shows it otherwise). `base` is the form's address, for "Menade du …" links.
 */
export function keyFormErrors(e: MotioneraError, form: KeyForm, base: string): FieldErrors | undefined {
  const d = e.details;
  const errors: FieldErrors = new Map();
  switch (d.code) {
    case "fact_key_invalid": {
      const { field, index } = fieldOfPath(d.field);
      const sent = form[field];
      const empty = field in form && (Array.isArray(sent) ? sent.length === 0 : (sent ?? "").trim() === "");
      const text = empty ? (Array.isArray(sent) ? t.errors.chooseScope : t.errors.required) : "";
      errors.set(field, {
        text: text || t.errors.invalid(d.problem),
        suggestions: (d.suggestions ?? []).map((s) => ({
          label: optionLabel(field, s),
          href: formHref(base, form, { path: field, value: s, ...(index !== undefined ? { index } : {}) }),
        })),
      });
      break;
    }
    case "fact_key_exists":
      errors.set("key", { text: t.errors.exists(d.key) });
      break;
    case "fact_key_type_conflict": {
      const values = d.values
        .map((v) => `${subjectName(v.subject)} ${v.asOf ? formatDate(v.asOf) : sv.facts.undated}: ${v.value}`)
        .join("; ");
      const type = optionLabel("type", d.type).toLowerCase();
      errors.set("type", { text: t.errors.typeConflict(type, d.total, values, d.total - d.values.length) });
      break;
    }
    default:
      return undefined;
  }
  return orderErrors(errors, formFieldOrder, fieldLabel);
}
