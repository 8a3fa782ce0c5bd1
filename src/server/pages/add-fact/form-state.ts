/**
 * The "Lägg till uppgift" form as the browser sends it, and its check: the same zod schema as
 * POST /api/facts (factEntrySchema) for the entry's shape, then the core's check of the entry
 * against the catalog (checkFactEntry: key, municipality, value as the key's type, dates), then
 * what the form adds (a source URL is http(s); neither date lies in the future). Every problem is
 * at its field, in the form's words.
 */
import { findMunicipality } from "../../../data/places.js";
import type { FieldProblem } from "../../../domain/field-problem.js";
import type { FactDefinition } from "../../../domain/fact-key.js";
import type { Place } from "../../../domain/municipality.js";
import { isMotioneraError } from "../../../domain/errors.js";
import type { FactCatalog } from "../../../facts/fact-catalog.js";
import { checkFactEntry, type FactEntry } from "../../../facts/record-fact.js";
import { factEntrySchema } from "../../api/facts.js";
import { sv } from "../../messages.sv.js";
import { formIds, orderErrors, type FieldError, type FieldErrors } from "../kit/form.js";
import { lastValue, type FormSource } from "../kit/form-source.js";
import { safeReturnPath } from "../../staff-session.js";

const t = sv.addFact;

/** The form's ids: "u-varde", "err-u-varde", "help-u-varde". */
export const addFactIds = formIds("u");

/** The form's fields, in its order (also the names they are sent under). */
export const addFactFields = [
  "kommun",
  "nyckel",
  "varde",
  "per",
  "titel",
  "utgivare",
  "kalldatum",
  "webbadress",
  "anmarkning",
] as const;
export type AddFactField = (typeof addFactFields)[number];

export type AddFactForm = Record<AddFactField, string> & {
  /** Where to go back to after saving (a path on this site), or "". */
  till: string;
};

/** Longest text a field keeps when it is shown again (the schema refuses longer ones). */
const keptChars = 5_000;

export function readAddFactForm(src: FormSource): AddFactForm {
  const form = Object.fromEntries(addFactFields.map((f) => [f, lastValue(src, f).slice(0, keptChars)])) as Record<
    AddFactField,
    string
  >;
  const till = lastValue(src, "till");
  return { ...form, nyckel: form.nyckel.trim(), till: till ? safeReturnPath(till, "") : "" };
}

/** The form as a query string: what a sign-in comes back to, with everything typed. */
export function formQuery(form: AddFactForm): URLSearchParams {
  const p = new URLSearchParams();
  for (const f of [...addFactFields, "till"] as const) if (form[f]) p.set(f, form[f]);
  return p;
}

/** The municipality the form names, if it names one. */
export function placeOfForm(form: AddFactForm): Place | undefined {
  if (!form.kommun.trim()) return undefined;
  try {
    return findMunicipality(form.kommun.trim());
  } catch (e) {
    if (isMotioneraError(e)) return undefined;
    throw e;
  }
}

/** The keys a municipality's value can be typed for: the catalog's municipal keys that are not derived. */
export const typableKeys = (catalog: FactCatalog): FactDefinition[] =>
  catalog
    .list()
    .filter((d) => d.scopes.includes("kommun") && !d.derived)
    .sort((a, b) => a.label.localeCompare(b.label, "sv"));

const optional = (s: string) => (s.trim() ? s.trim() : undefined);

/** The form as the API's body (before zod reads it). */
function bodyOf(form: AddFactForm) {
  const source = {
    ...(optional(form.titel) ? { title: form.titel.trim() } : {}),
    publisher: form.utgivare.trim(),
    ...(optional(form.kalldatum) ? { date: form.kalldatum.trim() } : {}),
    ...(optional(form.webbadress) ? { url: form.webbadress.trim() } : {}),
  };
  return {
    subject: form.kommun.trim(),
    key: form.nyckel,
    value: form.varde.trim(),
    asOf: form.per.trim(),
    source,
    ...(optional(form.anmarkning) ? { note: form.anmarkning.trim() } : {}),
  };
}

/** The entry's paths (the API body's and the core's) → the form's fields. */
const fieldOfPath: Record<string, AddFactField> = {
  subject: "kommun",
  key: "nyckel",
  value: "varde",
  värde: "varde",
  asOf: "per",
  "source.title": "titel",
  "source.publisher": "utgivare",
  "source.date": "kalldatum",
  "source.url": "webbadress",
  note: "anmarkning",
};

const labelOf = (k: string) => t.fields[k]?.label;

/** The first day a partial date can stand for. */
const startOf = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);

/** A core problem with the entry, in the form's words. */
function coreError(p: FieldProblem, form: AddFactForm, def: FactDefinition | undefined): FieldError {
  const d = p.details;
  switch (d.code) {
    case "unknown_municipality":
      return { text: t.errors.kommunUnknown(d.query) };
    case "unknown_fact_key":
      return { text: t.errors.keyUnknown(d.key) };
    case "fact_invalid":
      if (d.field === "key" && def) return { text: t.errors.derived(def.label) };
      if (d.field === "subject" && def) return { text: t.errors.notForKommun(def.label) };
      if (d.field === "värde" && def?.type === "boolean" && !form.varde.trim()) return { text: t.errors.chooseYesNo };
      return { text: t.errors.invalid(d.problem.replace(/[.\s]+$/, "")) };
    default:
      return { text: t.errors.invalid(form.varde) };
  }
}

/** "Menade du …" for an unknown municipality: links that fill the form again with the suggestion. */
function kommunSuggestions(p: FieldProblem, form: AddFactForm, base: string): FieldError["suggestions"] {
  if (p.details.code !== "unknown_municipality") return undefined;
  return p.details.suggestions.map((s) => {
    const q = formQuery({ ...form, kommun: s });
    return { label: s, href: `${base}?${q}` };
  });
}

export interface CheckedFact {
  errors: FieldErrors;
  /** The entry to record, when there is no error. */
  entry?: FactEntry;
}

/**
 * Checks the form (every problem at once, the first at each field shown): zod first, as the
 * API does; the core's check of the entry; then the form's own rules. `today` is "ÅÅÅÅ-MM-DD".
 */
export function checkAddFactForm(form: AddFactForm, catalog: FactCatalog, today: string, base: string): CheckedFact {
  const errors: FieldErrors = new Map();
  const set = (k: AddFactField, e: FieldError) => {
    if (!errors.has(k)) errors.set(k, e);
  };
  const def = catalog.get(form.nyckel);
  for (const f of ["kommun", "nyckel", "per", "utgivare"] as const)
    if (!form[f].trim()) set(f, { text: t.errors.required });
  if (!form.varde.trim()) set("varde", { text: def?.type === "boolean" ? t.errors.chooseYesNo : t.errors.required });
  const url = form.webbadress.trim();
  if (url && !/^https?:\/\/[^\s/]+/i.test(url)) set("webbadress", { text: t.errors.url });

  const parsed = factEntrySchema.safeParse(bodyOf(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = fieldOfPath[issue.path.map(String).join(".")];
      if (!k) continue;
      const max = issue.code === "too_big" && typeof issue.maximum === "number" ? issue.maximum : undefined;
      set(k, { text: max ? t.errors.tooLong(max) : t.errors.invalid(issue.message.replace(/[.\s]+$/, "")) });
    }
  }
  const body = bodyOf(form);
  const entry: FactEntry = {
    subject: body.subject,
    key: body.key,
    value: body.value,
    asOf: body.asOf,
    source: { ...body.source, date: body.source.date ?? null },
    ...(body.note ? { note: body.note } : {}),
  };
  if (form.kommun.trim() && form.nyckel && form.varde.trim() && form.per.trim()) {
    for (const p of checkFactEntry(entry, catalog).problems) {
      const k = fieldOfPath[String(p.path[0])] ?? fieldOfPath[p.details.code === "fact_invalid" ? p.details.field : ""];
      if (!k) continue;
      const suggestions = kommunSuggestions(p, form, base);
      set(k, { ...coreError(p, form, def), ...(suggestions?.length ? { suggestions } : {}) });
    }
  }
  if (form.per.trim() && !errors.has("per") && startOf(form.per.trim()) > today) set("per", { text: t.errors.future });
  const sourceDate = form.kalldatum.trim();
  if (sourceDate && !errors.has("kalldatum") && startOf(sourceDate) > today)
    set("kalldatum", { text: t.errors.sourceFuture });

  if (!parsed.success && errors.size === 0)
    set("varde", { text: t.errors.invalid(parsed.error.issues[0]?.message ?? "") });
  if (errors.size > 0 || !parsed.success) {
    return { errors: orderErrors(errors, addFactFields, labelOf) };
  }
  return { errors, entry };
}
