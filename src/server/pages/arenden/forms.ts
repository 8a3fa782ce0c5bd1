/**
 * The two staff forms of the ärenden pages read into what the store takes: "Markera som inlämnad"
 * (a NewFiling) and "Lägg till ett steg" (a NewFilingEvent). Empty required fields are reported
 * here at their field; everything else is the store's to check (filing-writes.ts), as for the CLI.
 */
import { findMunicipality } from "../../../data/places.js";
import type { FilingStep, NewFiling, NewFilingEvent } from "../../../domain/filing.js";
import { parseSigner, type Signer } from "../../../domain/signer.js";
import { isMotioneraError } from "../../../domain/errors.js";
import { sv } from "../../messages.sv.js";
import { problemFromError } from "../../problem.js";
import { formIds, type FieldErrors } from "../kit/form.js";
import { lastValue, type FormSource } from "../kit/form-source.js";

const t = sv.filings;

export const fileFields = ["slag", "titel", "kommun", "undertecknare", "datum", "dnr", "organ"] as const;
export type FileField = (typeof fileFields)[number];
export type FileForm = Record<FileField, string>;

export const stepFields = [
  "steg",
  "datum",
  "namnd",
  "av",
  "svar",
  "beslut",
  "protokoll",
  "utgivare",
  "paragraf",
] as const;
export type StepField = (typeof stepFields)[number];
export type StepForm = Record<StepField, string>;

export const fileIds = formIds("a");
export const stepIds = formIds("s");

const read = <K extends string>(keys: readonly K[], src: FormSource) =>
  Object.fromEntries(keys.map((k) => [k, lastValue(src, k).trim()])) as Record<K, string>;

export const readFileForm = (src: FormSource): FileForm => {
  const form = read(fileFields, src);
  return { ...form, slag: form.slag || "motion", organ: form.organ || "kommunfullmäktige" };
};
export const readStepForm = (src: FormSource): StepForm => {
  const form = read(stepFields, src);
  return { ...form, steg: form.steg || "referred" };
};

function missing<K extends string>(form: Record<K, string>, keys: readonly K[], label: (k: K) => string): FieldErrors {
  return new Map(keys.filter((k) => form[k] === "").map((k) => [k, { text: t.errors.required, label: label(k) }]));
}

/** The filing the form describes, or the problems at their fields. */
export function checkFileForm(form: FileForm): { errors: FieldErrors; filing?: NewFiling } {
  const label = (k: FileField) => t.fileForm.fields[k].label;
  const errors = missing(form, ["titel", "kommun", "undertecknare", "datum", "dnr"], label);
  const signers: Signer[] = [];
  for (const line of form.undertecknare.split(/\r?\n/).filter((l) => l.trim())) {
    const s = parseSigner(line);
    if (s) signers.push(s);
    else errors.set("undertecknare", { text: t.errors.signer(line.trim()), label: label("undertecknare") });
  }
  let municipality: NewFiling["municipality"] | undefined;
  if (form.kommun) {
    try {
      const m = findMunicipality(form.kommun);
      municipality = { code: m.code, name: m.name };
    } catch (e) {
      errors.set("kommun", { text: problemText(e), label: label("kommun") });
    }
  }
  if (errors.size || !municipality) return { errors };
  return {
    errors,
    filing: {
      kind: form.slag === "interpellation" ? "interpellation" : "motion",
      title: form.titel,
      municipality,
      signers,
      filed: { kind: "filed", date: form.datum, dnr: form.dnr, body: form.organ },
    },
  };
}

/** The step the form describes (only the chosen kind's fields are read), or the problems at their fields. */
export function checkStepForm(form: StepForm): { errors: FieldErrors; event?: NewFilingEvent } {
  const label = (k: StepField) => t.stepForm.fields[k].label;
  const needs: Record<string, StepField[]> = {
    referred: ["datum", "namnd"],
    answered: ["datum", "av"],
    decided: ["datum", "beslut", "protokoll", "utgivare"],
  };
  const errors = missing(form, needs[form.steg] ?? ["steg"], label);
  if (errors.size) return { errors };
  const step: FilingStep =
    form.steg === "answered"
      ? { kind: "answered", date: form.datum, by: form.av, ...(form.svar ? { answer: form.svar } : {}) }
      : form.steg === "decided"
        ? {
            kind: "decided",
            date: form.datum,
            decision: form.beslut as "bifall",
            protocol: {
              title: form.protokoll,
              publisher: form.utgivare,
              date: form.datum,
              ...(form.paragraf ? { paragraph: form.paragraf } : {}),
            },
          }
        : { kind: "referred", date: form.datum, committee: form.namnd };
  return { errors, event: { step } };
}

/** A core problem in words: its detail, or each field's message. */
export function problemText(e: unknown): string {
  if (!isMotioneraError(e)) throw e;
  const p = problemFromError(e);
  const fields = (p.errors ?? []).map((x) => `${x.path}: ${x.message}`);
  return fields.length ? fields.join("; ") : (p.detail ?? p.title);
}
