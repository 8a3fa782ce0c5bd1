/**
 * What a write of filed documents (ärenden) and council meetings means, shared by every store
 * engine so they agree exactly: a new filing's id and first event, the checks on a step or a
 * correction, which meetings are new, and the audit entry of each.
 */
import type { Actor } from "../domain/actor.js";
import { MotioneraError } from "../domain/errors.js";
import {
  newFilingEventSchema,
  newFilingSchema,
  councilMeetingSchema,
  type CouncilMeeting,
  type Filing,
  type NewFiling,
  type NewFilingEvent,
} from "../domain/filing.js";
import type { z } from "../domain/zod.js";
import { slug } from "../lang/slug.js";
import { nearest } from "../lang/nearest.js";
import { problems } from "../messages.sv.js";
import { currentSteps, filedStep } from "../filings/steps.js";
import type { AuditDraft } from "./audit-writes.js";

const invalid = (field: string, problem: string) => new MotioneraError({ code: "input_invalid", field, problem });

function parsed<S extends z.ZodType>(schema: S, value: unknown, prefix = ""): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw invalid([prefix, ...(first?.path.map(String) ?? [])].filter(Boolean).join("."), first?.message ?? "ogiltigt");
}

/** A new filing as stored: validated, named "<filed date>-<title slug>" (with -2, -3 … when taken), its first event. */
export function planFiling(taken: ReadonlySet<string>, input: NewFiling, actor: Actor, now = new Date()): Filing {
  const { filed, ...rest } = parsed(newFilingSchema, input);
  const base = `${filed.date}-${slug(rest.title, 60) || rest.kind}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return { id, ...rest, events: [{ seq: 1, at: now.toISOString(), by: actor, step: filed }] };
}

/** The filing with this id, or filing_unknown with the nearest ids. */
export function filingToChange(filings: readonly Filing[], id: string): Filing {
  const found = filings.find((f) => f.id === id);
  if (found) return found;
  throw new MotioneraError({
    code: "filing_unknown",
    id,
    suggestions: nearest(
      id,
      filings.map((f) => f.id),
      3,
    ),
  });
}

/**
 * The filing with one more event: a step, or a correction of one (`corrects`: its number).
 * Refused with the field named: a second filing or decision (correct it instead), a decision on
 * an interpellation or an answer to a motion, a date before the filing, a correction of a step
 * that is not there or of another kind. A correction that changes nothing returns the filing as it is.
 */
export function planFilingEvent(filing: Filing, input: NewFilingEvent, actor: Actor, now = new Date()): Filing {
  const event = parsed(newFilingEventSchema, input);
  const step = event.step;
  const steps = currentSteps(filing);
  if (event.corrects !== undefined) {
    const target = steps.find((s) => s.seq === event.corrects);
    if (!target)
      throw invalid(
        "corrects",
        problems.filingCorrectsUnknown(
          event.corrects,
          steps.map((s) => s.seq),
        ),
      );
    if (target.step.kind !== step.kind) throw invalid("corrects", problems.filingCorrectsOtherKind(event.corrects));
    if (JSON.stringify(target.step) === JSON.stringify(step)) return filing;
  } else {
    if (step.kind === "filed") throw invalid("step.kind", problems.filingFiledTwice);
    const decided = steps.find((s) => s.step.kind === "decided");
    if (step.kind === "decided" && decided) throw invalid("step.kind", problems.filingDecidedTwice(decided.seq));
  }
  if (step.kind === "decided" && filing.kind === "interpellation")
    throw invalid("step.kind", problems.filingInterpellationDecided);
  if (step.kind === "answered" && filing.kind === "motion") throw invalid("step.kind", problems.filingMotionAnswered);
  const filed = step.kind === "filed" ? step.date : filedStep(filing).date;
  const dates = step.kind === "filed" ? steps.filter((s) => s.step.kind !== "filed").map((s) => s.step.date) : [];
  if (step.kind !== "filed" && step.date < filed) throw invalid("step.date", problems.filingStepBeforeFiled(filed));
  const earliest = dates.sort()[0];
  if (earliest !== undefined && earliest < step.date)
    throw invalid("step.date", problems.filingFiledAfterStep(earliest));
  const seq = (filing.events.at(-1)?.seq ?? 0) + 1;
  return {
    ...filing,
    events: [...filing.events, { seq, at: now.toISOString(), by: actor, ...event }],
  };
}

/** The meetings not yet held (same municipality, date and body), validated, in the order given. */
export function meetingsToAdd(held: readonly CouncilMeeting[], input: readonly CouncilMeeting[]): CouncilMeeting[] {
  const key = (m: CouncilMeeting) => `${m.municipality.code}|${m.date}|${m.body.toLocaleLowerCase("sv")}`;
  const seen = new Set(held.map(key));
  const out: CouncilMeeting[] = [];
  input.forEach((m, i) => {
    const meeting = parsed(councilMeetingSchema, m, String(i));
    if (seen.has(key(meeting))) return;
    seen.add(key(meeting));
    out.push(meeting);
  });
  return out;
}

export const filingAudit = (action: "filing.add" | "filing.step", filing: Filing): AuditDraft => ({
  action,
  ids: [filing.id],
  subjects: [filing.municipality.code],
  at: filing.events.at(-1)!.at,
});

export function meetingsAudit(added: readonly CouncilMeeting[]): AuditDraft | undefined {
  if (added.length === 0) return undefined;
  return {
    action: "meetings.add",
    ids: added.map((m) => `${m.municipality.code}:${m.date}`),
    subjects: added.map((m) => m.municipality.code),
  };
}
