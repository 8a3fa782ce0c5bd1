/**
 * Facts a council decision establishes (an action plan adopted, an agreement signed): each
 * "key=value" the user gives is checked against the fact catalog and made a fact about the
 * filing's municipality, as of the decision's date, with the decision's protocol as its source.
 * Every problem is found before anything is written, so the decision and its facts are recorded
 * together or not at all.
 */
import type { FieldProblem } from "../domain/field-problem.js";
import type { Actor } from "../domain/actor.js";
import type { Filing, FilingStep, NewFilingEvent } from "../domain/filing.js";
import { checkFactEntry } from "../facts/record-fact.js";
import type { FactCatalog } from "../facts/fact-catalog.js";
import { planFilingEvent } from "../store/filing-writes.js";
import type { DecisionEffects, NewFact } from "../store/store.js";
import { decidedMotionRecord } from "./corpus-record.js";
import { decisionFactWords as w } from "./messages.sv.js";

type Decided = Extract<FilingStep, { kind: "decided" }>;

/** "action_plan_sells_sex=ja" → key and value (the value may itself hold "="). */
export function factAssignment(text: string): { key: string; value: string } | undefined {
  const at = text.indexOf("=");
  if (at <= 0) return undefined;
  const key = text.slice(0, at).trim();
  return key ? { key, value: text.slice(at + 1) } : undefined;
}

/**
 * The facts a decision establishes, or every problem with them, each at ["fact", n, …] (n from 0,
 * in the order given).
 */
export function decisionFacts(
  filing: Filing,
  decided: Decided,
  assignments: readonly string[],
  catalog: FactCatalog,
): { facts: NewFact[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const facts: NewFact[] = [];
  const p = decided.protocol;
  const source = {
    title: p.paragraph ? `${p.title}, ${p.paragraph}` : p.title,
    publisher: p.publisher,
    date: p.date,
    ...(p.url ? { url: p.url } : {}),
  };
  assignments.forEach((text, n) => {
    const pair = factAssignment(text);
    if (!pair) {
      problems.push({
        path: ["fact", n],
        details: { code: "fact_invalid", field: "", problem: w.notAssignment(text) },
      });
      return;
    }
    const entry = { subject: filing.municipality.code, key: pair.key, value: pair.value, asOf: decided.date, source };
    const check = checkFactEntry(entry, catalog);
    problems.push(...check.problems.map((q) => ({ ...q, path: ["fact", n, ...q.path] })));
    if (!check.checked) return;
    const { value, asOf } = check.checked;
    facts.push({ subject: entry.subject, key: pair.key, value, asOf, source });
  });
  return { facts, problems };
}

/**
 * Everything a decision brings with it, checked before anything is written (the CLI's `decide` and the web's step
 * form): the filing as the decision leaves it (a step that does not fit throws, naming its field), the facts the
 * "key=value" assignments establish and, with `corpus`, the decided motion's corpus record; the facts' problems
 * at ["fact", n, …]. The store then writes it all in one write (Store.recordDecision).
 */
export function decisionEffects(
  filing: Filing,
  event: NewFilingEvent & { step: Decided },
  actor: Actor,
  assignments: readonly string[],
  corpus: boolean,
  catalog: FactCatalog,
): { planned: Filing; effects: DecisionEffects; problems: FieldProblem[] } {
  const planned = planFilingEvent(filing, event, actor);
  const { facts, problems } = decisionFacts(planned, event.step, assignments, catalog);
  return { planned, effects: { facts, documents: corpus ? [decidedMotionRecord(planned)] : [] }, problems };
}
