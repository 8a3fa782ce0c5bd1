/** Whether a fact is older than a template accepts. */
import type { Fact } from "../domain/fact.js";
import { partialDateEnd } from "../domain/partial-date.js";

/** Answers of the pure date sums below, by their arguments: every draft asks the same few again. */
const oldestMemo = new Map<string, string>();
const lastDayMemo = new Map<string, string>();
const maxMemo = 4096;

function remember(memo: Map<string, string>, key: string, value: string): string {
  if (memo.size >= maxMemo) memo.clear();
  memo.set(key, value);
  return value;
}

/** today minus an ISO 8601 age ("P5Y", "P18M"), as YYYY-MM-DD. */
export function oldestAcceptable(maxAge: string, today: string): string {
  const key = `${maxAge}\u0000${today}`;
  return oldestMemo.get(key) ?? remember(oldestMemo, key, computeOldest(maxAge, today));
}

function computeOldest(maxAge: string, today: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(maxAge);
  if (!m) throw new Error(`invalid age ${maxAge}`);
  const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
  const d = new Date(`${today}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/**
 * A fact is stale when even the last day its as-of can stand for ("2023" → 2023-12-31) is
 * before the oldest acceptable date, or when nothing dates it.
 */
export function isStale(fact: Fact, oldest: string): boolean {
  if (fact.asOf === null) return true;
  return lastDay(fact.asOf) < oldest;
}

/** The last day a partial date can stand for, as YYYY-MM-DD ("2023" → "2023-12-31"). */
function lastDay(asOf: string): string {
  return lastDayMemo.get(asOf) ?? remember(lastDayMemo, asOf, partialDateEnd(asOf).toISOString().slice(0, 10));
}

/**
 * Whether a fact describes the time of a document dated `date`: its as-of ends no more than a
 * year before. Older facts, and facts nothing dates, read in the past tense with their year.
 */
export function isCurrent(fact: Fact, date: string): boolean {
  if (fact.asOf === null) return false;
  return lastDay(fact.asOf) >= oldestAcceptable("P1Y", date);
}
