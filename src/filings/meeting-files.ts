/**
 * Meeting dates from a file the user has: a CSV with a "datum" column (and optionally "organ"),
 * comma- or semicolon-separated, or an iCalendar file (each VEVENT's DTSTART; a date-time
 * counts as its day). Every problem names its line; nothing is half-read.
 */
import { parse } from "csv-parse/sync";
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

export function meetingsFromIcs(text: string, file: string, place: Place, body: string): CouncilMeeting[] {
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .replace(/\n[ \t]/g, "")
    .split(/\r?\n/);
  if (!lines.some((l) => l.trim().toUpperCase() === "BEGIN:VCALENDAR")) throw refuse(file, p.icsNotCalendar);
  const out: CouncilMeeting[] = [];
  let inEvent = false;
  lines.forEach((line, i) => {
    const upper = line.toUpperCase();
    if (upper === "BEGIN:VEVENT") inEvent = true;
    else if (upper === "END:VEVENT") inEvent = false;
    else if (inEvent && /^DTSTART[;:]/i.test(line)) {
      const value = line.slice(line.indexOf(":") + 1).trim();
      const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value);
      // A UTC time is a moment: its day is the day in Sweden (23.00Z on 26 January is 27 January there).
      const date = !m
        ? ""
        : m[4]?.endsWith("Z")
          ? todayInSweden(new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4].slice(1, 3)}:${m[4].slice(3, 5)}:00Z`))
          : `${m[1]}-${m[2]}-${m[3]}`;
      if (!isoDateSchema.safeParse(date).success) throw refuse(file, p.icsBadDate(i + 1, value));
      out.push({ municipality: place, date, body });
    }
  });
  if (out.length === 0) throw refuse(file, p.none);
  return out;
}

/** By the file's name: .csv or .ics (.ical, .ifb). */
export function meetingsFromFile(text: string, file: string, place: Place, body: string): CouncilMeeting[] {
  if (/\.csv$/i.test(file)) return meetingsFromCsv(text, file, place, body);
  if (/\.(ics|ical|ifb)$/i.test(file)) return meetingsFromIcs(text, file, place, body);
  throw refuse(file, p.unknownType);
}
