/**
 * The campaign form checked by the core (checkCampaignRequest), every problem at once: each
 * problem's path is mapped to the form's field and worded for the form.
 */
import { checkCampaignRequest, type CampaignRequest } from "../../../campaign/plan.js";
import type { TemplateLibrary } from "../../../compose/template-library.js";
import type { FieldProblem } from "../../../domain/field-problem.js";
import { explainBrokenTemplate, explainError } from "../../../messages.sv.js";
import { sv } from "../../messages.sv.js";
import { formIds, orderErrors, type FieldError, type FieldErrors } from "../kit/form.js";
import { campaignRequestOf, type CampaignForm } from "./form.js";

const t = sv.campaign;

/** The campaign form's ids: "k-template", "err-k-template", "help-k-template". */
export const campaignIds = formIds("k");

const fieldOrder = ["template", "lan", "kommuner", "where", "signers", "date", "inputs", "formats", "form"];
const labels: Record<string, string> = {
  template: t.template.label,
  lan: t.lan.label,
  kommuner: t.kommuner.label,
  where: t.where.label,
  signers: t.signers.label,
  date: t.date.label,
  inputs: t.inputs.label,
  formats: t.formats.legend!,
};

/** The request's fields on the form. */
const fieldOf: Record<string, string> = {
  template: "template",
  counties: "lan",
  municipalities: "kommuner",
  where: "where",
  require: "where",
  authors: "signers",
  date: "date",
  inputs: "inputs",
  formats: "formats",
};

/** A core problem → the field it belongs to (by its path) and its text on the form. */
export function errorFor(p: FieldProblem): [string, FieldError] {
  const e = t.errors;
  const d = p.details;
  const key = fieldOf[String(p.path[0])] ?? "form";
  switch (d.code) {
    case "unknown_template":
      return ["template", { text: e.templateUnknown(d.query, d.suggestions) }];
    case "template_invalid":
      return ["template", { text: `${explainBrokenTemplate(d)} ${sv.fieldErrors.templateBroken}` }];
    case "unknown_county":
      return ["lan", { text: e.lanUnknown(d.query, d.suggestions) }];
    case "unknown_municipality":
      return ["kommuner", { text: e.kommunUnknown(d.query, d.suggestions) }];
    case "campaign_condition_invalid":
    case "unknown_fact_key":
      return ["where", { text: explainError(d).replace(/ Se alla nycklar med: .*$/, "") }];
    case "campaign_empty":
      return ["form", { text: e.empty }];
    case "author_invalid":
      return ["signers", { text: e.signerInvalid(d.value) }];
    case "unknown_input":
    case "input_invalid":
      if (key === "signers") return ["signers", { text: e.signerNone }];
      if (key === "date") return ["date", { text: e.dateInvalid }];
      if (key === "formats") return ["formats", { text: e.formatsNone }];
      if (key === "inputs" && p.path.length === 1)
        return ["inputs", { text: e.inputLine(d.code === "input_invalid" ? d.problem : "") }];
      if (key === "inputs") return ["inputs", { text: explainError(d) }];
      return [key, { text: d.code === "input_invalid" ? sv.fieldErrors.invalid(d.problem) : explainError(d) }];
    default:
      return ["form", { text: e.general }];
  }
}

/** Every problem on its field (the first for a field that has several), in the form's order, labelled. */
export function errorsOf(problems: readonly FieldProblem[]): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const p of problems) {
    const [k, v] = errorFor(p);
    if (!errors.has(k)) errors.set(k, v);
  }
  return orderErrors(errors, fieldOrder, (k) => labels[k]);
}

/** The form's request checked whole by the core, with the lines the form could not read. */
export function checkCampaignForm(
  form: CampaignForm,
  lib: TemplateLibrary,
): { errors: FieldErrors; request?: CampaignRequest } {
  const { request, problems: own } = campaignRequestOf(form);
  const core = checkCampaignRequest(request, { templates: lib }).problems.filter(
    (p) => !own.some((o) => o.path[0] === p.path[0]),
  );
  const problems = [...own, ...core];
  return problems.length ? { errors: errorsOf(problems) } : { errors: new Map(), request };
}
