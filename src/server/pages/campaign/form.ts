/**
 * The campaign form as the browser sends it: reading it, and turning it into a
 * CampaignRequest for the core to check. Conditions come from the picker's rows (a fact by its
 * Swedish label, a comparison, a value or "saknas") and from the text box for conditions
 * written out; signers come in rows and the template's fields as on the draft form.
 */
import type { CampaignRequest } from "../../../campaign/plan.js";
import type { Template } from "../../../compose/template-library.js";
import type { FieldProblem } from "../../../domain/field-problem.js";
import { factDefinition } from "../../../facts/catalog.js";
import { formats, type Format } from "../../../render/index.js";
import { lastValue as last, type FormSource } from "../kit/form-source.js";
import { readSignerRows, signerParams, signersOf, type SignerRow } from "../kit/signer-rows.js";
import { paths } from "../frame/links.js";

/** One picker row: the fact's key, the comparison and the value (or `missingValue`). */
export interface ConditionRow {
  fakta: string;
  op: string;
  varde: string;
}

/** The comparisons the picker offers, as the core writes them. */
export const pickerOps = ["=", "!=", ">", "<", ">=", "<="] as const;
/** The picker's value for "no value in the registry". */
export const missingValue = "(saknas)";
export const maxConditionRows = 20;

export interface CampaignForm {
  template: string;
  /** Counties (codes, names or letters). */
  lan: string[];
  kommuner: string;
  villkor: ConditionRow[];
  /** Conditions written out, one a line (keys or labels). */
  where: string;
  signers: SignerRow[];
  date: string;
  /** Raw values of the template's own fields, by name. */
  inputs: Record<string, string>;
  formats: string[];
  /** The municipality the sample draft is for ("" for the first selected). */
  exempel: string;
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

const isEmptyCondition = (r: ConditionRow) => !r.fakta.trim();

function readConditionRows(src: FormSource): ConditionRow[] {
  const used = src
    .names()
    .map((n) => /^(?:fakta|op|varde)\.(\d{1,2})$/.exec(n)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number);
  const count = used.length ? Math.min(maxConditionRows, Math.max(...used) + 1) : 0;
  const rows = Array.from({ length: count }, (_, i) => ({
    fakta: last(src, `fakta.${i}`).trim(),
    op: last(src, `op.${i}`).trim() || "=",
    varde: last(src, `varde.${i}`).trim(),
  })).filter((r) => !isEmptyCondition(r));
  // One empty row to fill in next.
  return rows.length < maxConditionRows ? [...rows, { fakta: "", op: "=", varde: "" }] : rows;
}

export function readCampaignForm(
  src: FormSource,
  defaults: { template: string; today: string },
  submitted: boolean,
): CampaignForm {
  const fmts = src.all("formats").filter((f) => (formats as readonly string[]).includes(f));
  const inputs: Record<string, string> = {};
  for (const n of src.names()) {
    const m = /^input\.([a-z][a-zA-Z0-9]*)$/.exec(n);
    if (m) inputs[m[1]!] = last(src, n);
  }
  return {
    template: last(src, "template").trim() || defaults.template,
    lan: [
      ...new Set(
        src
          .all("lan")
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ],
    kommuner: last(src, "kommuner"),
    villkor: readConditionRows(src),
    where: last(src, "where"),
    signers: readSignerRows(src, 1),
    date: last(src, "date").trim() || defaults.today,
    inputs,
    // A fresh form offers DOCX and PDF; a submitted one keeps exactly what was ticked.
    formats: submitted || src.names().includes("formats") ? [...new Set(fmts)] : ["docx", "pdf"],
    exempel: last(src, "exempel").trim(),
  };
}

/** The form as a query string for GET /kampanj (links that keep everything chosen). */
export function campaignHref(form: CampaignForm, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  p.set("template", form.template);
  for (const l of form.lan) p.append("lan", l);
  if (form.kommuner) p.set("kommuner", form.kommuner);
  form.villkor
    .filter((r) => !isEmptyCondition(r))
    .forEach((r, i) => {
      p.set(`fakta.${i}`, r.fakta);
      p.set(`op.${i}`, r.op);
      p.set(`varde.${i}`, r.varde);
    });
  if (form.where) p.set("where", form.where);
  signerParams(form.signers, p);
  p.set("date", form.date);
  for (const [k, v] of Object.entries(form.inputs)) p.set(`input.${k}`, v);
  for (const f of form.formats) p.append("formats", f);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `${paths.campaign}?${p.toString()}`;
}

/** A picker row as a condition in words: "Har en KAST-mottagning = nej", "… saknas". */
export function conditionText(row: ConditionRow): string {
  const def = factDefinition(row.fakta);
  // A label the condition syntax could misread (with = < > !) is replaced by the key.
  const subject = def && !/[=<>!]/.test(def.label) ? def.label : row.fakta;
  if (row.varde === missingValue) return `${subject} ${row.op === "!=" ? "finns" : "saknas"}`;
  return `${subject} ${row.op} ${row.varde}`;
}

/** The form problem of a picker row with a fact and no value chosen. */
export const noValue = "no-value";

/** The form's conditions for the core, and which form row (or the text box: -1) each came from. */
export function conditionsOf(form: CampaignForm): { where: string[]; from: number[] } {
  const where: string[] = [];
  const from: number[] = [];
  form.villkor.forEach((r, i) => {
    // A row with a fact but no value yet is the form's to point out (campaignRequestOf), not the core's.
    if (isEmptyCondition(r) || r.varde === "") return;
    where.push(conditionText(r));
    from.push(i);
  });
  for (const line of lines(form.where)) {
    where.push(line);
    from.push(-1);
  }
  return { where, from };
}

/** The form as a request, unchecked, and what only the form can get wrong. */
export function campaignRequestOf(
  form: CampaignForm,
  template: Template | undefined,
): { request: CampaignRequest; problems: FieldProblem[]; from: number[] } {
  const problems: FieldProblem[] = [];
  form.villkor.forEach((r, i) => {
    if (!isEmptyCondition(r) && r.varde === "")
      problems.push({
        path: ["villkor", i],
        details: { code: "campaign_condition_invalid", condition: conditionText(r), problem: noValue },
      });
    if (!isEmptyCondition(r) && r.varde === missingValue && r.op !== "=" && r.op !== "!=")
      problems.push({
        path: ["villkor", i],
        details: { code: "campaign_condition_invalid", condition: conditionText(r), problem: "saknas" },
      });
  });
  const inputs: Record<string, string | null> = {};
  // Only the template's own fields: fields left from another template are not sent.
  for (const input of template?.frontMatter.inputs ?? [])
    inputs[input.name] = (form.inputs[input.name] ?? "") === "" ? null : form.inputs[input.name]!;
  const { where, from } = conditionsOf(form);
  const request: CampaignRequest = {
    template: form.template,
    counties: form.lan,
    municipalities: items(form.kommuner),
    where,
    authors: signersOf(form.signers),
    date: form.date,
    inputs,
    formats: form.formats as Format[],
  };
  return { request, problems, from };
}
