/**
 * Facet counting: one pass over the matching documents counts kinds, parties,
 * municipalities, counties, years and topics into small arrays, then each facet lists its
 * values largest count first (dictionaries are in label order, so ties need no collator),
 * years newest first.
 */
import { topicLabel } from "../../domain/vocabulary.js";
import type { Columns } from "./index-layout.js";
import type { FacetName, FacetValue } from "./types.js";

/** Facet counts over the first `count` matching ordinals, in one pass. */
export function countFacets(c: Columns, matches: ArrayLike<number>, count: number): Record<FacetName, FacetValue[]> {
  const kind = new Uint32Array(c.kinds.length);
  const party = new Uint32Array(c.parties.length);
  const muni = new Uint32Array(c.munis.length + 1);
  const county = new Uint32Array(c.counties.length + 1);
  const topic = new Uint32Array(c.topics.length);
  const year = new Uint32Array(65536);
  let minYear = 65535;
  let maxYear = 0;
  for (let k = 0; k < count; k++) {
    const i = matches[k]!;
    kind[c.kind[i]!]!++;
    muni[c.muni[i]!]!++;
    county[c.county[i]!]!++;
    const y = c.year[i]!;
    if (y) {
      year[y]!++;
      if (y < minYear) minYear = y;
      if (y > maxYear) maxYear = y;
    }
    for (let j = c.partyOff[i]!; j < c.partyOff[i + 1]!; j++) party[c.partyVal[j]!]!++;
    for (let j = c.topicOff[i]!; j < c.topicOff[i + 1]!; j++) topic[c.topicVal[j]!]!++;
  }
  // Dictionaries are in label order: largest count first, then by label.
  const list = (counts: Uint32Array, shift: number, value: (i: number) => FacetValue) => {
    const out: number[] = [];
    for (let i = shift; i < counts.length; i++) if (counts[i]) out.push(i - shift);
    out.sort((a, b) => counts[b + shift]! - counts[a + shift]! || a - b);
    return out.map(value);
  };
  const years: FacetValue[] = [];
  for (let y = maxYear; y >= minYear; y--)
    if (year[y]) years.push({ value: String(y), label: String(y), count: year[y]! });
  return {
    kind: list(kind, 0, (i) => ({ value: c.kinds[i]!, label: c.kinds[i]!, count: kind[i]! })),
    party: list(party, 0, (i) => ({ value: c.parties[i]!, label: c.parties[i]!, count: party[i]! })),
    municipality: list(muni, 1, (i) => ({ value: c.munis[i]!.code, label: c.munis[i]!.name, count: muni[i + 1]! })),
    county: list(county, 1, (i) => ({ value: c.counties[i]!.code, label: c.counties[i]!.name, count: county[i + 1]! })),
    year: years,
    topic: list(topic, 0, (i) => ({ value: c.topics[i]!, label: topicLabel(c.topics[i]!), count: topic[i]! })),
  };
}
