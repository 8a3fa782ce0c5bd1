/**
 * An iCalendar feed (RFC 5545) of deadlines and council meetings, so they appear in the
 * calendar people already use: one all-day VEVENT per open deadline and per meeting, with a
 * stable UID (a feed read again updates its events instead of adding them twice), TEXT values
 * escaped, lines folded at 75 octets (never inside a UTF-8 character), CRLF line endings.
 */
import type { CouncilMeeting } from "../domain/filing.js";
import { slug } from "../lang/slug.js";
import type { Deadline } from "./deadlines.js";
import { calendarWords, filingWords } from "./messages.sv.js";
import { filedStep } from "./steps.js";

/** A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function icsText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** One content line folded at 75 octets: CRLF and a space before each continuation. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    // The first line holds 75 octets; a continuation 74 after its leading space.
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const compact = (iso: string) => iso.replace(/-/g, "");
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stampOf = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

function event(uid: string, date: string, summary: string, description: string, stamp: string): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compact(date)}`,
    `DTEND;VALUE=DATE:${compact(nextDay(date))}`,
    `SUMMARY:${icsText(summary)}`,
    `DESCRIPTION:${icsText(description)}`,
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/** The feed: the open deadlines with a date, then the meetings; `who` names the calendar ("Eva Ek", "V i Lidingö"). */
export function deadlineCalendar(
  deadlines: readonly Deadline[],
  meetings: readonly CouncilMeeting[],
  who: string,
  now: Date = new Date(),
): string {
  const stamp = stampOf(now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Motionera//Tidsfrister för ärenden//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(calendarWords.calendarName(who))}`,
  ];
  for (const d of deadlines) {
    if (d.closed || d.due === undefined) continue;
    const filed = filedStep(d.filing);
    const status = calendarWords.status(filingWords.status[d.status]);
    if (d.rule === "year-mark")
      lines.push(
        ...event(
          `${d.filing.id}-ettarsgrans@motionera`,
          d.due,
          calendarWords.yearMark(d.filing.title, filed.dnr),
          `${calendarWords.yearMarkDescription(filed.date, filed.body, d.lastMeetingBefore)} ${status}`,
          stamp,
        ),
      );
    else
      lines.push(
        ...event(
          `${d.filing.id}-svar@motionera`,
          d.due,
          calendarWords.answerDue(d.filing.title, filed.dnr),
          `${calendarWords.answerDueDescription(filed.date, filed.body)} ${status}`,
          stamp,
        ),
      );
  }
  for (const m of meetings) {
    const what = calendarWords.meeting(m.body, m.municipality.name);
    lines.push(...event(`${m.municipality.code}-${m.date}-${slug(m.body, 40)}@motionera`, m.date, what, what, stamp));
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
