/** Swedish date forms: "24 november 2026", "februari 2022", "2023". */
import type { PartialDate } from "../domain/partial-date.js";

export const monthNames = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** "2026-11-24" → "24 november 2026"; "2022-02" → "februari 2022"; "2023" → "2023". */
export function formatDate(d: PartialDate): string {
  const [y, m, day] = d.split("-");
  if (m === undefined) return y ?? d;
  const month = monthNames[Number(m) - 1];
  if (day === undefined) return `${month} ${y}`;
  return `${Number(day)} ${month} ${y}`;
}

/** "24 november 2026 kl. 19.20" (Swedish time). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${formatDate(`${get("year")}-${get("month")}-${get("day")}`)} kl. ${get("hour")}.${get("minute")}`;
}

/**
 * Today's date in Sweden as YYYY-MM-DD (the documents are dated in Swedish local time).
 *
 * Swedish time is UTC+1, and UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October (the EU's summer-time rule, Sweden's since 1996). Computed here
 * rather than with Intl and the Europe/Stockholm zone: loading ICU's zone data costs 11–20 ms,
 * a twentieth of a whole `motionera draft` (bench/draft-pipeline.ts); test/lang/forms.test.ts
 * compares this with Intl hour by hour across the changes.
 */
export function todayInSweden(now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  const t = now.getTime();
  const summer = t >= summerTimeChange(year, 2) && t < summerTimeChange(year, 9);
  return new Date(t + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}

/** 01:00 UTC on the last Sunday of the month (0-based), when EU summer time begins (March) or ends (October). */
function summerTimeChange(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Whole years and months between two dates, in Swedish: "3 år", "1 år och 2 månader", "5 månader". */
export function formatAge(from: Date, to: Date): string {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  if (months < 1) return "under en månad";
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years > 0 ? `${years} år` : "";
  const m = rest > 0 ? `${rest} ${rest === 1 ? "månad" : "månader"}` : "";
  return y && m ? `${y} och ${m}` : y || m;
}

/**
 * When a value holds, as a sentence says it: "år 2018", "åren 2017–2019", "i februari 2022",
 * "den 21 februari 2023". `since` is the first date a value covers (a count over several
 * years); a range of years stays a range. Capitalised with `capital` for a sentence's start.
 */
export function timePhrase(asOf: PartialDate, since?: PartialDate, capital = false): string {
  let phrase: string;
  if (since && since.slice(0, 4) !== asOf.slice(0, 4)) phrase = `åren ${since.slice(0, 4)}–${asOf.slice(0, 4)}`;
  else if (asOf.length === 4) phrase = `år ${asOf}`;
  else if (asOf.length === 7) phrase = `i ${formatDate(asOf)}`;
  else phrase = `den ${formatDate(asOf)}`;
  return capital ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
}

/** "2018", or "2017–2019" for a value that covers several years. */
export function yearPhrase(asOf: PartialDate, since?: PartialDate): string {
  return since && since.slice(0, 4) !== asOf.slice(0, 4)
    ? `${since.slice(0, 4)}–${asOf.slice(0, 4)}`
    : asOf.slice(0, 4);
}

/**
 * A date as running text puts it: a full date takes "den" ("sedan den 15 juni 2016"), a month
 * or a year does not ("sedan februari 2022", "sedan 2021").
 */
export function formatDateInText(d: PartialDate): string {
  return d.length === 10 ? `den ${formatDate(d)}` : formatDate(d);
}
