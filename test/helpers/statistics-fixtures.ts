/**
 * Fixtures we generate for the statistics stand-in (never real figures): deterministic values
 * for every municipality, county and the country, several years, by gender; a few missing
 * (null) values; and JSON-stat category keys written in a shuffled order, as SCB may.
 */
import { counties } from "../../src/data/municipalities.js";
import { allMunicipalities } from "../../src/data/places.js";

/** FNV-1a: the same text, the same number, on every run. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const municipalityCodes: readonly string[] = allMunicipalities().map((m) => m.code);
export const countyCodes: readonly string[] = counties.map((c) => c.code);

/** Test KPIs: ids and titles written for the tests. */
export interface StandInKpi {
  id: string;
  title: string;
  description: string;
  operating_area: string;
  publication_date: string;
  municipality_type: "K" | "L" | "alla";
  is_divided_by_gender: boolean;
  /** Years with values; the last year given here is published as null everywhere (not yet out). */
  years: readonly number[];
  /** A count (integers, T = K + M) or a share (one decimal). */
  kind: "count" | "share";
}

export const standInKpis: readonly StandInKpi[] = [
  {
    id: "N01951",
    title: "Invånare totalt, antal",
    description: "Testbeskrivning: antal invånare den 31 december.",
    operating_area: "Befolkning",
    publication_date: "2025-03-20",
    municipality_type: "alla",
    is_divided_by_gender: true,
    years: [2020, 2021, 2022, 2023, 2024, 2025],
    kind: "count",
  },
  {
    id: "U00001",
    title: "Testandel för stand-in, andel (%)",
    description: "En påhittad andel som bara finns i testerna.",
    operating_area: "Test",
    publication_date: "2025-06-01",
    municipality_type: "K",
    is_divided_by_gender: false,
    years: [2022, 2023, 2024],
    kind: "share",
  },
];

export const kpiById = (id: string) => standInKpis.find((k) => k.id === id);

/** Places a suppressed (null) value is given for in every year: the secrecy cases. */
export const suppressed: ReadonlySet<string> = new Set(["2582", "0760"]);

/** The generated value of a KPI for a Kolada place id, year and gender; null when missing. */
export function koladaValue(kpi: StandInKpi, place: string, year: number, gender: "T" | "K" | "M"): number | null {
  const last = kpi.years[kpi.years.length - 1];
  if (year === last || suppressed.has(place)) return null;
  if (kpi.kind === "share") return (hash(`${kpi.id}/${place}/${year}/${gender}`) % 1000) / 10;
  const women = 1000 + (hash(`${kpi.id}/${place}/${year}/K`) % 200_000);
  const men = 1000 + (hash(`${kpi.id}/${place}/${year}/M`) % 200_000);
  return gender === "K" ? women : gender === "M" ? men : women + men;
}

/** Whether a Kolada place id is one the KPI has values for (by municipality_type). */
export function kpiCovers(kpi: StandInKpi, place: string): boolean {
  const region = place.startsWith("00");
  return kpi.municipality_type === "alla" || (kpi.municipality_type === "K" ? !region || place === "0000" : region);
}

/** All Kolada place ids: 290 municipalities, 21 regions, the country. */
export const koladaPlaces: readonly string[] = [...municipalityCodes, ...countyCodes.map((c) => `00${c}`), "0000"];

/** The SCB stand-in table: region (290 + 21 + country), two contents, five years. */
export const scbTable = {
  id: "TAB9001",
  label: "Testfolkmängd efter region, innehåll och år",
  regions: [...municipalityCodes, ...countyCodes, "00"],
  contents: { TST01: "Testfolkmängd", TST02: "Testförändring" } as Record<string, string>,
  years: ["2020", "2021", "2022", "2023", "2024"],
};

export function scbValue(region: string, contents: string, year: string): number | null {
  if (year === "2024" && suppressed.has(region)) return null;
  return 500 + (hash(`${region}/${contents}/${year}`) % 500_000);
}

/** A deterministic shuffle (the same order on every run for the same seed). */
export function shuffled<T>(xs: readonly T[], seed: string): T[] {
  return [...xs]
    .map((x, i) => ({ x, k: hash(`${seed}/${i}`) }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);
}
