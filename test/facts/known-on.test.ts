import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/domain/fact.js";
import { FactRegistry, knownOn } from "../../src/facts/registry.js";
import { municipalityByCode } from "../../src/data/places.js";

const fact = (over: Partial<Fact>): Fact => ({
  id: "0186.sex_trade_detected.x",
  subject: "0186",
  key: "sex_trade_detected",
  value: { type: "boolean", value: true },
  asOf: "2022",
  source: { title: "Artikel", publisher: "Tidningen", date: "2023-02-21" },
  recordedAt: "2026-01-01T00:00:00.000Z",
  ...over,
});

describe("what was known on a date", () => {
  it("needs the source published and the period over by then", () => {
    expect(knownOn(fact({}), "2023-02-21")).toBe(true);
    expect(knownOn(fact({}), "2023-02-20")).toBe(false);
    // A year's figure is known only when the year is over, whatever the source says.
    expect(knownOn(fact({ asOf: "2023", source: { title: "A", publisher: "B", date: "2023-06" } }), "2023-07-01")).toBe(
      false,
    );
    expect(knownOn(fact({ asOf: "2023", source: { title: "A", publisher: "B", date: "2024-01" } }), "2024-01-31")).toBe(
      true,
    );
  });

  it("does not know an undated source on any past date", () => {
    expect(knownOn(fact({ source: { publisher: "Webbplats", date: null } }), "2025-01-01")).toBe(false);
  });

  it("knows a law's wording from the day it came into force", () => {
    const law = fact({
      subject: "SE",
      key: "sex_purchase_penalty",
      value: { type: "text", value: "fängelse i högst ett år" },
      asOf: "2022-08-01",
      source: { title: "Brottsbalk (1962:700)", publisher: "Sveriges riksdag", date: null },
    });
    expect(knownOn(law, "2022-07-31")).toBe(false);
    expect(knownOn(law, "2022-08-01")).toBe(true);
  });

  it("gives a registry as it stood: the older value where the newer was not yet known", () => {
    const older = fact({
      id: "a",
      value: { type: "boolean", value: false },
      asOf: "2020",
      source: { title: "Gammal", publisher: "P", date: "2021-01-10" },
    });
    const newer = fact({ id: "b", asOf: "2022", source: { title: "Ny", publisher: "P", date: "2023-02-21" } });
    const registry = new FactRegistry([older, newer]);
    const lidingo = municipalityByCode("0186")!;
    expect(registry.resolve(lidingo, "sex_trade_detected")?.fact.id).toBe("b");
    expect(registry.knownOn("2022-06-01").resolve(lidingo, "sex_trade_detected")?.fact.id).toBe("a");
    expect(registry.knownOn("2020-06-01").resolve(lidingo, "sex_trade_detected")).toBeUndefined();
  });
});
