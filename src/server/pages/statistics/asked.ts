/** What a job asked for, in one Swedish line: "N01951 för Stockholms län, 2022–2024, totalt". */
import { sv } from "../../messages.sv.js";
import type { JobRequest } from "../../statistics-jobs.js";

const t = sv.staff.statistics;

export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return "";
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years.at(-1)}`;
}

export function askedText(r: JobRequest): string {
  const gender = r.gender ? (t.gender.values[r.gender] ?? r.gender) : undefined;
  return t.asked(r.asked.join(", "), r.where, yearsText(r.years), gender);
}
