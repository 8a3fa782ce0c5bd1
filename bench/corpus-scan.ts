/**
 * The benchmark's baseline: no index, a plain scan. Every record's title, summary, claims and
 * full text lower-cased into one string once; a query keeps the records that pass the filters
 * and `includes` every query word (a quoted phrase as one string), and counts facets over them.
 * No stemming, no typo tolerance, no ranking: it returns the first matches in record order.
 */
import type { CorpusDocument } from "../src/domain/corpus-document.js";
import type { SearchFilters } from "../src/corpus/search/index.js";

export function haystacks(docs: readonly CorpusDocument[]): string[] {
  return docs.map((d) =>
    [d.title, d.summary, ...d.arguments.map((a) => a.claim), d.fullText ?? ""].join("\n").toLowerCase(),
  );
}

export interface ScanResult {
  total: number;
  ids: string[];
  facets: Record<string, Map<string, number>>;
}

/** The query's needles: each quoted phrase whole, each other word alone. */
export function needles(text: string): string[] {
  const out: string[] = [];
  text.split(/["“”]/).forEach((part, i) => {
    const p = part.trim().toLowerCase();
    if (!p) return;
    if (i % 2 === 1) out.push(p);
    else out.push(...p.split(/\s+/));
  });
  return out;
}

export function scan(
  docs: readonly CorpusDocument[],
  hay: readonly string[],
  text: string,
  f: SearchFilters = {},
  limit = 20,
): ScanResult {
  const ns = needles(text);
  const kind = f.kind?.length ? new Set(f.kind) : undefined;
  const party = f.party?.length ? new Set(f.party) : undefined;
  const muni = f.municipality?.length ? new Set(f.municipality) : undefined;
  const county = f.county?.length ? new Set(f.county) : undefined;
  const topic = f.topic?.length ? new Set(f.topic) : undefined;
  const facets: Record<string, Map<string, number>> = {
    kind: new Map(),
    party: new Map(),
    municipality: new Map(),
    county: new Map(),
    year: new Map(),
    topic: new Map(),
  };
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const ids: string[] = [];
  let total = 0;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    if (kind && !kind.has(d.kind)) continue;
    if (muni && !(d.municipality && muni.has(d.municipality.code))) continue;
    if (county && !(d.county && county.has(d.county.code))) continue;
    const year = d.date ? Number(d.date.slice(0, 4)) : undefined;
    if (
      (f.from !== undefined || f.to !== undefined) &&
      (year === undefined || (f.from !== undefined && year < f.from) || (f.to !== undefined && year > f.to))
    )
      continue;
    if (party && !d.parties.some((p) => party.has(p))) continue;
    if (topic && !d.topics.some((t) => topic.has(t))) continue;
    const h = hay[i]!;
    let ok = true;
    for (const n of ns) {
      if (!h.includes(n)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    total++;
    if (ids.length < limit) ids.push(d.id);
    inc(facets.kind!, d.kind);
    for (const p of d.parties) inc(facets.party!, p);
    if (d.municipality) inc(facets.municipality!, d.municipality.code);
    if (d.county) inc(facets.county!, d.county.code);
    if (year !== undefined) inc(facets.year!, String(year));
    for (const t of d.topics) inc(facets.topic!, t);
  }
  return { total, ids, facets };
}
