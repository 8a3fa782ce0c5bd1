/**
 * The two staff forms of the ärenden pages read into what the store takes: "Markera som inlämnad"
 * (a NewFiling) and "Lägg till ett steg" (a NewFilingEvent). Empty required fields are reported
 * here at their field; everything else is the store's to check (filing-writes.ts), as for the CLI.
 */
import { findMunicipality } from "../../../data/places.js";
import type { Filing, FilingStep, NewFiling, NewFilingEvent } from "../../../domain/filing.js";
import { currentSteps } from "../../../filings/steps.js";
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
  "rattar",
  "skal",
  "datum",
  "namnd",
  "av",
  "svar",
  "beslut",
  "protokoll",
  "utgivare",
  "paragraf",
  "dnr",
  "organ",
  "korpus",
] as const;
export type StepField = (typeof stepFields)[number];
/** A fact row of a decision: the key chosen and its value, as typed. */
export interface FactRow {
  nyckel: string;
  varde: string;
}
export type StepForm = Record<StepField, string> & { fakta: FactRow[] };
/** How many fact rows a decision offers (a form without script cannot add rows). */
export const factRowCount = 2;
/** A fact row's field names: "fakta-0-nyckel", "fakta-0-varde". */
export const factField = (n: number, k: keyof FactRow) => `fakta-${n}-${k}`;

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
  const fakta = Array.from({ length: factRowCount }, (_, n) => ({
    nyckel: lastValue(src, factField(n, "nyckel")).trim(),
    varde: lastValue(src, factField(n, "varde")).trim(),
  }));
  return { ...form, steg: form.steg || "referred", fakta };
};

export const emptyStepForm = (): StepForm => ({
  ...(Object.fromEntries(stepFields.map((k) => [k, ""])) as Record<StepField, string>),
  steg: "referred",
  fakta: Array.from({ length: factRowCount }, () => ({ nyckel: "", varde: "" })),
});

/** A recorded step as the form's fields, so a correction keeps what the user leaves empty. */
function stepValues(step: FilingStep): Partial<Record<StepField, string>> {
  switch (step.kind) {
    case "filed":
      return { steg: "filed", datum: step.date, dnr: step.dnr, organ: step.body };
    case "referred":
      return { steg: "referred", datum: step.date, namnd: step.committee };
    case "answered":
      return { steg: "answered", datum: step.date, av: step.by, svar: step.answer ?? "" };
    case "decided":
      return {
        steg: "decided",
        datum: step.date,
        beslut: step.decision,
        protokoll: step.protocol.title,
        utgivare: step.protocol.publisher,
        paragraf: step.protocol.paragraph ?? "",
      };
  }
}

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

/**
 * The step the form describes (only the chosen kind's fields are read), or the problems at their
 * fields. A correction ("Rättar": a current step of the filing) takes the kind of the step it
 * corrects, and that step's values where the form is left empty.
 */
export function checkStepForm(form: StepForm, filing: Filing): { errors: FieldErrors; event?: NewFilingEvent } {
  const label = (k: StepField) => t.stepForm.fields[k].label;
  let filled = form;
  let corrects: number | undefined;
  if (form.rattar) {
    const target = currentSteps(filing).find((s) => String(s.seq) === form.rattar);
    if (!target) return { errors: new Map([["rattar", { text: t.errors.notStep, label: label("rattar") }]]) };
    corrects = target.seq;
    const given = Object.fromEntries(Object.entries(form).filter(([k, v]) => k !== "steg" && v !== ""));
    filled = { ...form, ...stepValues(target.step), ...given } as StepForm;
  }
  const needs: Record<string, StepField[]> = {
    filed: ["datum", "dnr", "organ"],
    referred: ["datum", "namnd"],
    answered: ["datum", "av"],
    decided: ["datum", "beslut", "protokoll", "utgivare"],
  };
  const errors = missing(filled, needs[filled.steg] ?? ["steg"], label);
  if (errors.size) return { errors };
  const f = filled;
  const step: FilingStep =
    f.steg === "filed"
      ? { kind: "filed", date: f.datum, dnr: f.dnr, body: f.organ }
      : f.steg === "answered"
        ? { kind: "answered", date: f.datum, by: f.av, ...(f.svar ? { answer: f.svar } : {}) }
        : f.steg === "decided"
          ? {
              kind: "decided",
              date: f.datum,
              decision: f.beslut as "bifall",
              protocol: {
                title: f.protokoll,
                publisher: f.utgivare,
                date: f.datum,
                ...(f.paragraf ? { paragraph: f.paragraf } : {}),
              },
            }
          : { kind: "referred", date: f.datum, committee: f.namnd };
  return {
    errors,
    event: {
      step,
      ...(corrects !== undefined ? { corrects } : {}),
      ...(corrects !== undefined && form.skal ? { reason: form.skal } : {}),
    },
  };
}

/** The store's fields (filing-writes.ts) → the step form's. */
const stepFieldOf: Record<string, StepField> = {
  corrects: "rattar",
  reason: "skal",
  "step.kind": "steg",
  "step.date": "datum",
  "step.dnr": "dnr",
  "step.body": "organ",
  "step.committee": "namnd",
  "step.by": "av",
  "step.answer": "svar",
  "step.decision": "beslut",
  "step.protocol.title": "protokoll",
  "step.protocol.publisher": "utgivare",
  "step.protocol.paragraph": "paragraf",
};

/** A store's refusal of a step at its field ("form" when it names none the form has). */
export function stepProblem(e: unknown): FieldErrors {
  if (isMotioneraError(e) && e.details.code === "input_invalid") {
    const k = stepFieldOf[e.details.field];
    if (k) return new Map([[k, { text: e.details.problem, label: t.stepForm.fields[k].label }]]);
  }
  return new Map([["form", { text: problemText(e) }]]);
}

/** A core problem in words: its detail, or each field's message. */
export function problemText(e: unknown): string {
  if (!isMotioneraError(e)) throw e;
  const p = problemFromError(e);
  const fields = (p.errors ?? []).map((x) => `${x.path}: ${x.message}`);
  return fields.length ? fields.join("; ") : (p.detail ?? p.title);
}
