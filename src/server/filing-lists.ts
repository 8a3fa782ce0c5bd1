/**
 * What the ärenden pages and /api/filings list: the filings a selection names (municipality,
 * signer, party group) as the rows of `motionera arenden --json`, and the calendar feed of the
 * same selection with the meetings of their municipalities — the CLI's steps, through src/filings.
 */
import { findMunicipality } from "../data/places.js";
import { deadlineCalendar } from "../filings/calendar.js";
import { deadlinesOf, selectFilings } from "../filings/deadlines.js";
import { deadlineRow, type DeadlineRow } from "../filings/overview.js";
import { todayInSweden } from "../lang/dates.js";
import type { Store } from "../store/store.js";
import { sv } from "./messages.sv.js";

export interface FilingQuery {
  /** A municipality's name or code. */
  kommun?: string | undefined;
  undertecknare?: string | undefined;
  parti?: string | undefined;
  /** The day days are counted from (default: today in Sweden). */
  idag?: string | undefined;
}

async function chosen(store: Store, q: FilingQuery) {
  const place = q.kommun ? findMunicipality(q.kommun) : undefined;
  const filings = selectFilings(await store.filings(), {
    signer: q.undertecknare,
    party: q.parti,
    municipality: place?.code,
  });
  const codes = new Set(filings.map((f) => f.municipality.code));
  const meetings = (await store.meetings()).filter(
    (m) => codes.has(m.municipality.code) || m.municipality.code === place?.code,
  );
  return { place, filings, meetings, deadlines: deadlinesOf(filings, meetings, q.idag ?? todayInSweden()) };
}

export async function filingRows(store: Store, q: FilingQuery): Promise<DeadlineRow[]> {
  return (await chosen(store, q)).deadlines.map(deadlineRow);
}

export async function filingCalendar(store: Store, q: FilingQuery): Promise<string> {
  const { place, meetings, deadlines } = await chosen(store, q);
  const who = sv.filings.calendarWho({
    ...(q.undertecknare ? { signer: q.undertecknare } : {}),
    ...(q.parti ? { party: q.parti } : {}),
    ...(place ? { place: place.name } : {}),
  });
  return deadlineCalendar(deadlines, meetings, who);
}
