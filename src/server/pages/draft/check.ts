/**
 * The draft form checked by the core (checkDraftRequest through the workspace), every
 * problem at once: each problem's path is mapped to the field it belongs to and worded for
 * the form. The form checks nothing itself.
 */
import type { Template, TemplateLibrary } from "../../../compose/template-library.js";
import type { DraftRequest } from "../../../domain/draft-request.js";
import type { ErrorDetails } from "../../../domain/errors.js";
import type { FieldProblem } from "../../../domain/field-problem.js";
import type { Place } from "../../../domain/municipality.js";
import { formatDate } from "../../../lang/dates.js";
import { explainBrokenTemplate } from "../../../messages.sv.js";
import type { Workspace } from "../../../workspace.js";
import { sv } from "../../messages.sv.js";
import { formIds, orderErrors, type FieldError, type FieldErrors } from "../kit/form.js";
import { maxRows, requestOf, signerRowOf, stateHref, type FormState } from "./state.js";
import { addFactHref } from "../add-fact/paths.js";

/** The draft form's ids: "f-kommun", "err-f-name-0"; the facts panel is "fakta". */
export const draftIds = formIds("f", { facts: "fakta" });

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
    const part = {
      name: t.signers.name,
      party: t.signers.party,
      partyOther: t.signers.partyOther,
      role: t.signers.role,
    }[row[1] as "name"];
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
  return orderErrors(errors, fieldOrder(template), (k) => fieldLabel(k, template));
}

/** "Lägg till uppgiften": the add-fact form for the draft's municipality, coming back to the draft. */
function addFactAction(state: FormState, key: string, label: string): FieldError["action"] {
  return {
    label: sv.addFact.errorAction(label),
    href: addFactHref({ kommun: state.kommun, key, till: stateHref(state) }),
  };
}

/** A core problem → the field it belongs to (by its path) and its text on the form. */
export function errorForField(p: FieldProblem, state: FormState): [string, FieldError] {
  const e = sv.fieldErrors;
  const d: ErrorDetails = p.details;
  const [head, second, third] = p.path;
  const problem = "problem" in d ? d.problem : "";
  switch (d.code) {
    case "unknown_municipality":
      return [
        "kommun",
        {
          text: e.kommunUnknown(d.query),
          suggestions: d.suggestions.map((s) => ({ label: s, href: stateHref(state, { kommun: s }) })),
        },
      ];
    case "unknown_template":
      return ["template", { text: e.templateUnknown(d.query, d.suggestions) }];
    case "template_invalid":
      return ["template", { text: `${explainBrokenTemplate(d)} ${e.templateBroken}` }];
    case "fact_missing":
      return [
        "facts",
        {
          text: e.factMissing(d.label, d.subjectName),
          action: addFactAction(state, d.key, d.label),
        },
      ];
    case "fact_stale":
      return [
        "facts",
        {
          text: e.factStale(
            d.label,
            d.subjectName,
            d.asOf ? formatDate(d.asOf) : sv.facts.undated,
            formatDate(d.oldest),
          ),
        },
      ];
    case "unknown_argument":
      return ["arguments", { text: e.argumentUnknown(d.ref) }];
    case "unknown_input":
      return ["form", { text: e.unknownInput(d.field) }];
    case "input_needed": {
      const fact = d.facts[0];
      return [
        `input.${d.field}`,
        {
          text: e.inputNeeded(
            d.facts.map((f) => f.label),
            d.subjectName,
          ),
          ...(fact ? { action: addFactAction(state, fact.key, fact.label) } : {}),
        },
      ];
    }
    case "author_invalid":
      return [
        typeof second === "number" ? `name.${signerRowOf(state, second)}` : "signers",
        { text: e.signerInvalid(d.problem) },
      ];
    case "input_invalid":
      break;
    default:
      return ["form", { text: e.general }];
  }
  switch (head) {
    case "template":
      return ["template", { text: e.invalid(problem) }];
    case "municipality":
      return ["kommun", { text: e.kommunEmpty }];
    case "authors": {
      if (typeof second !== "number") return ["name.0", { text: e.signerNone }];
      const row = signerRowOf(state, second);
      const field = third === "party" || third === "role" ? third : "name";
      if (field === "name" && !state.signers[row]?.name.trim()) return [`name.${row}`, { text: e.signerNameMissing }];
      return [`${field}.${row}`, { text: e.signerInvalid(problem) }];
    }
    case "date":
      return ["date", { text: e.dateInvalid(problem) }];
    case "inputs":
      return [
        `input.${String(second)}`,
        { text: state.inputs[String(second)]?.trim() ? e.invalid(problem) : e.required },
      ];
    case "arguments":
      if (/tar inte emot/.test(problem)) return ["arguments", { text: e.argumentsNotAccepted }];
      if (typeof second === "number") return ["arguments", { text: e.argumentUnknown(state.arguments[second] ?? "") }];
      return ["arguments", { text: state.arguments.length > 20 ? e.argumentsTooMany : e.invalid(problem) }];
    default:
      return ["form", { text: e.invalid(problem) }];
  }
}

/** Every problem on its field (the first for a field that has several), in the form's order. */
export function errorsOf(
  problems: readonly FieldProblem[],
  state: FormState,
  template: Template | undefined,
): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const p of problems) {
    const [k, v] = errorForField(p, state);
    if (!errors.has(k)) errors.set(k, v);
  }
  return sortErrors(errors, template);
}

export interface Checked {
  template?: Template;
  place?: Place;
  errors: FieldErrors;
  request?: DraftRequest;
}

/** For the preview: sign with this name when no signer is given yet. */
export interface CheckOptions {
  placeholderSigner?: string;
  /** Only the facts recorded by this instant (ISO): a saved draft as it was when saved. */
  knownAt?: string;
}

/** The template the form names, if there is one (its inputs are the ones sent). */
function templateOf(lib: TemplateLibrary, id: string): Template | undefined {
  try {
    return lib.get(id);
  } catch {
    return undefined;
  }
}

/** The form's request, checked whole by the core; every problem mapped to its field. */
export async function checkForm(state: FormState, ws: Workspace, opts: CheckOptions = {}): Promise<Checked> {
  const lib = await ws.templates();
  const names = templateOf(lib, state.template)?.frontMatter.inputs.map((i) => i.name) ?? [];
  const request = requestOf(state, names, opts.placeholderSigner);
  const checked = await ws.checkDraft(request, opts.knownAt ? { knownAt: opts.knownAt } : {});
  const found = {
    ...(checked.template ? { template: checked.template } : {}),
    ...(checked.place ? { place: checked.place } : {}),
  };
  if (checked.problems.length > 0 || !checked.request)
    return { ...found, errors: errorsOf(checked.problems, state, checked.template) };
  return { ...found, errors: new Map(), request };
}
