/**
 * The document's own date: its dateline ("Flen den 8 mars 2004", "Karlstad 2019-10-16",
 * "Debatt 21 februari 2023 kl 04.03"), a date near the title or in the signature block, or a
 * year in a heading ("Vänsterpartiet 2023"). Dates in the body ("I februari 2022 beslutade…")
 * are history, not the document's date. Returns a PartialDate as precise as the text is.
 */
import type { PartialDate } from "../../domain/partial-date.js";
import { monthNames } from "../../lang/dates.js";
import type { Doc } from "./text-layout.js";
import { contentRank } from "./text-layout.js";
import { clip, conf, quote } from "./text.js";

export interface DateHit {
  value: PartialDate;
  /** Offsets within the string searched. */
  start: number;
  end: number;
  /** "y", "ym" or "ymd"; "md" for a day and month without a year (value then holds "0000-MM-DD"). */
  precision: "y" | "ym" | "ymd" | "md";
}

const monthAbbreviations: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dec: 12,
};
const fullMonths = monthNames.join("|");
const anyMonth = `${fullMonths}|${Object.keys(monthAbbreviations).join("|")}`;

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  const i = (monthNames as readonly string[]).indexOf(w);
  if (i >= 0) return i + 1;
  return monthAbbreviations[w];
}

const pad = (n: number) => String(n).padStart(2, "0");

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y || 2000, m, 0)).getUTCDate();
}

const plausibleYear = (y: number) => y >= 1900 && y <= 2100;

const isoPattern = /(?<![\d/])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d/])/g;
const dmyPattern = new RegExp(
  `(?<![\\d.,/])(\\d{1,2})(?::[ae])?\\.?\\s*(${anyMonth})\\.?\\s+((?:19|20)\\d{2})(?![\\d/])`,
  "giu",
);
const dmPattern = new RegExp(
  `(?<![\\d.,/])(\\d{1,2})(?::[ae])?\\.?\\s*(${anyMonth})\\b\\.?(?!\\s*(?:19|20)\\d{2})`,
  "giu",
);
const numericPattern = /(?<![\d/.-])(\d{1,2})[/.](\d{1,2})[\s/.-]+((?:19|20)\d{2})(?![\d/])/g;
const myPattern = new RegExp(`(?<![\\p{L}\\d])(${fullMonths})\\s+((?:19|20)\\d{2})(?![\\d/])`, "giu");
const yearPattern =
  /(?<![\d/:.,-])((?:19|20)\d{2})(?![\d/:]|-tal|-\d|\s*%|\s+(?:kr|kronor|st|personer|procent|invånare|kvinnor|män)\b)/g;

function overlaps(hits: DateHit[], start: number, end: number): boolean {
  return hits.some((h) => start < h.end && end > h.start);
}

/** Every date in a string, most precise forms first where they overlap. */
export function findDates(s: string): DateHit[] {
  const hits: DateHit[] = [];
  if (!/\d/.test(s)) return hits;
  for (const m of s.matchAll(isoPattern)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d))
      hits.push({ value: `${y}-${pad(mo)}-${pad(d)}`, start: m.index, end: m.index + m[0].length, precision: "ymd" });
  }
  for (const m of s.matchAll(dmyPattern)) {
    const [d, mo, y] = [Number(m[1]), monthNumber(m[2]!), Number(m[3])];
    if (mo && validDay(y, mo, d) && !overlaps(hits, m.index, m.index + m[0].length))
      hits.push({ value: `${y}-${pad(mo)}-${pad(d)}`, start: m.index, end: m.index + m[0].length, precision: "ymd" });
  }
  for (const m of s.matchAll(numericPattern)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d) && !overlaps(hits, m.index, m.index + m[0].length))
      hits.push({ value: `${y}-${pad(mo)}-${pad(d)}`, start: m.index, end: m.index + m[0].length, precision: "ymd" });
  }
  for (const m of s.matchAll(myPattern)) {
    const [mo, y] = [monthNumber(m[1]!), Number(m[2])];
    if (mo && plausibleYear(y) && !overlaps(hits, m.index, m.index + m[0].length))
      hits.push({ value: `${y}-${pad(mo)}`, start: m.index, end: m.index + m[0].length, precision: "ym" });
  }
  for (const m of s.matchAll(dmPattern)) {
    const [d, mo] = [Number(m[1]), monthNumber(m[2]!)];
    // "8 mar" alone is too weak; only full month names without a year.
    if (
      mo &&
      (monthNames as readonly string[]).includes(m[2]!.toLowerCase()) &&
      validDay(0, mo, d) &&
      !overlaps(hits, m.index, m.index + m[0].length)
    )
      hits.push({ value: `0000-${pad(mo)}-${pad(d)}`, start: m.index, end: m.index + m[0].length, precision: "md" });
  }
  for (const m of s.matchAll(yearPattern)) {
    const y = Number(m[1]);
    if (plausibleYear(y) && !overlaps(hits, m.index, m.index + m[0].length))
      hits.push({ value: `${y}`, start: m.index, end: m.index + m[0].length, precision: "y" });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** "mars" → "[Mm]ars": the first letter in either case, for patterns that must see capitals elsewhere. */
const ci = (alternatives: string) =>
  alternatives
    .split("|")
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join("|");
const datePart =
  `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?::[ae])?\\.?\\s*(?:${ci(anyMonth)})\\.?(?:\\s+\\d{4})?|` +
  `\\d{1,2}[/.]\\d{1,2}[\\s/.-]+\\d{4}|(?:${ci(fullMonths)})\\s+\\d{4})`;
const datelinePattern = new RegExp(
  `^(?:(?:${ci("publicerad|publicerat|uppdaterad|uppdaterat|debatt|datum|daterad|insänt|inskickad")}` +
    `|DEBATT)\\s*:?\\s*)?` +
    `(?:([\\p{Lu}][\\p{L}-]+(?:\\s[\\p{Lu}][\\p{L}-]+){0,2})\\s*,?\\s*)?(?:(?:den|d\\.|i)\\s+)?` +
    `(?:(?:${ci("måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag")})(?:en)?\\s*,?\\s*(?:den\\s+)?)?` +
    `${datePart}\\s*(?:,?\\s*(?:kl\\.?|klockan)\\s*\\d{1,2}[.:]\\d{2})?\\s*[.,]?$`,
  "u",
);

/**
 * A line that is only a place and a date, or only a date with its label: "Flen den 8 mars
 * 2004", "Karlstad 2019-10-16", "Debatt 21 februari 2023 kl 04.03", "Publicerad: 2023-02-21".
 * Returns the place part ("Flen") or "" when there is none; undefined when not a dateline.
 */
export function datelinePlace(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 80 || !/\d/.test(t)) return undefined;
  const m = datelinePattern.exec(t);
  if (!m) return undefined;
  const place = m[1] ?? "";
  if (/^(publicerad|uppdaterad|debatt|datum|den|i)$/i.test(place)) return "";
  return place;
}

export interface DateContext {
  /** Line index of the title, -1 when none. */
  titleIndex: number;
  /** First line index of the signature block (the end of the main text when none). */
  signatureStart: number;
  fileName?: string;
}

export interface DateResult {
  value: PartialDate | null;
  confidence: number;
  evidence: string;
}

interface Candidate {
  hit: DateHit;
  score: number;
  line: string;
  why: string;
}

const precisionBonus = { y: 0, ym: 0.2, ymd: 0.4, md: 0.3 } as const;

/** The document's date, with how sure and why. */
export function inferDate(doc: Doc, ctx: DateContext): DateResult {
  const candidates: Candidate[] = [];
  const topRank = Math.max(6, ctx.titleIndex >= 0 ? contentRank(doc, ctx.titleIndex) + 4 : 6);
  const sigRank = Math.min(contentRank(doc, ctx.signatureStart), Math.max(0, doc.content.length - 8));
  for (const [rank, line] of doc.content.entries()) {
    const hits = findDates(line.text);
    if (hits.length === 0) continue;
    const dateline = datelinePlace(line.text) !== undefined;
    const short = line.text.length <= 60;
    const top = rank < topRank;
    const end = rank >= sigRank;
    for (const [i, hit] of hits.entries()) {
      let score: number;
      let why: string;
      if (dateline && (top || end)) [score, why] = [10, top ? "datumrad vid rubriken" : "datumrad vid underskriften"];
      else if (dateline) [score, why] = [6, "datumrad"];
      else if (short && (top || end) && hit.precision !== "y")
        [score, why] = [7, top ? "datum vid rubriken" : "datum vid underskriften"];
      else if (short && top && (line.heading > 0 || line.text.split(/\s+/).length <= 4))
        [score, why] = [5, "årtal i rubrikraden"];
      else if (end && short) [score, why] = [4, "årtal vid underskriften"];
      else [score, why] = [1, "datum i brödtexten"];
      score += precisionBonus[hit.precision] - i * 0.05;
      candidates.push({ hit, score, line: line.text, why });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates.find((c) => c.score >= 4);
  if (best) {
    let value = best.hit.value;
    let confidence =
      best.score >= 10 ? 0.92 : best.score >= 7 ? 0.75 : best.score >= 6 ? 0.65 : best.score >= 5 ? 0.55 : 0.45;
    let why = best.why;
    if (best.hit.precision === "md") {
      // A day and month without a year: borrow the year from the nearest other date of the document.
      const year =
        candidates.find((c) => c !== best && c.hit.precision !== "md" && c.score >= 4)?.hit.value.slice(0, 4) ??
        candidates
          .filter((c) => c.hit.precision !== "md")
          .map((c) => c.hit.value.slice(0, 4))
          .sort()
          .at(-1);
      if (!year) return { value: null, confidence: 0.1, evidence: clip(`dag utan år: ${quote(best.line)}`, 120) };
      value = `${year}${best.hit.value.slice(4)}`;
      confidence *= 0.6;
      why += ", året från annat datum i texten";
    }
    return { value, confidence: conf(confidence), evidence: clip(`${why}: ${quote(best.line, 70)}`, 120) };
  }
  if (ctx.fileName) {
    const hit = findDates(ctx.fileName.replace(/[_]/g, " ")).find((h) => h.precision !== "md");
    if (hit)
      return { value: hit.value, confidence: 0.4, evidence: clip(`datum i filnamnet ${quote(ctx.fileName)}`, 120) };
  }
  return {
    value: null,
    confidence: candidates.length ? 0.15 : 0.05,
    evidence: candidates.length ? "bara datum i brödtexten, inget eget datum" : "inget datum i texten",
  };
}
