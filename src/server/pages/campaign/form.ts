/**
 * The campaign form as the browser sends it: reading it, and turning its text areas into a
 * CampaignRequest for the core to check. What only the form can get wrong (a signer line or
 * an input line it cannot read) is a problem at the request's path, like the core's.
 */
import type { CampaignRequest } from "../../../campaign/plan.js";
import type { FieldProblem } from "../../../domain/field-problem.js";
import { parseSigner, type Signer } from "../../../domain/signer.js";
import { parseNameValue } from "../../../lang/name-value.js";
import { formats, type Format } from "../../../render/index.js";
import { lastValue as last, type FormSource } from "../kit/form-source.js";

export interface CampaignForm {
  template: string;
  lan: string;
  kommuner: string;
  where: string;
  signers: string;
  date: string;
  inputs: string;
  formats: string[];
}

/** Non-empty lines of a text area. */
export const lines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
/** Items of a list written one a line or separated by commas or semicolons. */
export const items = (s: string): string[] =>
  s
    .split(/[\n,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function readCampaignForm(
  src: FormSource,
  defaults: { template: string; today: string },
  submitted: boolean,
): CampaignForm {
  const fmts = src.all("formats").filter((f) => (formats as readonly string[]).includes(f));
  return {
    template: last(src, "template").trim() || defaults.template,
    lan: last(src, "lan").trim(),
    kommuner: last(src, "kommuner"),
    where: last(src, "where"),
    signers: last(src, "signers"),
    date: last(src, "date").trim() || defaults.today,
    inputs: last(src, "inputs"),
    // A fresh form offers DOCX and PDF; a submitted one keeps exactly what was ticked.
    formats: submitted || src.names().includes("formats") ? [...new Set(fmts)] : ["docx", "pdf"],
  };
}

/** The form as a request, unchecked, and the lines the form itself could not read. */
export function campaignRequestOf(form: CampaignForm): { request: CampaignRequest; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const authors: Signer[] = [];
  lines(form.signers).forEach((line, i) => {
    const s = parseSigner(line);
    if (s) authors.push(s);
    else
      problems.push({
        path: ["authors", i],
        details: { code: "author_invalid", value: line, problem: "namnet saknas" },
      });
  });
  const inputs: Record<string, string> = {};
  for (const line of lines(form.inputs)) {
    const nv = parseNameValue(line, { trimValue: true });
    if (nv) inputs[nv.name] = nv.value;
    else problems.push({ path: ["inputs"], details: { code: "input_invalid", field: "inputs", problem: line } });
  }
  const request: CampaignRequest = {
    template: form.template,
    counties: form.lan ? [form.lan] : [],
    municipalities: items(form.kommuner),
    where: lines(form.where),
    authors,
    date: form.date,
    inputs,
    formats: form.formats as Format[],
  };
  return { request, problems };
}
