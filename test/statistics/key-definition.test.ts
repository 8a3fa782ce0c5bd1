import { describe, expect, it } from "vitest";
import { shippedFactCatalog } from "../../src/facts/fact-catalog.js";
import { chooseFactKey } from "../../src/facts/fetch/fact-keys.js";
import {
  formatFromTitle,
  koladaKeyDefinition,
  koladaKeyName,
  koladaScopes,
  scbKeyDefinition,
  scbKeyName,
} from "../../src/facts/fetch/key-definition.js";

describe("a fact key from a statistic's metadata", () => {
  it("names Kolada and SCB keys", () => {
    expect(koladaKeyName("N01951")).toBe("kolada_n01951");
    expect(scbKeyName("TAB9001", "TST01")).toBe("scb_tab9001_tst01");
    expect(scbKeyName("BE-01")).toBe("scb_be_01");
  });

  it("reads scopes from the KPI's municipality type", () => {
    expect(koladaScopes("K")).toEqual(["kommun", "land"]);
    expect(koladaScopes("L")).toEqual(["lan", "land"]);
    expect(koladaScopes("alla")).toEqual(["kommun", "lan", "land"]);
    expect(koladaScopes(undefined)).toEqual(["kommun", "lan", "land"]);
  });

  it("reads a number format only where the title states one", () => {
    expect(formatFromTitle("Invånare totalt, antal")).toBe("count");
    expect(formatFromTitle("Elever i åk 9 som är behöriga till yrkesprogram, andel (%)")).toBe("percent");
    expect(formatFromTitle("Nettokostnad, kr/inv")).toBeUndefined();
  });

  it("builds the definition from the KPI: label, description, type, scopes, format", () => {
    const def = koladaKeyDefinition({
      id: "N01951",
      title: " Invånare totalt, antal ",
      description: "Antal invånare.",
      municipality_type: "K",
    });
    expect(def).toEqual({
      key: "kolada_n01951",
      label: "Invånare totalt, antal",
      type: "number",
      scopes: ["kommun", "land"],
      format: "count",
      description: "Antal invånare. (Kolada N01951)",
    });
    expect(koladaKeyDefinition({ id: "U1", title: "Något" }).description).toBe("Något (Kolada U1)");
    expect(scbKeyDefinition("TAB9001", "Tabell", { code: "TST01", label: "Andel, procent" })).toMatchObject({
      key: "scb_tab9001_tst01",
      label: "Andel, procent",
      format: "percent",
    });
  });

  it("uses the catalog's key when it exists, and proposes the new one to create when not", () => {
    const catalog = shippedFactCatalog;
    const proposed = koladaKeyDefinition({ id: "N01951", title: "Invånare totalt, antal" });
    expect(chooseFactKey(catalog, "population", proposed)).toMatchObject({
      def: { key: "population" },
      create: false,
    });
    expect(chooseFactKey(catalog, undefined, proposed)).toEqual({ def: proposed, create: true });
    expect(() => chooseFactKey(catalog, "populatoin", proposed)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({
          code: "unknown_fact_key",
          suggestions: expect.arrayContaining(["population"]),
        }),
      }),
    );
    // A key the catalog has already (a second fetch): the catalog's definition, not created again.
    expect(chooseFactKey(catalog, undefined, { ...proposed, key: "population" })).toMatchObject({
      def: { label: "Folkmängd (invånare 31 december)" },
      create: false,
    });
  });
});
