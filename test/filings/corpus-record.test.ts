/** A decided motion becomes a valid corpus record with its outcome, the protocol as source; an undecided one not. */
import { describe, expect, it } from "vitest";
import { corpusDocumentSchema } from "../../src/domain/corpus-document.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import type { Filing } from "../../src/domain/filing.js";
import { decidedMotionRecord } from "../../src/filings/corpus-record.js";

const by = { kind: "cli" as const, user: "test" };
const protocol = { title: "Protokoll kommunfullmäktige 2026-10-19", publisher: "Lidingö stad", date: "2026-10-21" };
const filing: Filing = {
  id: "2025-11-24-fler-elever",
  kind: "motion",
  title: "Fler elever ska klara grundskolan",
  municipality: { code: "0186", name: "Lidingö" },
  signers: [{ name: "Eva Ek", party: "V" }],
  events: [
    {
      seq: 1,
      at: "2025-11-24T10:00:00.000Z",
      by,
      step: { kind: "filed", date: "2025-11-24", dnr: "KS 2025/0412", body: "kommunfullmäktige" },
    },
    {
      seq: 2,
      at: "2025-12-02T10:00:00.000Z",
      by,
      step: { kind: "referred", date: "2025-12-01", committee: "utbildningsnämnden" },
    },
  ],
};

describe("a decided motion into the corpus", () => {
  it("gives a valid record with the outcome, the dnr and the protocol as source", () => {
    const decided: Filing = {
      ...filing,
      events: [
        ...filing.events,
        {
          seq: 3,
          at: "2026-10-22T10:00:00.000Z",
          by,
          step: { kind: "decided", date: "2026-10-19", decision: "bifall", protocol },
        },
      ],
    };
    const record = corpusDocumentSchema.parse(decidedMotionRecord(decided));
    expect(record).toMatchObject({
      id: "lidingo-2025-11-24-fler-elever",
      kind: "motion",
      county: { code: "01", name: "Stockholms län" },
      parties: ["V"],
      designation: "KS 2025/0412",
      committee: "utbildningsnämnden",
      source: { title: protocol.title, publisher: "Lidingö stad", date: "2026-10-21" },
    });
    expect(record.summary).toBe(
      "Motionen lämnades in till kommunfullmäktige den 24 november 2025 (dnr KS 2025/0412) och remitterades till " +
        "utbildningsnämnden. Den 19 oktober 2026 beslutade kommunfullmäktige: bifall.",
    );
  });

  it("refuses a motion not yet decided", () => {
    try {
      decidedMotionRecord(filing);
      throw new Error("accepted");
    } catch (e) {
      expect(isMotioneraError(e) && e.details.code === "input_invalid" && e.details.problem).toMatch(/inte beslutad/);
    }
  });
});
