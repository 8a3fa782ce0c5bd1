/**
 * The key form's values as the browser sends them (a POST body, or a GET query when a
 * "Menade du …" link fills the form again), and the definition the core is given: every
 * field of the schema (schema-fields.ts), an empty field left out (or, when editing, cleared).
 */
import { MotioneraError } from "../../../domain/errors.js";
import type { FactDefinition } from "../../../domain/fact-key.js";
import type { FactValue } from "../../../domain/fact.js";
import type { FactCatalog } from "../../../facts/fact-catalog.js";
import { parseFactValue } from "../../../facts/record-fact.js";
import { isYes } from "../../../lang/yes-no.js";
import { lastValue, type FormSource } from "../kit/form-source.js";
import { definitionFields, flatFields, isAsked, type SchemaField } from "./schema-fields.js";

/** Field path → what was typed (a set of checkboxes: the values ticked). */
export type KeyForm = Record<string, string | string[]>;

const asked = () => flatFields().filter((f) => isAsked(f) && f.kind !== "group");

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function readKeyForm(src: FormSource): KeyForm {
  const form: KeyForm = {};
  for (const f of asked()) {
    form[f.path] =
      f.kind === "choices"
        ? src
            .all(f.path)
            .map((s) => s.trim())
            .filter(Boolean)
        : lastValue(src, f.path);
  }
  return form;
}

/** Whether a query fills the form (a "Menade du …" link), rather than only opening it. */
export function fillsForm(src: FormSource): boolean {
  const names = new Set(src.names());
  return asked().some((f) => names.has(f.path));
}

const valueText = (v: FactValue): string =>
  v.type === "boolean" ? (v.value ? "ja" : "nej") : v.type === "number" ? String(v.value) : v.value;

/** The form filled with a stored definition (to edit it). */
export function formOfDefinition(def: FactDefinition): KeyForm {
  const form: KeyForm = {};
  for (const f of asked()) {
    let v: unknown = def;
    for (const p of f.path.split(".")) v = (v as Record<string, unknown> | undefined)?.[p];
    if (f.kind === "choices") form[f.path] = Array.isArray(v) ? v.map(String) : [];
    else if (f.kind === "flag") form[f.path] = v === true ? "ja" : "";
    else if (v && typeof v === "object" && "type" in v) form[f.path] = valueText(v as FactValue);
    else form[f.path] = v === undefined || v === null ? "" : String(v);
  }
  return form;
}

function fieldValue(f: SchemaField, form: KeyForm): unknown {
  switch (f.kind) {
    case "text":
    case "longText":
    case "choice":
      return text(form[f.path]).trim() || undefined;
    case "choices": {
      const xs = list(form[f.path]);
      return xs.length || f.required ? xs : undefined;
    }
    case "flag":
      return isYes(text(form[f.path])) || text(form[f.path]) === "on" ? true : undefined;
    case "value":
      return f.literal !== undefined ? undefined : text(form[f.path]).trim() || undefined;
    case "group": {
      const parts = objectOf(f.children ?? [], form);
      if (Object.keys(parts).length === 0) return undefined;
      const literals = (f.children ?? []).filter((c) => c.literal !== undefined);
      return { ...Object.fromEntries(literals.map((c) => [c.path.split(".").at(-1)!, c.literal])), ...parts };
    }
  }
}

function objectOf(fields: readonly SchemaField[], form: KeyForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = fieldValue(f, form);
    if (v !== undefined) out[f.path.split(".").at(-1)!] = v;
  }
  return out;
}

/**
 * A derived key's condition compares with a value of the key it counts: typed as text, it is
 * read as that key reads values ("ja", "50 000"). Counting an unknown key leaves the condition
 * out, so the core's problem is the key counted, with its "did you mean". A value the key
 * cannot read is left out too, and is the problem returned.
 */
function readCondition(input: Record<string, unknown>, catalog: FactCatalog): MotioneraError | undefined {
  const derived = input.derived as { from?: unknown; where?: { op?: unknown; value?: unknown } } | undefined;
  const where = derived?.where;
  if (!derived || !where) return undefined;
  const from = typeof derived.from === "string" ? catalog.get(derived.from) : undefined;
  if (!from || from.derived || !from.scopes.includes("kommun")) {
    delete derived.where;
    return undefined;
  }
  if (where.op === "missing" || where.op === "exists" || typeof where.value !== "string") {
    delete where.value;
    return undefined;
  }
  try {
    where.value = parseFactValue(from, where.value);
    return undefined;
  } catch (e) {
    if (!(e instanceof MotioneraError) || e.details.code !== "fact_invalid") throw e;
    delete where.value;
    return new MotioneraError({ code: "fact_key_invalid", field: "derived.where.value", problem: e.details.problem });
  }
}

/** What the form asks for, and the problems found reading it (before the core's). */
export interface ReadDefinition {
  input: Record<string, unknown>;
  problems: MotioneraError[];
}

/** The definition to add: the fields filled in. */
export function definitionToAdd(form: KeyForm, catalog: FactCatalog): ReadDefinition {
  const input = objectOf(definitionFields, form);
  const problem = readCondition(input, catalog);
  return { input, problems: problem ? [problem] : [] };
}

/** The change to a key: every field but the id, an empty one cleared (null). */
export function changeOf(form: KeyForm, catalog: FactCatalog): ReadDefinition {
  const input = objectOf(definitionFields, form);
  const problem = readCondition(input, catalog);
  const change: Record<string, unknown> = {};
  for (const f of definitionFields) {
    const name = f.path;
    if (name === "key") continue;
    change[name] = input[name] ?? null;
  }
  return { input: change, problems: problem ? [problem] : [] };
}

/** A key as a change would leave it (the core's merge: null clears a field). */
export function changed(key: string, change: Record<string, unknown>): Record<string, unknown> {
  return { key, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== null && v !== undefined)) };
}

/** The form's address with what was typed, one field changed (a value of a set of checkboxes: at `index`). */
export function formHref(base: string, form: KeyForm, change?: { path: string; value: string; index?: number }) {
  const p = new URLSearchParams();
  for (const f of asked()) {
    let v = form[f.path];
    if (change?.path === f.path) {
      if (Array.isArray(v) && change.index !== undefined) v = v.map((x, i) => (i === change.index ? change.value : x));
      else v = change.value;
    }
    for (const x of list(v)) if (x !== "") p.append(f.path, x);
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}
