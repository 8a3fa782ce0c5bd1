/**
 * The iCalendar feed, read back by a strict RFC 5545 reader (test/filings/ics-strict-parser.ts;
 * no iCalendar library is installed): open deadlines and meetings as all-day events, stable
 * UIDs, Swedish text with commas, semicolons and long lines intact, nothing for closed ones.
 * The reader itself is shown to refuse what breaks the rules. And the feed read back in as
 * meeting dates, like the CSV the user may have instead.
 */
import { describe, expect, it } from "vitest";
import type { Filing } from "../../src/domain/filing.js";
import { deadlineCalendar, foldLine } from "../../src/filings/calendar.js";
import { deadlinesOf } from "../../src/filings/deadlines.js";
import { meetingsFromCsv, meetingsFromFile, meetingsFromIcs } from "../../src/filings/meeting-files.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import { parseIcsStrict, prop } from "./ics-strict-parser.js";

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

  it("parses strictly, with the deadline and the meetings as all-day events", () => {
    const cal = parseIcsStrict(ics);
    expect(prop(cal, "X-WR-CALNAME")).toBe("Motionera: tidsfrister för Eva Ek");
    const events = cal.components.filter((c) => c.name === "VEVENT");
    expect(events.map((e) => [prop(e, "UID"), prop(e, "DTSTART"), prop(e, "DTEND")])).toEqual([
      ["2025-12-15-fler-elever-ettarsgrans@motionera", "20261215", "20261216"],
      ["0186-2026-01-26-kommunfullmaktige@motionera", "20260126", "20260127"],
      ["0186-2026-10-19-kommunfullmaktige@motionera", "20261019", "20261020"],
    ]);
    expect(events[0]!.properties.find((p) => p.name === "DTSTART")!.params).toEqual({ VALUE: "DATE" });
    expect(prop(events[0]!, "SUMMARY")).toBe(
      "Ettårsgräns för motionen ”Fler elever, färre avhopp; en plan för skolan” (dnr KS 2025/0412)",
    );
    expect(prop(events[0]!, "DESCRIPTION")).toContain("Sista kända sammanträdet före ettårsgränsen: 19 oktober 2026.");
    expect(prop(events[1]!, "SUMMARY")).toBe("Sammanträde: kommunfullmäktige i Lidingö");
    expect(ics).not.toContain("2026-01-02-svarad");
  });

  it("folds at 75 octets without splitting a character, and the strict reader refuses what breaks the rules", () => {
    const long = `SUMMARY:${"å".repeat(100)}`;
    const folded = foldLine(long);
    for (const l of folded.split("\r\n")) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
    const bad = [
      ics.replace(/\r\n/g, "\n"),
      ics.replace("VERSION:2.0\r\n", ""),
      ics.replace(/DTSTART;VALUE=DATE:20261215/, "DTSTART;VALUE=DATE:2026-12-15"),
      ics.replace("SUMMARY:Sammanträde: kommunfullmäktige i Lidingö", "SUMMARY:Sammanträde, kommunfullmäktige"),
      ics.replace("END:VEVENT\r\n", ""),
      ics.replace(`${"X-WR-CALNAME"}:`, `X-WR-CALNAME:${"x".repeat(80)}`),
      ics.replace("UID:0186-2026-10-19-kommunfullmaktige@motionera", "UID:0186-2026-01-26-kommunfullmaktige@motionera"),
    ];
    for (const b of bad) expect(() => parseIcsStrict(b)).toThrow();
  });

  it("meeting dates are read back from the feed (.ics) and from a CSV; problems name the line", () => {
    expect(meetingsFromIcs(ics, "f.ics", place, "kommunfullmäktige").map((m) => m.date)).toEqual([
      "2026-12-15",
      "2026-01-26",
      "2026-10-19",
    ]);
    const utc = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260126T230000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    expect(meetingsFromIcs(utc, "f.ics", place, "kommunfullmäktige")[0]!.date).toBe("2026-01-27");
    const csv = "\uFEFFdatum;organ\n2026-01-26;kommunfullmäktige\n2026-02-02;kommunstyrelsen\n";
    expect(meetingsFromCsv(csv, "m.csv", place, "kommunfullmäktige")).toEqual([
      { municipality: place, date: "2026-01-26", body: "kommunfullmäktige" },
      { municipality: place, date: "2026-02-02", body: "kommunstyrelsen" },
    ]);
    const problems: [string, string, RegExp][] = [
      ["datum\n2026-01-26\n26/1 2026\n", "m.csv", /rad 3: "26\/1 2026" är inget datum/],
      ["dag\n2026-01-26\n", "m.csv", /saknar kolumnen "datum"/],
      ["BEGIN:VEVENT\r\nEND:VEVENT\r\n", "m.ics", /ingen iCalendar-fil/],
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
