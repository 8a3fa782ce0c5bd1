/**
 * Meeting dates from a file the user has: a CSV with a "datum" column (and optionally "organ"),
 * comma- or semicolon-separated, or an iCalendar file read with ical.js (each VEVENT's DTSTART,
 * each occurrence of a recurring one; a date-time counts as its day). Every problem names its line
 * or event; nothing is half-read.
 */
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { MotioneraError } from "../domain/errors.js";
import type { CouncilMeeting } from "../domain/filing.js";
import { isoDateSchema } from "../domain/partial-date.js";
import { todayInSweden } from "../lang/dates.js";
import { meetingFileProblems as p } from "./messages.sv.js";

type Place = CouncilMeeting["municipality"];

const refuse = (file: string, problem: string) => new MotioneraError({ code: "input_invalid", field: file, problem });

export function meetingsFromCsv(text: string, file: string, place: Place, body: string): CouncilMeeting[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: [",", ";"],
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    throw refuse(file, p.csvUnreadable((e as Error).message.slice(0, 200)));
  }
  if (rows.length > 0 && !("datum" in rows[0]!)) throw refuse(file, p.csvNoDate);
  const out = rows.map((r, i) => {
    const date = r.datum ?? "";
    if (!isoDateSchema.safeParse(date).success) throw refuse(file, p.csvBadDate(i + 2, date));
    return { municipality: place, date, body: r.organ || body };
  });
  if (out.length === 0) throw refuse(file, p.none);
  return out;
}

/** Occurrences of one recurring meeting read at most (a weekly series over years is not a council's calendar). */
const maxOccurrences = 200;

/**
 * Each VEVENT's start as a day, read with ical.js (line folding, escapes, the structure); a
 * recurring event (RRULE) gives each occurrence up to `maxOccurrences`. The start's own text is
 * checked as a date, since ical.js rolls an impossible date (13th month) over into the next year.
 */
export function meetingsFromIcs(text: string, file: string, place: Place, body: string): CouncilMeeting[] {
  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(text.replace(/^\uFEFF/, ""));
    root = new ICAL.Component((Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[]);
  } catch (e) {
    throw refuse(file, p.icsUnreadable((e as Error).message.slice(0, 200)));
  }
  if (root.name !== "vcalendar") throw refuse(file, p.icsNotCalendar);
  const out: CouncilMeeting[] = [];
  root.getAllSubcomponents("vevent").forEach((vevent, i) => {
    const start = vevent.getFirstProperty("dtstart");
    if (!start) return;
    const raw = String(start.toJSON()[3] ?? "");
    const first = dayOf(raw);
    if (!first) throw refuse(file, p.icsBadDate(i + 1, raw));
    const days = [first];
    if (vevent.hasProperty("rrule")) {
      const it = new ICAL.Event(vevent).iterator();
      it.next(); // the first occurrence is the start itself
      for (let n = 1, t = it.next(); t && n < maxOccurrences; n++, t = it.next()) days.push(dayOf(t.toString())!);
    }
    for (const date of days) out.push({ municipality: place, date, body });
  });
  if (out.length === 0) throw refuse(file, p.none);
  return out;
}

/**
 * The day of a start as jCal writes it ("2026-01-26", "2026-01-26T18:00:00", "…Z"); a UTC time
 * is a moment, its day the day in Sweden (23.00Z on 26 January is 27 January there).
 */
function dayOf(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(Z)?)?$/.exec(value);
  if (!m || !isoDateSchema.safeParse(m[1]).success) return undefined;
  return m[3] ? todayInSweden(new Date(value)) : m[1];
}

/** By the file's name: .csv or .ics (.ical, .ifb). */
export function meetingsFromFile(text: string, file: string, place: Place, body: string): CouncilMeeting[] {
  if (/\.csv$/i.test(file)) return meetingsFromCsv(text, file, place, body);
  if (/\.(ics|ical|ifb)$/i.test(file)) return meetingsFromIcs(text, file, place, body);
  throw refuse(file, p.unknownType);
}
