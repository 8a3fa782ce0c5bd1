/**
 * The draft form's state as the browser sends it (a GET query or a POST body): reading it,
 * checking it field by field with the same schemas the core uses, and turning it into a
 * DraftRequest. Errors are keyed by the field they belong to, so the page can show each one
 * next to its field.
 */
import type { TemplateLibrary, Template } from "../../compose/template-library.js";
import { inputFieldSchema } from "../../compose/inputs.js";
import { findMunicipality } from "../../data/places.js";
import type { DraftRequest } from "../../domain/draft-request.js";
import { isMotioneraError, type ErrorDetails } from "../../domain/errors.js";
import type { Place } from "../../domain/municipality.js";
import { isoDateSchema } from "../../domain/partial-date.js";
import { parliamentaryParties, signerSchema, type Signer } from "../../domain/signer.js";
import { formatDate } from "../../lang/dates.js";
import { explainBrokenTemplate } from "../../messages.sv.js";
import { sv } from "../messages.sv.js";
import { paths } from "./links.js";

export interface SignerRow {
  name: string;
  /** The select's value: a parliamentary party's letters, "annat" or "". */
  party: string;
  /** A local party's name, when the select says "annat" (or is left empty). */
  partyOther: string;
  role: string;
}

export interface FormState {
  template: string;
  kommun: string;
  signers: SignerRow[];
  date: string;
  /** Raw values of the template's own inputs, by input name. */
  inputs: Record<string, string>;
  arguments: string[];
}

export const otherParty = "annat";
export const defaultRows = 3;
const maxRows = 50;

/** Where the form's values come from: a query string or a parsed body. */
export interface FormSource {
  names(): string[];
  all(name: string): string[];
}

export function sourceFromQuery(params: URLSearchParams): FormSource {
  return { names: () => [...new Set(params.keys())], all: (n) => params.getAll(n) };
}

export function sourceFromBody(body: Record<string, unknown>): FormSource {
  return {
    names: () => Object.keys(body),
    all: (n) => {
      const v = body[n];
      const xs = Array.isArray(v) ? v : v === undefined ? [] : [v];
      return xs.filter((x): x is string => typeof x === "string");
    },
  };
}

const last = (src: FormSource, name: string) => src.all(name).at(-1) ?? "";

export interface ReadOptions {
  defaultTemplate: string;
  today: string;
}

/**
 * Reads the form. `add` (the "Fler rader" button) adds an empty signer row, `remove=<n>`
 * ("Ta bort") removes row n; with no rows at all the form starts with three.
 */
export function readForm(src: FormSource, opts: ReadOptions): FormState {
  const rowIndexes = src
    .names()
    .map((n) => /^(?:name|party|partyOther|role)\.(\d{1,2})$/.exec(n)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number);
  const count = rowIndexes.length ? Math.min(maxRows, Math.max(...rowIndexes) + 1) : defaultRows;
  let signers: SignerRow[] = Array.from({ length: count }, (_, i) => ({
    name: last(src, `name.${i}`),
    party: last(src, `party.${i}`),
    partyOther: last(src, `partyOther.${i}`),
    role: last(src, `role.${i}`),
  }));
  const remove = Number(last(src, "remove"));
  if (last(src, "remove") !== "" && Number.isInteger(remove) && remove >= 0 && remove < signers.length) signers.splice(remove, 1);
  if (last(src, "add") !== "" && signers.length < maxRows) signers.push({ name: "", party: "", partyOther: "", role: "" });
  if (signers.length === 0) signers = [{ name: "", party: "", partyOther: "", role: "" }];

  const inputs: Record<string, string> = {};
  for (const n of src.names()) {
    const m = /^input\.([a-z][a-zA-Z0-9]*)$/.exec(n);
    if (m) inputs[m[1]!] = last(src, n);
  }
  const date = last(src, "date").trim();
  return {
    template: last(src, "template").trim() || opts.defaultTemplate,
    kommun: last(src, "kommun").trim(),
    signers,
    date: date || opts.today,
    inputs,
    arguments: [...new Set(src.all("arguments").map((a) => a.trim()).filter(Boolean))],
  };
}

/** The form as a query string for GET / (the "Menade du …" links keep everything typed). */
export function stateHref(state: FormState, change: Partial<Pick<FormState, "kommun" | "template">> = {}): string {
  const s = { ...state, ...change };
  const p = new URLSearchParams();
  p.set("template", s.template);
  if (s.kommun) p.set("kommun", s.kommun);
  s.signers.forEach((r, i) => {
    p.set(`name.${i}`, r.name);
    p.set(`party.${i}`, r.party);
    p.set(`partyOther.${i}`, r.partyOther);
    p.set(`role.${i}`, r.role);
  });
  p.set("date", s.date);
  for (const [k, v] of Object.entries(s.inputs)) p.set(`input.${k}`, v);
  for (const a of s.arguments) p.append("arguments", a);
  return `${paths.draft}?${p.toString()}`;
}

// ── Errors ──────────────────────────────────────────────────────────────────────────────

export interface FieldError {
  text: string;
  /** The field's name, for the error summary ("Kommun", "Undertecknare 1, namn"). */
  label?: string;
  /** "Menade du …" choices, each a link that keeps the rest of the form. */
  suggestions?: { label: string; href: string }[];
}

/** Field key → error, in the order the fields appear. Keys: template, kommun, facts, name.0, party.0, role.0, signers, date, input.<name>, arguments, form. */
export type FieldErrors = Map<string, FieldError>;

/** The element an error belongs to: the control's id (fieldsets and the facts panel have one too). */
export function fieldId(key: string): string {
  return key === "facts" ? "fakta" : `f-${key.replace(/\./g, "-")}`;
}
export const errorId = (key: string) => `err-${fieldId(key)}`;

const fieldOrder = (template: Template | undefined) => [
  "template",
  "kommun",
  "facts",
  ...Array.from({ length: maxRows }, (_, i) => [`name.${i}`, `party.${i}`, `role.${i}`]).flat(),
  "signers",
  "date",
  ...(template?.frontMatter.inputs.map((i) => `input.${i.name}`) ?? []),
  "arguments",
  "form",
];

/** The name of the field an error belongs to, as the form labels it. */
export function fieldLabel(key: string, template: Template | undefined): string | undefined {
  const t = sv.draft;
  const row = /^(name|party|partyOther|role)\.(\d+)$/.exec(key);
  if (row) {
    const part = { name: t.signers.name, party: t.signers.party, partyOther: t.signers.partyOther, role: t.signers.role }[row[1] as "name"];
    return `${t.signers.rowPattern.replace("{n}", String(Number(row[2]) + 1))}, ${part.toLowerCase()}`;
  }
  if (key.startsWith("input.")) return template?.frontMatter.inputs.find((i) => i.name === key.slice(6))?.label;
  const labels: Record<string, string> = {
    template: t.template.label,
    kommun: t.kommun.label,
    facts: sv.facts.heading,
    signers: t.signers.legend,
    date: t.date.label,
    arguments: t.arguments.legend,
  };
  return labels[key];
}

/** Errors in the order of the form's fields, each with its field's name. */
export function sortErrors(errors: FieldErrors, template: Template | undefined): FieldErrors {
  const order = fieldOrder(template);
  const rank = (k: string) => (order.indexOf(k) < 0 ? order.length : order.indexOf(k));
  return new Map(
    [...errors]
      .sort((a, b) => rank(a[0]) - rank(b[0]))
      .map(([k, e]): [string, FieldError] => {
        const label = e.label ?? fieldLabel(k, template);
        return [k, label ? { ...e, label } : e];
      }),
  );
}

function municipalityError(state: FormState, d: Extract<ErrorDetails, { code: "unknown_municipality" }>): FieldError {
  return {
    text: sv.fieldErrors.kommunUnknown(d.query),
    suggestions: d.suggestions.map((s) => ({ label: s, href: stateHref(state, { kommun: s }) })),
  };
}

/** A core error → the field it belongs to and its Swedish text. */
export function errorForField(d: ErrorDetails, state: FormState, template: Template | undefined): [string, FieldError] {
  const e = sv.fieldErrors;
  switch (d.code) {
    case "unknown_municipality":
      return ["kommun", municipalityError(state, d)];
    case "unknown_template":
      return ["template", { text: e.templateUnknown(d.query, d.suggestions) }];
    case "fact_missing":
      return ["facts", { text: e.factMissing(d.label, d.subjectName) }];
    case "fact_stale":
      return ["facts", { text: e.factStale(d.label, d.subjectName, d.asOf ? formatDate(d.asOf) : sv.facts.undated, formatDate(d.oldest)) }];
    case "unknown_argument":
      return ["arguments", { text: e.argumentUnknown(d.ref) }];
    case "unknown_input":
      return ["form", { text: e.unknownInput(d.field) }];
    case "author_invalid": {
      const i = state.signers.findIndex((s) => s.name.trim() === d.value.trim());
      return [i >= 0 ? `name.${i}` : "signers", { text: e.signerInvalid(d.problem) }];
    }
    case "input_invalid": {
      const f = d.field;
      if (template?.frontMatter.inputs.some((i) => i.name === f)) return [`input.${f}`, { text: f && state.inputs[f]?.trim() ? e.invalid(d.problem) : e.required }];
      if (f.startsWith("inputs.")) return [`input.${f.slice(7).split(".")[0]}`, { text: e.invalid(d.problem) }];
      const m = /^authors\.(\d+)\.(name|party|role)$/.exec(f);
      if (m) return [`${m[2]}.${signerRowOf(state, Number(m[1]))}`, { text: e.signerInvalid(d.problem) }];
      if (f.startsWith("authors")) return ["signers", { text: e.signerNone }];
      if (f === "municipality") return ["kommun", { text: e.kommunEmpty }];
      if (f === "date") return ["date", { text: e.dateInvalid(d.problem) }];
      if (f === "template") return ["template", { text: e.invalid(d.problem) }];
      if (f.startsWith("arguments")) return ["arguments", { text: /tar inte emot/.test(d.problem) ? e.argumentsNotAccepted : e.invalid(d.problem) }];
      return ["form", { text: e.invalid(d.problem) }];
    }
    case "template_invalid":
      return ["template", { text: `${explainBrokenTemplate(d)} ${e.templateBroken}` }];
    default:
      return ["form", { text: e.general }];
  }
}

/** The form row of the n-th signer that was sent (empty rows are skipped when sending). */
function signerRowOf(state: FormState, n: number): number {
  let seen = -1;
  for (let i = 0; i < state.signers.length; i++) {
    if (!isEmptyRow(state.signers[i]!)) seen++;
    if (seen === n) return i;
  }
  return 0;
}

const isEmptyRow = (r: SignerRow) => !r.name.trim() && !r.role.trim() && !r.partyOther.trim() && (!r.party || r.party === otherParty);

export function partyOf(r: SignerRow): string {
  if ((parliamentaryParties as readonly string[]).includes(r.party)) return r.party;
  return r.partyOther.trim();
}

// ── Checking and building the request ────────────────────────────────────────────────────

export interface Checked {
  template?: Template;
  place?: Place;
  errors: FieldErrors;
  request?: DraftRequest;
}

export interface CheckOptions {
  /** For the preview: sign with this name when no signer is given yet. */
  placeholderSigner?: string;
}

/**
 * Checks every field at once (so the user sees all problems, not the first) with the same
 * schemas the core uses: the template's input schemas, the signer schema, the date schema.
 * The core checks again when composing; what only it can find (facts) is mapped afterwards.
 */
export function checkForm(state: FormState, templates: TemplateLibrary, opts: CheckOptions = {}): Checked {
  const errors: FieldErrors = new Map();
  const e = sv.fieldErrors;
  let template: Template | undefined;
  try {
    template = templates.get(state.template);
  } catch (err) {
    if (!isMotioneraError(err)) throw err;
    const [k, v] = errorForField(err.details, state, undefined);
    errors.set(k, v);
  }

  let place: Place | undefined;
  if (!state.kommun) errors.set("kommun", { text: e.kommunEmpty });
  else {
    try {
      place = findMunicipality(state.kommun);
    } catch (err) {
      if (!isMotioneraError(err) || err.details.code !== "unknown_municipality") throw err;
      errors.set("kommun", municipalityError(state, err.details));
    }
  }

  const authors: Signer[] = [];
  state.signers.forEach((r, i) => {
    if (isEmptyRow(r)) return;
    if (!r.name.trim()) {
      errors.set(`name.${i}`, { text: e.signerNameMissing });
      return;
    }
    const party = partyOf(r);
    const parsed = signerSchema.safeParse({ name: r.name, ...(party ? { party } : {}), ...(r.role.trim() ? { role: r.role } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? "name");
      errors.set(`${field}.${i}`, { text: e.signerInvalid(issue.message) });
      return;
    }
    authors.push(parsed.data);
  });
  if (authors.length === 0 && ![...errors.keys()].some((k) => /^(name|party|role)\./.test(k))) {
    if (opts.placeholderSigner) authors.push({ name: opts.placeholderSigner });
    else errors.set("name.0", { text: e.signerNone });
  }

  const date = isoDateSchema.safeParse(state.date);
  if (!date.success) errors.set("date", { text: e.dateInvalid(date.error.issues[0]?.message ?? "") });

  const inputs: Record<string, string | null> = {};
  for (const input of template?.frontMatter.inputs ?? []) {
    const raw = state.inputs[input.name] ?? "";
    const parsed = inputFieldSchema(input).safeParse(raw);
    if (!parsed.success) {
      errors.set(`input.${input.name}`, { text: e.invalid(parsed.error.issues[0]?.message ?? "") });
      continue;
    }
    if (parsed.data === null && input.default === undefined && input.required) {
      errors.set(`input.${input.name}`, { text: e.required });
      continue;
    }
    inputs[input.name] = raw === "" ? null : raw;
  }

  const refs = state.arguments;
  if (refs.some((r) => !/^[a-z0-9][a-z0-9-]*#\d{1,3}$/.test(r))) errors.set("arguments", { text: e.argumentUnknown(refs.find((r) => !/^[a-z0-9][a-z0-9-]*#\d{1,3}$/.test(r))!) });
  else if (refs.length > 20) errors.set("arguments", { text: e.argumentsTooMany });

  if (errors.size > 0 || !template || !place) return { ...(template ? { template } : {}), ...(place ? { place } : {}), errors: sortErrors(errors, template) };
  const request: DraftRequest = {
    template: template.frontMatter.id,
    municipality: place.code,
    authors,
    date: state.date,
    inputs,
    arguments: refs,
  };
  return { template, place, errors, request };
}
