/**
 * Reads an iCalendar feed back with ical.js (Mozilla's iCalendar library), after checking the two
 * line rules of RFC 5545 a lenient reader does not: every line ends in CRLF and none is longer
 * than 75 octets. Throws on anything ical.js cannot read.
 */
import ICAL from "ical.js";

export interface ReadEvent {
  uid: string;
  /** DTSTART and DTEND as ical.js reads them ("2026-12-15" for a day). */
  start: string;
  end: string;
  allDay: boolean;
  summary: string;
  description: string;
}

export function readIcs(text: string): { calendar: ICAL.Component; name: string; events: ReadEvent[] } {
  if (!text.endsWith("\r\n") || /[^\r]\n/.test(text)) throw new Error("a line does not end in CRLF");
  const long = text.split("\r\n").find((l) => Buffer.byteLength(l, "utf8") > 75);
  if (long !== undefined) throw new Error(`a line is longer than 75 octets: ${long}`);
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  if (calendar.name !== "vcalendar") throw new Error(`not a calendar: ${calendar.name}`);
  const events = calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate,
      summary: e.summary,
      description: e.description,
    };
  });
  return { calendar, name: String(calendar.getFirstPropertyValue("x-wr-calname") ?? ""), events };
}
