/**
 * The iCalendar feed, read back by ical.js with the RFC 5545 line rules checked (test/helpers/ical.ts):
 * open deadlines and meetings as all-day events, stable UIDs, Swedish text with commas, semicolons
 * and long lines intact, nothing for closed ones; a broken feed refused. And the feed read back in
 * as meeting dates (also through ical.js, with a recurring meeting and a time zone), like the CSV
 * the user may have instead.
 */
import { describe, expect, it } from "vitest";
import type { Filing } from "../../src/domain/filing.js";
import { deadlineCalendar, foldLine } from "../../src/filings/calendar.js";
import { deadlinesOf } from "../../src/filings/deadlines.js";
import { meetingsFromCsv, meetingsFromFile, meetingsFromIcs } from "../../src/filings/meeting-files.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import { readIcs } from "../helpers/ical.js";

const place = { code: "0186", name: "Lidingö" };
const by = { kind: "cli" as const, user: "test" };
const motion: Filing = {
  id: "2025-12-15-fler-elever",
  kind: "motion",
  title: "Fler elever, färre avhopp; en plan för skolan",
  municipality: place,
  signers: [{ name: "Eva Ek", party: "V" }],
  events: [
    {
      seq: 1,
      at: "2025-12-15T10:00:00.000Z",
      by,
      step: { kind: "filed", date: "2025-12-15", dnr: "KS 2025/0412", body: "kommunfullmäktige" },
    },
  ],
};
const answered: Filing = {
  ...motion,
  id: "2026-01-02-svarad",
  kind: "interpellation",
  events: [
    {
      seq: 1,
      at: "2026-01-02T10:00:00.000Z",
      by,
      step: { kind: "filed", date: "2026-01-02", dnr: "KS 2026/1", body: "kommunfullmäktige" },
    },
    { seq: 2, at: "2026-01-27T10:00:00.000Z", by, step: { kind: "answered", date: "2026-01-26", by: "Ordföranden" } },
  ],
};
const meetings = ["2026-01-26", "2026-10-19"].map((date) => ({ municipality: place, date, body: "kommunfullmäktige" }));

describe("the iCalendar feed", () => {
  const ics = deadlineCalendar(
    deadlinesOf([motion, answered], meetings, "2026-02-01"),
    meetings,
    "Eva Ek",
    new Date("2026-02-01T08:00:00Z"),
  );

  it("reads back with ical.js: the deadline and the meetings as all-day events", () => {
    const cal = readIcs(ics);
    expect(cal.name).toBe("Motionera: tidsfrister för Eva Ek");
    expect(cal.calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.events.map((e) => [e.uid, e.start, e.end, e.allDay])).toEqual([
      ["2025-12-15-fler-elever-ettarsgrans@motionera", "2026-12-15", "2026-12-16", true],
      ["0186-2026-01-26-kommunfullmaktige@motionera", "2026-01-26", "2026-01-27", true],
      ["0186-2026-10-19-kommunfullmaktige@motionera", "2026-10-19", "2026-10-20", true],
    ]);
    // Commas and semicolons come back unescaped, the long lines unfolded.
    expect(cal.events[0]!.summary).toBe(
      "Ettårsgräns för motionen ”Fler elever, färre avhopp; en plan för skolan” (dnr KS 2025/0412)",
    );
    expect(cal.events[0]!.description).toContain("Sista kända sammanträdet före ettårsgränsen: 19 oktober 2026.");
    expect(cal.events[1]!.summary).toBe("Sammanträde: kommunfullmäktige i Lidingö");
    expect(ics).not.toContain("2026-01-02-svarad");
  });

  it("folds at 75 octets without splitting a character; a broken feed is refused by the reader", () => {
    const long = `SUMMARY:${"å".repeat(100)}`;
    const folded = foldLine(long);
    for (const l of folded.split("\r\n")) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
    const bad = [
      ics.replace(/\r\n/g, "\n"),
      ics.replace("END:VEVENT\r\n", ""),
      ics.replace("SUMMARY:Sammanträde: kommunfullmäktige i Lidingö", "Sammanträde i Lidingö"),
      ics.replace(`${"X-WR-CALNAME"}:`, `X-WR-CALNAME:${"x".repeat(80)}`),
    ];
    for (const b of bad) expect(() => readIcs(b)).toThrow();
  });

  it("meeting dates are read back from the feed (.ics) and from a CSV; problems name the line", () => {
    expect(meetingsFromIcs(ics, "f.ics", place, "kommunfullmäktige").map((m) => m.date)).toEqual([
      "2026-12-15",
      "2026-01-26",
      "2026-10-19",
    ]);
    const utc = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260126T230000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    expect(meetingsFromIcs(utc, "f.ics", place, "kommunfullmäktige")[0]!.date).toBe("2026-01-27");
    // A local time in a named zone counts as its own day; a monthly series gives each meeting.
    const series =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:kf\r\nDTSTART;TZID=Europe/Stockholm:20260126T180000\r\n" +
      "RRULE:FREQ=MONTHLY;COUNT=3\r\nSUMMARY:Kommunfullmäktige\\, sammanträde\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    expect(meetingsFromIcs(series, "f.ics", place, "kommunfullmäktige").map((m) => m.date)).toEqual([
      "2026-01-26",
      "2026-02-26",
      "2026-03-26",
    ]);
    const csv = "\uFEFFdatum;organ\n2026-01-26;kommunfullmäktige\n2026-02-02;kommunstyrelsen\n";
    expect(meetingsFromCsv(csv, "m.csv", place, "kommunfullmäktige")).toEqual([
      { municipality: place, date: "2026-01-26", body: "kommunfullmäktige" },
      { municipality: place, date: "2026-02-02", body: "kommunstyrelsen" },
    ]);
    const problems: [string, string, RegExp][] = [
      ["datum\n2026-01-26\n26/1 2026\n", "m.csv", /rad 3: "26\/1 2026" är inget datum/],
      ["dag\n2026-01-26\n", "m.csv", /saknar kolumnen "datum"/],
      ["BEGIN:VEVENT\r\nEND:VEVENT\r\n", "m.ics", /ingen iCalendar-fil/],
      ["BEGIN:VCALENDAR\r\nhej\r\nEND:VCALENDAR\r\n", "m.ics", /går inte att läsa som iCalendar \(.*hej/],
      [
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261345\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "m.ics",
        /händelse 1: DTSTART "2026-13-45" är inget datum/,
      ],
      ["datum\n", "m.csv", /inga sammanträden/],
      ["x", "m.txt", /\.csv- eller \.ics-fil/],
    ];
    for (const [text, file, problem] of problems) {
      try {
        meetingsFromFile(text, file, place, "kommunfullmäktige");
        throw new Error(`accepted ${file}`);
      } catch (e) {
        expect(isMotioneraError(e) && e.details.code === "input_invalid" && e.details.problem).toMatch(problem);
      }
    }
  });
});
