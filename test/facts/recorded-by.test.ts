/**
 * The registry as it was held at an instant (a saved draft's facts "as when it was saved"): only the facts
 * recorded by then, whatever period they describe; and which cited facts differ between two compositions.
 */
import { describe, expect, it } from "vitest";
import { citedFactChanges } from "../../src/compose/cited-changes.js";
import type { Fact } from "../../src/domain/fact.js";
import { FactRegistry } from "../../src/facts/registry.js";

const fact = (over: Partial<Fact>): Fact => ({
  id: "0186.sex_trade_detected.2022",
  subject: "0186",
  key: "sex_trade_detected",
  value: { type: "boolean", value: true },
  asOf: "2022",
  source: { title: "Artikel", publisher: "Tidningen", date: "2023-02-21" },
  recordedAt: "2026-01-01T00:00:00.000Z",
  ...over,
});

const old = fact({});
const corrected = fact({
  id: "0186.sex_trade_detected.2022-2",
  value: { type: "boolean", value: false },
  recordedAt: "2026-06-01T12:00:00.000Z",
});
const newer = fact({ id: "0186.sex_trade_detected.2025", asOf: "2025", recordedAt: "2026-06-01T12:00:00.001Z" });

describe("the registry recorded by an instant", () => {
  const registry = new FactRegistry([old, corrected, newer]);

  it("holds only the facts recorded by then, to the millisecond", () => {
    expect(registry.recordedBy("2026-05-31T23:59:59.999Z").latest("0186", "sex_trade_detected")).toEqual(old);
    expect(registry.recordedBy("2026-06-01T12:00:00.000Z").latest("0186", "sex_trade_detected")).toEqual(corrected);
    expect(registry.recordedBy("2026-06-01T12:00:00.001Z").latest("0186", "sex_trade_detected")).toEqual(newer);
    expect(registry.recordedBy("2025-12-31T23:59:59.999Z").latest("0186", "sex_trade_detected")).toBeUndefined();
  });

  it("names the cited facts that differ: another value, cited only then, cited only now", () => {
    const cite = (f: Fact) => ({ fact: f, subjectName: "Lidingö" });
    const other = fact({ id: "0186.population.2024", key: "population", value: { type: "number", value: 1 } });
    const third = fact({ id: "0180.population.2024", subject: "0180", key: "population" });
    const changes = citedFactChanges([cite(old), cite(other)], [cite(newer), cite(other), cite(third)]);
    expect(changes.map((c) => [c.subject, c.key, c.before?.id, c.after?.id])).toEqual([
      ["0186", "sex_trade_detected", old.id, newer.id],
      ["0180", "population", undefined, third.id],
    ]);
    expect(citedFactChanges([cite(old)], [])).toMatchObject([{ before: old }]);
    expect(citedFactChanges([cite(old)], [cite(old)])).toEqual([]);
  });
});
