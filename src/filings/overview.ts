/** A deadline as lists give it (the command line's `--json`, the web): plain fields, nothing to compute. */
import type { Deadline } from "./deadlines.js";
import { filedStep } from "./steps.js";

export function deadlineRow(d: Deadline) {
  const filed = filedStep(d.filing);
  return {
    id: d.filing.id,
    kind: d.filing.kind,
    title: d.filing.title,
    municipality: d.filing.municipality,
    signers: d.filing.signers,
    dnr: filed.dnr,
    filed: filed.date,
    body: filed.body,
    status: d.status,
    closed: d.closed,
    rule: d.rule,
    due: d.due ?? null,
    lastMeetingBefore: d.lastMeetingBefore ?? null,
    daysLeft: d.daysLeft ?? null,
    overdue: d.overdue,
  };
}
export type DeadlineRow = ReturnType<typeof deadlineRow>;
