/**
 * Deadlines: a motion's one-year mark (across a year boundary, from a leap day), the last known
 * meeting before it (a summer without meetings), an interpellation's next meeting (across the
 * new year and the summer break), none when no meeting is known, and overdue only while open.
 */
import { describe, expect, it } from "vitest";
import type { CouncilMeeting, Filing, FilingStep } from "../../src/domain/filing.js";
import { deadlineOf, deadlinesOf, oneYearAfter, selectFilings } from "../../src/filings/deadlines.js";

const place = { code: "0186", name: "Lidingö" };
const meeting = (date: string, body = "kommunfullmäktige", code = "0186"): CouncilMeeting => ({
  municipality: { ...place, code },
  date,
  body,
});
const by = { kind: "cli" as const, user: "test" };
function filing(kind: Filing["kind"], filed: string, more: FilingStep[] = [], party = "V"): Filing {
  const steps: FilingStep[] = [{ kind: "filed", date: filed, dnr: "KS 2025/1", body: "kommunfullmäktige" }, ...more];
  return {
    id: `${filed}-${kind}`,
    kind,
    title: "Ett ärende",
    municipality: place,
    signers: [{ name: "Eva Ek", party }],
    events: steps.map((step, i) => ({ seq: i + 1, at: "2026-01-01T00:00:00.000Z", by, step })),
  };
}
// Lidingö's (invented) meeting plan: none in July and August.
const plan = ["2025-11-17", "2025-12-15", "2026-01-26", "2026-03-23", "2026-06-15", "2026-09-14", "2026-10-19"].map(
  (d) => meeting(d),
);

describe("deadlines", () => {
  it("a motion's one-year mark crosses the year; 29 February gives 28 February", () => {
    expect(oneYearAfter("2025-12-15")).toBe("2026-12-15");
    expect(oneYearAfter("2024-02-29")).toBe("2025-02-28");
    const d = deadlineOf(filing("motion", "2025-12-15"), plan, "2026-12-20");
    expect(d).toMatchObject({ rule: "year-mark", due: "2026-12-15", daysLeft: -5, overdue: true });
    expect(d.lastMeetingBefore).toBe("2026-10-19");
  });

  it("a motion filed before the summer: the last meeting before its mark is in June, not in the empty summer", () => {
    const d = deadlineOf(filing("motion", "2025-08-20"), plan, "2026-06-01");
    expect(d).toMatchObject({ due: "2026-08-20", lastMeetingBefore: "2026-06-15", daysLeft: 80, overdue: false });
  });

  it("an interpellation is due at the next meeting after the day it was filed: over new year, over summer", () => {
    expect(deadlineOf(filing("interpellation", "2025-12-16"), plan, "2025-12-20")).toMatchObject({
      rule: "next-meeting",
      due: "2026-01-26",
      daysLeft: 37,
      overdue: false,
    });
    // Filed on a meeting's day: answered at the following one.
    expect(deadlineOf(filing("interpellation", "2026-06-15"), plan, "2026-06-20").due).toBe("2026-09-14");
    expect(deadlineOf(filing("interpellation", "2026-06-20"), plan, "2026-09-15")).toMatchObject({
      due: "2026-09-14",
      daysLeft: -1,
      overdue: true,
    });
  });

  it("no meeting known after the filing: no deadline, never a guess; other bodies and places do not count", () => {
    const others = [meeting("2026-11-01", "kommunstyrelsen"), meeting("2026-11-02", "kommunfullmäktige", "0180")];
    const d = deadlineOf(filing("interpellation", "2026-10-20"), [...plan, ...others], "2026-12-01");
    expect(d).toMatchObject({ rule: "next-meeting", overdue: false });
    expect(d.due).toBeUndefined();
    expect(d.daysLeft).toBeUndefined();
  });

  it("a decided motion and an answered interpellation are closed, never overdue; open ones are listed first", () => {
    const protocol = { title: "Protokoll", publisher: "Lidingö stad", date: "2026-10-21" };
    const decided = filing("motion", "2025-01-10", [
      { kind: "decided", date: "2026-10-19", decision: "avslag", protocol },
    ]);
    const answered = filing("interpellation", "2026-01-02", [{ kind: "answered", date: "2026-01-26", by: "Ordf." }]);
    const open = filing("motion", "2025-12-15", [], "S");
    const list = deadlinesOf([decided, answered, open], plan, "2027-03-01");
    expect(list.map((d) => [d.filing.id, d.status, d.closed, d.overdue])).toEqual([
      [open.id, "inlamnad", false, true],
      [decided.id, "beslutad", true, false],
      [answered.id, "besvarad", true, false],
    ]);
    expect(selectFilings([decided, open], { party: "s" }).map((f) => f.id)).toEqual([open.id]);
    expect(selectFilings([decided, open], { signer: "eva ek", municipality: "0186" })).toHaveLength(2);
    expect(selectFilings([decided, open], { municipality: "0180" })).toEqual([]);
  });
});
