/**
 * What a decision brings with it on the step form: "Lägg till beslutet i korpusen" (a motion only)
 * and the facts it establishes (each key of the catalog with its value, about the municipality as of
 * the decision, with the protocol as source), checked by the core's decisionEffects as the CLI's are. Every problem
 * is found before anything is written, each at its field.
 */
import type { Actor } from "../../../domain/actor.js";
import { MotioneraError } from "../../../domain/errors.js";
import type { FieldProblem } from "../../../domain/field-problem.js";
import type { Filing, NewFilingEvent } from "../../../domain/filing.js";
import type { FactCatalog } from "../../../facts/fact-catalog.js";
import { decisionEffects } from "../../../filings/decision-facts.js";
import type { DecisionEffects } from "../../../store/store.js";
import { sv } from "../../messages.sv.js";
import type { FieldErrors } from "../kit/form.js";
import { factField, problemText, stepProblem, type StepForm } from "./forms.js";

const t = sv.filings;

const rowLabel = (n: number, k: "nyckel" | "varde") => t.stepForm.factLabel(n + 1, k);

/** A fact's problem in the form's words. */
function factProblemText(p: FieldProblem): string {
  const d = p.details;
  if (d.code === "fact_invalid" || d.code === "input_invalid") return d.problem;
  if (d.code === "unknown_fact_key") return sv.addFact.errors.keyUnknown(d.key);
  return problemText(new MotioneraError(d));
}

/** The corpus record and facts the form asks to record with this step, or the problems at their fields. */
export function checkDecisionEffects(
  form: StepForm,
  event: NewFilingEvent,
  filing: Filing,
  actor: Actor,
  catalog: FactCatalog,
): { errors: FieldErrors; effects?: DecisionEffects } {
  const errors: FieldErrors = new Map();
  const rows = form.fakta.map((r, n) => ({ ...r, n })).filter((r) => r.nyckel || r.varde);
  const step = event.step;
  if (step.kind !== "decided") {
    if (form.korpus) errors.set("korpus", { text: t.errors.corpusMotion, label: t.stepForm.fields.korpus.label });
    for (const r of rows)
      errors.set(factField(r.n, "nyckel"), { text: t.errors.factNeedsDecision, label: rowLabel(r.n, "nyckel") });
    return { errors };
  }
  for (const r of rows) {
    if (!r.nyckel) errors.set(factField(r.n, "nyckel"), { text: t.errors.factKey, label: rowLabel(r.n, "nyckel") });
    if (!r.varde) errors.set(factField(r.n, "varde"), { text: t.errors.factValue, label: rowLabel(r.n, "varde") });
  }
  if (form.korpus && filing.kind !== "motion")
    errors.set("korpus", { text: t.errors.corpusMotion, label: t.stepForm.fields.korpus.label });
  // The complete rows are checked even when another row lacks its key or value: every problem at once.
  const complete = rows.filter((r) => r.nyckel && r.varde);
  const given = complete.map((r) => `${r.nyckel}=${r.varde}`);
  const corpus = Boolean(form.korpus) && filing.kind === "motion";
  let checked: ReturnType<typeof decisionEffects>;
  try {
    checked = decisionEffects(filing, { ...event, step }, actor, given, corpus, catalog);
  } catch (e) {
    return { errors: new Map([...stepProblem(e), ...errors]) };
  }
  const { effects, problems } = checked;
  for (const p of problems) {
    const row = complete[Number(p.path[1])];
    if (!row) continue;
    const k = p.path[2] === "key" ? "nyckel" : "varde";
    if (!errors.has(factField(row.n, k)))
      errors.set(factField(row.n, k), { text: factProblemText(p), label: rowLabel(row.n, k) });
  }
  if (errors.size) return { errors };
  return { errors, effects };
}
