/**
 * The campaign form checked by the core (checkCampaignRequest), every problem at once: each
 * problem's path is mapped to the form's field (a picker row, a signer row, a template field)
 * and worded for the form.
 */
import { checkCampaignRequest, type CampaignRequest } from "../../../campaign/plan.js";
import type { Template, TemplateLibrary } from "../../../compose/template-library.js";
import type { FieldProblem } from "../../../domain/field-problem.js";
import { explainBrokenTemplate } from "../../../messages.sv.js";
import { sv } from "../../messages.sv.js";
import { formIds, orderErrors, type FieldError, type FieldErrors } from "../kit/form.js";
import { maxRows, rowOfSigner, signerFieldLabel } from "../kit/signer-rows.js";
import { campaignRequestOf, maxConditionRows, noValue, type CampaignForm } from "./form.js";

const t = sv.campaign;
const fe = sv.fieldErrors;

/** The campaign form's ids: "k-template", "err-k-template", "help-k-template". */
export const campaignIds = formIds("k");

const fieldOrder = (template: Template | undefined) => [
  "template",
  "lan",
  "kommuner",
  ...Array.from({ length: maxConditionRows }, (_, i) => [`fakta.${i}`, `op.${i}`, `varde.${i}`]).flat(),
  "where",
  ...Array.from({ length: maxRows }, (_, i) => [`name.${i}`, `party.${i}`, `role.${i}`]).flat(),
  "signers",
  "date",
  ...(template?.frontMatter.inputs.map((i) => `input.${i.name}`) ?? []),
  "formats",
  "form",
];

function labelOf(key: string, template: Template | undefined): string | undefined {
  const row = /^(?:fakta|op|varde)\.(\d+)$/.exec(key);
  if (row) return t.picker.rowLabel(Number(row[1]) + 1);
  if (key.startsWith("input.")) return template?.frontMatter.inputs.find((i) => i.name === key.slice(6))?.label;
  const labels: Record<string, string> = {
    template: t.template.label,
    lan: t.lan.label,
    kommuner: t.kommuner.label,
    where: t.where.label,
    signers: sv.draft.signers.legend,
    date: t.date.label,
    formats: t.formats.legend!,
  };
  return signerFieldLabel(key) ?? labels[key];
}

/** A core problem → the field it belongs to (by its path) and its text on the form. */
export function errorFor(p: FieldProblem, form: CampaignForm, from: readonly number[]): [string, FieldError] {
  const e = t.errors;
  const d = p.details;
  const [head, second, third] = p.path;
  const conditionField = () => {
    const row = typeof second === "number" ? from[second] : undefined;
    return row !== undefined && row >= 0 ? `fakta.${row}` : "where";
  };
  const problem = "problem" in d ? d.problem : "";
  switch (d.code) {
    case "unknown_template":
      return ["template", { text: e.templateUnknown(d.query, d.suggestions) }];
    case "template_invalid":
      return ["template", { text: `${explainBrokenTemplate(d)} ${fe.templateBroken}` }];
    case "unknown_county":
      return ["lan", { text: e.lanUnknown(d.query, d.suggestions) }];
    case "unknown_municipality":
      return ["kommuner", { text: e.kommunUnknown(d.query, d.suggestions) }];
    case "campaign_condition_invalid":
      if (head === "villkor")
        return [`varde.${String(second)}`, { text: d.problem === noValue ? e.valueNeeded : e.missingNeedsIs }];
      return [conditionField(), { text: e.conditionInvalid(d.condition, d.problem) }];
    case "unknown_fact_key":
      return [conditionField(), { text: e.conditionUnknownKey(d.key, d.suggestions) }];
    case "campaign_empty":
      return ["form", { text: e.empty }];
    case "unknown_input":
      return ["form", { text: fe.unknownInput(d.field) }];
    default:
      break;
  }
  switch (head) {
    case "authors": {
      if (typeof second !== "number") return ["name.0", { text: fe.signerNone }];
      const row = rowOfSigner(form.signers, second);
      const field = third === "party" || third === "role" ? third : "name";
      if (field === "name" && !form.signers[row]?.name.trim()) return [`name.${row}`, { text: fe.signerNameMissing }];
      return [`${field}.${row}`, { text: fe.signerInvalid(problem) }];
    }
    case "date":
      return ["date", { text: e.dateInvalid }];
    case "formats":
      return ["formats", { text: e.formatsNone }];
    case "inputs":
      return [
        `input.${String(second)}`,
        { text: form.inputs[String(second)]?.trim() ? fe.invalid(problem) : fe.required },
      ];
    default:
      return ["form", { text: e.general }];
  }
}

/** Every problem on its field (the first for a field that has several), in the form's order, labelled. */
export function errorsOf(
  problems: readonly FieldProblem[],
  form: CampaignForm,
  from: readonly number[],
  template?: Template,
): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const p of problems) {
    const [k, v] = errorFor(p, form, from);
    if (!errors.has(k)) errors.set(k, v);
  }
  return orderErrors(errors, fieldOrder(template), (k) => labelOf(k, template));
}

/** The template the form names, if there is one (its fields are the ones sent). */
export function templateOf(lib: TemplateLibrary, id: string): Template | undefined {
  try {
    return lib.get(id);
  } catch {
    return undefined;
  }
}

/**
 * The form's request checked whole by the core (or only the selection: counties, list and
 * conditions), with what the form itself could not read.
 */
export function checkCampaignForm(
  form: CampaignForm,
  lib: TemplateLibrary,
  only?: "selection",
): { errors: FieldErrors; request: CampaignRequest; ok: boolean; template?: Template | undefined } {
  const template = templateOf(lib, form.template);
  const { request, problems: own, from } = campaignRequestOf(form, template);
  const selecting = new Set(["counties", "municipalities", "where", "villkor"]);
  const core = checkCampaignRequest(request, { templates: lib }).problems;
  const problems = [...own, ...core].filter((p) => !only || selecting.has(String(p.path[0])));
  return { errors: errorsOf(problems, form, from, template), request, ok: problems.length === 0, template };
}
