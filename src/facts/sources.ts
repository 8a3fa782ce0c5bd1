/**
 * The sources the registry cites, each once: which facts cite it and what it lacks. A source
 * without a title, a date or a URL cannot be checked by a reader as it stands; listing those
 * tells the editor which ones to look up.
 */
import type { Fact, Source } from "../domain/fact.js";
import { comparePartialDates } from "../domain/partial-date.js";

/** What a source may lack: its own title, its publication date, its address. */
export const sourceGaps = ["title", "date", "url"] as const;
export type SourceGap = (typeof sourceGaps)[number];

export interface RegistrySource {
  source: Source;
  /** The fields the source lacks, in the order of `sourceGaps`. */
  missing: SourceGap[];
  /** The ids of the facts that cite it, in registry order. */
  factIds: string[];
  /** The fact keys that cite it, each once, sorted. */
  keys: string[];
}

/** Two facts cite the same source when every field of it is the same (key order aside). */
function sourceIdentity(s: Source): string {
  return JSON.stringify([s.title ?? null, s.publisher, s.date, s.url ?? null, s.parties ?? null]);
}

export function missingFromSource(s: Source): SourceGap[] {
  return sourceGaps.filter((g) => (g === "date" ? s.date === null : s[g] === undefined));
}

/**
 * Each distinct source of the given facts once, sorted by publisher, then date (undated
 * first), then title. With `incomplete`, only the sources that lack a title, a date or a URL.
 */
export function registrySources(facts: readonly Fact[], opts: { incomplete?: boolean } = {}): RegistrySource[] {
  const bySource = new Map<string, RegistrySource>();
  for (const f of facts) {
    const id = sourceIdentity(f.source);
    let entry = bySource.get(id);
    if (!entry) {
      entry = { source: f.source, missing: missingFromSource(f.source), factIds: [], keys: [] };
      bySource.set(id, entry);
    }
    entry.factIds.push(f.id);
    if (!entry.keys.includes(f.key)) entry.keys.push(f.key);
  }
  const list = [...bySource.values()].filter((e) => !opts.incomplete || e.missing.length > 0);
  for (const e of list) e.keys.sort();
  return list.sort(
    (a, b) =>
      a.source.publisher.localeCompare(b.source.publisher, "sv") ||
      compareDates(a.source.date, b.source.date) ||
      (a.source.title ?? "").localeCompare(b.source.title ?? "", "sv") ||
      (a.source.url ?? "").localeCompare(b.source.url ?? ""),
  );
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return comparePartialDates(a, b);
}
