/**
 * A filing's deadline. Kommunallagen (5 kap. 35 §): a motion should be prepared so that the
 * council can decide on it within a year of its being made — the one-year mark; the last known
 * council meeting before the mark is when that decision can in practice be made. An
 * interpellation should be answered at the meeting after it was handed in (5 kap. 59 §): the
 * first known meeting after the day it was filed. Meeting dates are the user's data; without
 * one after the filing, an interpellation's deadline is unknown, never guessed.
 */
import type { CouncilMeeting, Filing } from "../domain/filing.js";
import { filedStep, filingStatus, isClosed, type FilingStatus } from "./steps.js";

export interface Deadline {
  filing: Filing;
  status: FilingStatus;
  closed: boolean;
  /** "year-mark" for a motion, "next-meeting" for an interpellation. */
  rule: "year-mark" | "next-meeting";
  /** The date by which the step is due; undefined when no meeting date is known. */
  due?: string;
  /** For a motion: the last known meeting on or before the one-year mark. */
  lastMeetingBefore?: string;
  /** Days from `today` to `due` (negative: past); undefined when closed or unknown. */
  daysLeft?: number;
  overdue: boolean;
}

const dayMs = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / dayMs);
}

/** The same date a year later; 29 February → 28 February. */
export function oneYearAfter(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(y + 1).padStart(4, "0")}-${two(m)}-${two(Math.min(d, last))}`;
}

/** The meetings of the body the filing went to, in its municipality, sorted by date. */
export function meetingsFor(filing: Filing, meetings: readonly CouncilMeeting[]): string[] {
  const body = filedStep(filing).body.toLocaleLowerCase("sv");
  return [
    ...new Set(
      meetings
        .filter((m) => m.municipality.code === filing.municipality.code && m.body.toLocaleLowerCase("sv") === body)
        .map((m) => m.date),
    ),
  ].sort();
}

export function deadlineOf(filing: Filing, meetings: readonly CouncilMeeting[], today: string): Deadline {
  const filed = filedStep(filing).date;
  const dates = meetingsFor(filing, meetings);
  const closed = isClosed(filing);
  const base = { filing, status: filingStatus(filing), closed };
  if (filing.kind === "motion") {
    const due = oneYearAfter(filed);
    const lastMeetingBefore = dates.filter((d) => d > filed && d <= due).at(-1);
    return {
      ...base,
      rule: "year-mark",
      due,
      ...(lastMeetingBefore ? { lastMeetingBefore } : {}),
      ...(closed ? {} : { daysLeft: daysBetween(today, due) }),
      overdue: !closed && today > due,
    };
  }
  const due = dates.find((d) => d > filed);
  if (!due) return { ...base, rule: "next-meeting", overdue: false };
  return {
    ...base,
    rule: "next-meeting",
    due,
    ...(closed ? {} : { daysLeft: daysBetween(today, due) }),
    overdue: !closed && today > due,
  };
}

/** Which filings a list, a page or a calendar is about: a signer, a party group, a municipality. */
export interface FilingSelection {
  signer?: string | undefined;
  party?: string | undefined;
  municipality?: string | undefined;
}

const same = (a: string, b: string) => a.localeCompare(b, "sv", { sensitivity: "base" }) === 0;

export function selectFilings(filings: readonly Filing[], s: FilingSelection): Filing[] {
  return filings.filter(
    (f) =>
      (s.municipality === undefined || f.municipality.code === s.municipality) &&
      (s.signer === undefined || f.signers.some((p) => same(p.name, s.signer!))) &&
      (s.party === undefined || f.signers.some((p) => p.party !== undefined && same(p.party, s.party!))),
  );
}

/** The deadlines of the selected filings: open ones first (soonest due first, unknown last), then closed. */
export function deadlinesOf(
  filings: readonly Filing[],
  meetings: readonly CouncilMeeting[],
  today: string,
): Deadline[] {
  const rank = (d: Deadline) => (d.closed ? 2 : d.due === undefined ? 1 : 0);
  return filings
    .map((f) => deadlineOf(f, meetings, today))
    .sort(
      (a, b) =>
        rank(a) - rank(b) || (a.due ?? "9999").localeCompare(b.due ?? "9999") || a.filing.id.localeCompare(b.filing.id),
    );
}
