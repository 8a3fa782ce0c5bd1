/**
 * The follow-up interpellation of a filed document, drafted in one step: the document itself
 * (its date and diary number) and each step of its history become records the draft cites as
 * sources (CitedRecord, {{records}} in templates/interpellation/uppfoljning-arende.hbs), and the
 * title, the status paragraph and the questions follow from where it stands against its deadline.
 * A decided motion that was approved is followed up on what became of the decision; any other
 * closed document has nothing to follow up.
 */
import type { CitedRecord } from "../domain/draft.js";
import { MotioneraError } from "../domain/errors.js";
import type { Filing } from "../domain/filing.js";
import type { Source } from "../domain/fact.js";
import type { Deadline } from "./deadlines.js";
import { filingWords, followUpWords as w } from "./messages.sv.js";
import { currentSteps, filedStep } from "./steps.js";

/** The id of the follow-up template (templates/interpellation/uppfoljning-arende.hbs). */
export const followUpTemplate = "uppfoljning-arende";

/** The filed document and each step as it stands (corrections applied), as records to cite. */
export function followUpRecords(filing: Filing, municipalityName: string): CitedRecord[] {
  const filed = filedStep(filing);
  const definite = filingWords.kindDefinite[filing.kind];
  const parties = [...new Set(filing.signers.flatMap((s) => (s.party ? [s.party] : [])))];
  const signers = filing.signers.map((s) => (s.party ? `${s.name} (${s.party})` : s.name)).join(" och ");
  return currentSteps(filing).map(({ seq, step }): CitedRecord => {
    const id = seq === 1 ? "filed" : `step-${seq}`;
    switch (step.kind) {
      case "filed": {
        const source: Source = { title: filing.title, publisher: signers, date: step.date };
        if (parties.length) source.parties = parties;
        return {
          id,
          label: w.filedLabel(filingWords.kind[filing.kind], step.dnr, step.body),
          sentence: w.filedSentence(definite, filing.title, step.body, step.date, step.dnr),
          source,
        };
      }
      case "referred":
        return {
          id,
          label: w.referredLabel(filed.dnr, step.committee),
          sentence: w.referredSentence(definite, step.committee, step.date),
          source: { publisher: municipalityName, date: step.date },
        };
      case "answered":
        return {
          id,
          label: w.answeredLabel(filed.dnr),
          sentence: w.answeredSentence(step.by, step.date),
          source: {
            publisher: step.by,
            date: step.date,
            ...(step.file && /^https?:\/\//.test(step.file) ? { url: step.file } : {}),
          },
        };
      default:
        // The decision (the last kind of step).
        return {
          id,
          label: w.decidedLabel(filed.dnr, step.protocol.paragraph),
          sentence: w.decidedSentence(filingWords.decisionPhrase[step.decision], step.date),
          source: {
            title: step.protocol.title,
            publisher: step.protocol.publisher,
            date: step.protocol.date,
            ...(step.protocol.url ? { url: step.protocol.url } : {}),
          },
        };
    }
  });
}

/** The template's inputs for this deadline: title, status paragraph, questions (the addressee is the user's). */
export function followUpInputs(d: Deadline): { title: string; status: string; questions: string } {
  const f = d.filing;
  const decided = currentSteps(f).find((s) => s.step.kind === "decided")?.step;
  if (decided?.kind === "decided") {
    if (decided.decision !== "bifall")
      throw new MotioneraError({
        code: "input_invalid",
        field: "id",
        problem: w.closed(filingWords.decision[decided.decision]),
      });
    return { title: w.titleDecided(f.title), status: w.decidedStatus, questions: w.questionsDecided };
  }
  if (d.closed)
    throw new MotioneraError({ code: "input_invalid", field: "id", problem: w.closed(filingWords.status[d.status]) });
  if (f.kind === "motion")
    return {
      title: w.titleMotion(f.title),
      status: d.overdue ? w.motionPassed(d.due!) : w.motionComing(d.due!),
      questions: w.questionsMotion(d.overdue),
    };
  return {
    title: w.titleInterpellation(f.title),
    status: d.overdue && d.due ? w.interpellationPassed(d.due) : w.interpellationOpen,
    questions: w.questionsInterpellation(d.overdue),
  };
}
