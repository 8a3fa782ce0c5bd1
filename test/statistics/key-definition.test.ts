import { describe, expect, it } from "vitest";
import { CatalogFactKeys, chooseFactKey, FactKeyNeeded } from "../../src/facts/fetch/fact-keys.js";
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

  it("uses the catalog's key when it exists, and says which key is needed when not", async () => {
    const keys = new CatalogFactKeys();
    const proposed = koladaKeyDefinition({ id: "N01951", title: "Invånare totalt, antal" });
    await expect(chooseFactKey(keys, "population", proposed)).resolves.toMatchObject({ key: "population" });
    await expect(chooseFactKey(keys, undefined, proposed)).rejects.toBeInstanceOf(FactKeyNeeded);
    await expect(chooseFactKey(keys, "populatoin", proposed)).rejects.toMatchObject({
      details: { code: "unknown_fact_key", suggestions: expect.arrayContaining(["population"]) },
    });
    await expect(chooseFactKey(keys, undefined, { ...proposed, key: "population" })).resolves.toMatchObject({
      label: "Folkmängd (invånare 31 december)",
    });
  });
});
