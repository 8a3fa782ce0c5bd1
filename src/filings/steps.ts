/**
 * A filing's steps as they stand now: each recorded step with the latest correction of it
 * applied (the history keeps both), and the status they give.
 */
import type { Filing, FilingEvent, FilingStep } from "../domain/filing.js";

/** A step as it stands: the event that recorded it, and the corrections made to it since, oldest first. */
export interface CurrentStep {
  seq: number;
  step: FilingStep;
  recorded: FilingEvent;
  corrections: readonly FilingEvent[];
}

export function currentSteps(filing: Filing): CurrentStep[] {
  const steps: CurrentStep[] = [];
  for (const e of filing.events) {
    if (e.corrects === undefined) {
      steps.push({ seq: e.seq, step: e.step, recorded: e, corrections: [] });
      continue;
    }
    const at = steps.findIndex((s) => s.seq === e.corrects);
    const target = steps[at];
    if (target) steps[at] = { ...target, step: e.step, corrections: [...target.corrections, e] };
  }
  return steps;
}

/** The step of this kind as it stands (the last one recorded). */
export function stepOf<K extends FilingStep["kind"]>(
  filing: Filing,
  kind: K,
): Extract<FilingStep, { kind: K }> | undefined {
  const found = currentSteps(filing)
    .filter((s) => s.step.kind === kind)
    .at(-1);
  return found?.step as Extract<FilingStep, { kind: K }> | undefined;
}

/** The filing step (always there: the first event). */
export function filedStep(filing: Filing): Extract<FilingStep, { kind: "filed" }> {
  const filed = stepOf(filing, "filed");
  if (!filed) throw new Error(`filing ${filing.id} has no filed step`);
  return filed;
}

export type FilingStatus = "inlamnad" | "remitterad" | "besvarad" | "beslutad";

/** Where it stands: decided, answered, sent for preparation, or only filed. */
export function filingStatus(filing: Filing): FilingStatus {
  const kinds = new Set(currentSteps(filing).map((s) => s.step.kind));
  if (kinds.has("decided")) return "beslutad";
  if (kinds.has("answered")) return "besvarad";
  if (kinds.has("referred")) return "remitterad";
  return "inlamnad";
}

/** Whether nothing more is awaited: a motion decided, an interpellation answered. */
export function isClosed(filing: Filing): boolean {
  const status = filingStatus(filing);
  return filing.kind === "motion" ? status === "beslutad" : status === "besvarad" || status === "beslutad";
}
