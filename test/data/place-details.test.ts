import { describe, it, expect } from "vitest";
import { counties, municipalities } from "../../src/data/municipalities.js";
import {
  allMunicipalities,
  countyByCode,
  findCounty,
  findMunicipality,
  municipalitiesInCounty,
} from "../../src/data/places.js";
import { paMunicipalityCodes } from "../../src/data/prepositions.js";
import { regionMunicipalityCodes } from "../../src/data/regions.js";
import { seats } from "../../src/data/seats.js";
import { placeSchema } from "../../src/domain/municipality.js";
import { inPlace } from "../../src/lang/in-place.js";

const seatOf = (name: string) => findMunicipality(name).seat;

describe("seats", () => {
  it("has a seat for every one of the 290 municipalities and for no other code", () => {
    const codes = municipalities.map((m) => m.code);
    expect(Object.keys(seats).sort()).toEqual([...codes].sort());
    expect(Object.keys(seats)).toHaveLength(290);
    for (const m of municipalities) {
      const seat = seats[m.code];
      expect(seat, m.code).toBeDefined();
      expect(seat, m.code).toBe(seat!.trim());
      expect(seat, m.code).not.toMatch(/ (kommun|stad|län)$/i);
    }
  });

  it("gives the known seats", () => {
    expect(seatOf("Gotland")).toBe("Visby");
    expect(seatOf("Region Gotland")).toBe("Visby");
    expect(seatOf("Håbo")).toBe("Bålsta");
    expect(seatOf("Habo")).toBe("Habo");
    expect(seatOf("Mark")).toBe("Kinna");
    expect(seatOf("Lidingö")).toBe("Lidingö");
    expect(seatOf("Upplands Väsby")).toBe("Upplands Väsby");
    expect(seatOf("Upplands-Bro")).toBe("Kungsängen");
    expect(seatOf("Malung-Sälen")).toBe("Malung");
    expect(seatOf("Falun")).toBe("Falun");
    expect(seatOf("Stockholm")).toBe("Stockholm");
    expect(seatOf("Göteborg")).toBe("Göteborg");
    expect(seatOf("Österåker")).toBe("Åkersberga");
    expect(seatOf("Värmdö")).toBe("Gustavsberg");
    expect(seatOf("Tjörn")).toBe("Skärhamn");
    expect(seatOf("Orust")).toBe("Henån");
    expect(seatOf("Berg")).toBe("Svenstavik");
    expect(seatOf("Härjedalen")).toBe("Sveg");
    expect(seatOf("Hammarö")).toBe("Skoghall");
    expect(seatOf("Vaggeryd")).toBe("Skillingaryd");
    expect(seatOf("Dals-Ed")).toBe("Ed");
  });

  it("names a place other than the municipality for exactly the 40 listed in seats.ts", () => {
    const differing = allMunicipalities().filter((p) => p.seat !== p.name);
    expect(differing).toHaveLength(40);
    expect(differing.map((p) => p.code)).toContain("0305");
    expect(differing.map((p) => p.code)).not.toContain("0643");
  });
});

describe("prepositions", () => {
  it("gives på to the island municipalities and i to the rest", () => {
    const pa = allMunicipalities()
      .filter((p) => p.preposition === "på")
      .map((p) => p.name)
      .sort();
    expect(pa).toEqual(["Ekerö", "Gotland", "Hammarö", "Lidingö", "Orust", "Tjörn", "Värmdö", "Öckerö"].sort());
    for (const code of paMunicipalityCodes)
      expect(
        municipalities.some((m) => m.code === code),
        code,
      ).toBe(true);
    for (const name of ["Vaxholm", "Borgholm", "Mörbylånga", "Tyresö", "Danderyd", "Sotenäs", "Umeå", "Stockholm"]) {
      expect(findMunicipality(name).preposition, name).toBe("i");
    }
  });

  it("puts the preposition before the municipality's name", () => {
    expect(inPlace(findMunicipality("Lidingö"))).toBe("på Lidingö");
    expect(inPlace(findMunicipality("Gotland"))).toBe("på Gotland");
    expect(inPlace(findMunicipality("Tjörn"))).toBe("på Tjörn");
    expect(inPlace(findMunicipality("Umeå"))).toBe("i Umeå");
    expect(inPlace(findMunicipality("Upplands Väsby"))).toBe("i Upplands Väsby");
    expect(inPlace(findMunicipality("Malung-Sälen"))).toBe("i Malung-Sälen");
    expect(inPlace(findMunicipality("Vaxholm"))).toBe("i Vaxholm");
  });
});

describe("regions", () => {
  it("marks only Gotland as a region", () => {
    expect(findMunicipality("Gotland").isRegion).toBe(true);
    expect(
      allMunicipalities()
        .filter((p) => p.isRegion)
        .map((p) => p.code),
    ).toEqual(["0980"]);
    expect([...regionMunicipalityCodes]).toEqual(["0980"]);
    expect(findMunicipality("Stockholm").isRegion).toBe(false);
  });
});

describe("counties' municipality counts", () => {
  it("counts the municipalities of each county", () => {
    expect(findMunicipality("Gotland").county.municipalityCount).toBe(1);
    expect(findMunicipality("Lidingö").county.municipalityCount).toBe(26);
    expect(findCounty("Gotlands län").municipalityCount).toBe(1);
    expect(findCounty("Stockholms län").municipalityCount).toBe(26);
    expect(countyByCode("14")?.municipalityCount).toBe(49);
    expect(countyByCode("12")?.municipalityCount).toBe(33);
    let total = 0;
    for (const c of counties) {
      const n = countyByCode(c.code)!.municipalityCount;
      expect(n, c.name).toBe(municipalitiesInCounty(c.code).length);
      total += n;
    }
    expect(total).toBe(290);
  });
});

describe("places", () => {
  it("match the place schema and share one county object per county", () => {
    for (const p of allMunicipalities()) {
      placeSchema.parse(p);
      expect(p.county).toBe(countyByCode(p.countyCode));
    }
  });
});
