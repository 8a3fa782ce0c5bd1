import { describe, it, expect } from "vitest";
import { counties, municipalities } from "../../src/data/municipalities.js";
import {
  allMunicipalities,
  countyByCode,
  findCounty,
  findMunicipality,
  municipalitiesInCounty,
  municipalityByCode,
} from "../../src/data/places.js";
import { countySchema, municipalitySchema } from "../../src/domain/municipality.js";
import { MotioneraError } from "../../src/domain/errors.js";

function thrown(f: () => unknown): MotioneraError {
  try {
    f();
  } catch (e) {
    if (e instanceof MotioneraError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("reference data", () => {
  it("has 290 municipalities and 21 counties with unique codes, sorted by code", () => {
    expect(municipalities).toHaveLength(290);
    expect(counties).toHaveLength(21);
    expect(allMunicipalities()).toHaveLength(290);
    const mCodes = municipalities.map((m) => m.code);
    const cCodes = counties.map((c) => c.code);
    expect(new Set(mCodes).size).toBe(290);
    expect(new Set(cCodes).size).toBe(21);
    expect(new Set(counties.map((c) => c.letter)).size).toBe(21);
    expect(new Set(municipalities.map((m) => m.name)).size).toBe(290);
    expect([...mCodes].sort()).toEqual(mCodes);
    expect([...cCodes].sort()).toEqual(cCodes);
  });

  it("matches the schemas, and each code starts with its county code", () => {
    for (const c of counties) countySchema.parse(c);
    for (const m of municipalities) {
      municipalitySchema.parse(m);
      expect(m.code.slice(0, 2)).toBe(m.countyCode);
      expect(countyByCode(m.countyCode)).toBeDefined();
    }
  });

  it("gives every county at least one municipality", () => {
    for (const c of counties) expect(municipalitiesInCounty(c.code).length).toBeGreaterThan(0);
    expect(municipalitiesInCounty("09").map((p) => p.name)).toEqual(["Gotland"]);
    expect(municipalitiesInCounty("01")).toHaveLength(26);
    expect(municipalitiesInCounty("1")).toHaveLength(26);
    expect(municipalitiesInCounty("99")).toEqual([]);
  });

  it("has the county letters", () => {
    const letters = Object.fromEntries(counties.map((c) => [c.code, c.letter]));
    expect(letters).toEqual({
      "01": "AB",
      "03": "C",
      "04": "D",
      "05": "E",
      "06": "F",
      "07": "G",
      "08": "H",
      "09": "I",
      "10": "K",
      "12": "M",
      "13": "N",
      "14": "O",
      "17": "S",
      "18": "T",
      "19": "U",
      "20": "W",
      "21": "X",
      "22": "Y",
      "23": "Z",
      "24": "AC",
      "25": "BD",
    });
  });

  it("has the corrected official names", () => {
    const official = (name: string) => findMunicipality(name).officialName;
    expect(official("Kalmar")).toBe("Kalmar kommun");
    expect(official("Falun")).toBe("Falu kommun");
    expect(official("Kalix")).toBe("Kalix kommun");
    expect(official("Överkalix")).toBe("Överkalix kommun");
    expect(official("Orust")).toBe("Orust kommun");
    expect(official("Kramfors")).toBe("Kramfors kommun");
    expect(official("Borås")).toBe("Borås kommun");
    expect(official("Hofors")).toBe("Hofors kommun");
    expect(official("Bollnäs")).toBe("Bollnäs kommun");
    expect(official("Dals-Ed")).toBe("Dals-Eds kommun");
    expect(official("Mark")).toBe("Marks kommun");
    expect(official("Berg")).toBe("Bergs kommun");
    expect(official("Kil")).toBe("Kils kommun");
    expect(official("Upplands-Bro")).toBe("Upplands-Bro kommun");
    expect(official("Upplands Väsby")).toBe("Upplands Väsby kommun");
    expect(official("Gotland")).toBe("Gotlands kommun");
    expect(official("Lidingö")).toBe("Lidingö kommun");
    for (const m of municipalities) {
      expect(m.officialName).toMatch(/ kommun$/);
      expect(m.officialName).not.toMatch(/[sxz]s kommun$/);
    }
  });

  it("has the 14 'stad' self-names and Region Gotland", () => {
    const stad = municipalities.filter((m) => /stad$/i.test(m.selfName));
    expect(Object.fromEntries(stad.map((m) => [m.name, m.selfName]))).toEqual({
      Borås: "Borås Stad",
      Göteborg: "Göteborgs Stad",
      Haparanda: "Haparanda stad",
      Helsingborg: "Helsingborgs stad",
      Landskrona: "Landskrona stad",
      Lidingö: "Lidingö stad",
      Malmö: "Malmö stad",
      Mölndal: "Mölndals stad",
      Solna: "Solna stad",
      Stockholm: "Stockholms stad",
      Sundbyberg: "Sundbybergs stad",
      Trollhättan: "Trollhättans stad",
      Vaxholm: "Vaxholms stad",
      Västerås: "Västerås stad",
    });
    expect(findMunicipality("Gotland").selfName).toBe("Region Gotland");
    const others = municipalities.filter((m) => !/stad$/i.test(m.selfName) && m.name !== "Gotland");
    expect(others).toHaveLength(275);
    for (const m of others) expect(m.selfName).toBe(m.officialName);
  });
});

describe("findMunicipality", () => {
  const cases: Array<[string, string]> = [
    ["0186", "Lidingö"],
    ["  0186 ", "Lidingö"],
    ["Lidingö", "Lidingö"],
    ["lidingo", "Lidingö"],
    ["LIDINGÖ", "Lidingö"],
    ["  Lidingö\t", "Lidingö"],
    ["upplands-vasby", "Upplands Väsby"],
    ["Upplands Väsby", "Upplands Väsby"],
    ["upplands bro", "Upplands-Bro"],
    ["Lidingös", "Lidingö"],
    ["Umeås", "Umeå"],
    ["Göteborgs", "Göteborg"],
    ["Lidingö stad", "Lidingö"],
    ["Lidingö kommun", "Lidingö"],
    ["Lidingös kommun", "Lidingö"],
    ["Göteborgs stad", "Göteborg"],
    ["Göteborgs Stad", "Göteborg"],
    ["Stockholms stad", "Stockholm"],
    ["Falu kommun", "Falun"],
    ["falun", "Falun"],
    ["Falu", "Falun"],
    ["Region Gotland", "Gotland"],
    ["Gotlands kommun", "Gotland"],
    ["Borås", "Borås"],
    ["boras", "Borås"],
    ["Borås Stad", "Borås"],
    ["Kramfors", "Kramfors"],
    ["Kramfors kommun", "Kramfors"],
    ["Kalix", "Kalix"],
    ["Överkalix", "Överkalix"],
    ["Malung-Sälens kommun", "Malung-Sälen"],
    ["Dals Ed", "Dals-Ed"],
    ["Göteborg", "Göteborg"],
    // Håbo (0305) and Habo (0643) differ only in the ring: diacritics decide when given
    ["Håbo", "Håbo"],
    ["HÅBO", "Håbo"],
    ["Håbos kommun", "Håbo"],
    ["Habo", "Habo"],
    ["habo", "Habo"],
    ["Habos kommun", "Habo"],
    ["Ha\u030abo", "Håbo"], // decomposed å (NFD input)
  ];
  it.each(cases)("finds %j as %s", (query, name) => {
    expect(findMunicipality(query).name).toBe(name);
  });

  it("joins the county", () => {
    const p = findMunicipality("Lidingö");
    expect(p.code).toBe("0186");
    expect(p.county).toEqual({
      code: "01",
      name: "Stockholms län",
      shortName: "Stockholm",
      letter: "AB",
      municipalityCount: 26,
    });
    expect(findMunicipality("Falun").county.letter).toBe("W");
  });

  it("finds every municipality by its name, official name, self name and code", () => {
    for (const m of municipalities) {
      expect(findMunicipality(m.name).code).toBe(m.code);
      expect(findMunicipality(m.officialName).code).toBe(m.code);
      expect(findMunicipality(m.selfName).code).toBe(m.code);
      expect(findMunicipality(m.code).code).toBe(m.code);
      expect(municipalityByCode(m.code)?.name).toBe(m.name);
    }
  });

  it("suggests the three nearest names for an unknown one", () => {
    const e = thrown(() => findMunicipality("Lidngö"));
    expect(e.details.code).toBe("unknown_municipality");
    if (e.details.code !== "unknown_municipality") return;
    expect(e.details.query).toBe("Lidngö");
    expect(e.details.suggestions).toContain("Lidingö");
    expect(e.details.suggestions).toHaveLength(3);
    expect(e.details.suggestions[0]).toBe("Lidingö");

    const s = thrown(() => findMunicipality("Stokholm")).details;
    if (s.code !== "unknown_municipality") throw new Error(s.code);
    expect(s.suggestions).toHaveLength(3);
    expect(s.suggestions[0]).toBe("Stockholm");
    const names = new Set(municipalities.map((m) => m.name));
    for (const n of [...s.suggestions, ...e.details.suggestions]) expect(names.has(n)).toBe(true);
    const h = thrown(() => findMunicipality("Hbo")).details;
    expect(h.code === "unknown_municipality" && [...h.suggestions].sort()).toEqual(["Habo", "Hjo", "Håbo"]);
    const k = thrown(() => findMunicipality("Stokholms stad")).details;
    expect(k.code === "unknown_municipality" && k.suggestions[0]).toBe("Stockholm");
  });

  it("does not accept codes other than four digits", () => {
    expect(() => findMunicipality("186")).toThrow(MotioneraError);
    expect(() => findMunicipality("9999")).toThrow(MotioneraError);
    expect(() => findMunicipality("")).toThrow(MotioneraError);
    expect(municipalityByCode("9999")).toBeUndefined();
  });
});

describe("findCounty", () => {
  const cases: Array<[string, string]> = [
    ["01", "01"],
    ["1", "01"],
    ["AB", "01"],
    ["ab", "01"],
    [" Stockholms län ", "01"],
    ["stockholms lan", "01"],
    ["Stockholm", "01"],
    ["Stockholms", "01"],
    ["BD", "25"],
    ["Norrbotten", "25"],
    ["Kalmar län", "08"],
    ["Kalmar", "08"],
    ["Västra Götaland", "14"],
    ["vastra gotalands lan", "14"],
    ["O", "14"],
    ["Skåne län", "12"],
    ["skanes", "12"],
    ["Gotlands län", "09"],
  ];
  it.each(cases)("finds %j as %s", (query, code) => {
    expect(findCounty(query).code).toBe(code);
  });

  it("finds each county by code, letter and names", () => {
    for (const c of counties) {
      const withCount = { ...c, municipalityCount: municipalitiesInCounty(c.code).length };
      expect(findCounty(c.code)).toEqual(withCount);
      expect(findCounty(c.letter)).toEqual(withCount);
      expect(findCounty(c.name)).toEqual(withCount);
      expect(findCounty(c.shortName)).toEqual(withCount);
      expect(countyByCode(c.code)).toEqual(withCount);
    }
  });

  it("throws unknown_county with suggestions", () => {
    const e = thrown(() => findCounty("Stokholms län")).details;
    expect(e.code).toBe("unknown_county");
    if (e.code !== "unknown_county") return;
    expect(e.query).toBe("Stokholms län");
    expect(e.suggestions).toHaveLength(3);
    expect(e.suggestions[0]).toBe("Stockholms län");
    expect(() => findCounty("02")).toThrow(MotioneraError);
    expect(() => findCounty("Q")).toThrow(MotioneraError);
    expect(countyByCode("02")).toBeUndefined();
  });
});
