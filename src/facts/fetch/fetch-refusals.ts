/**
 * The fetches a user must change, as their own small module: the CLI tells them apart without loading the fetch
 * code (kolada-facts.ts, scb-facts.ts), which it loads only when it fetches.
 */

/** Kolada's gender division: total, women, men. */
export type KoladaGender = "T" | "K" | "M";

/** A fetch the user must change: the KPI is not divided by gender, but --gender K|M was given. */
export class NotByGender extends Error {
  constructor(
    readonly kpi: string,
    readonly gender: KoladaGender,
  ) {
    super(`${kpi} is not divided by gender`);
  }
}

/** The selection does not pin one cell per region and period: these dimensions have several codes. */
export class ScbSelectionAmbiguous extends Error {
  constructor(
    readonly table: string,
    readonly dimensions: { id: string; codes: string[] }[],
  ) {
    super(`${table}: several codes in ${dimensions.map((d) => d.id).join(", ")}`);
  }
}
