/**
 * The filter mask: one byte per document, 1 where kind, party, municipality, county, topic
 * and year range all let it through. The wanted values become flags per dictionary entry
 * first (case-folded), so the pass over the documents only indexes small arrays.
 */
import { foldCase } from "../../lang/normalize.js";
import type { Columns } from "./index-layout.js";
import type { Place, SearchFilters } from "./types.js";

/** 1 for each ordinal the filters let through; undefined when they let everything through. */
export function filterMask(c: Columns, f: SearchFilters | undefined): Uint8Array | undefined {
  if (!f) return undefined;
  const flags = <T>(values: readonly T[], wanted: readonly string[] | undefined, key: (x: T) => string, offset = 0) => {
    if (!wanted || wanted.length === 0) return undefined;
    const w = new Set(wanted.map((x) => foldCase(String(x))));
    const out = new Uint8Array(values.length + offset);
    values.forEach((v, i) => {
      out[i + offset] = w.has(foldCase(key(v))) ? 1 : 0;
    });
    return out;
  };
  const id = (x: string) => x;
  const code = (p: Place) => p.code;
  const kindF = flags(c.kinds, f.kind, id);
  const partyF = flags(c.parties, f.party, id);
  const muniF = flags(c.munis, f.municipality, code, 1);
  const countyF = flags(
    c.counties,
    f.county?.map((x) => (/^\d$/.test(String(x).trim()) ? `0${String(x).trim()}` : String(x).trim())),
    code,
    1,
  );
  const topicF = flags(c.topics, f.topic, id);
  const from = typeof f.from === "number" && Number.isFinite(f.from) ? f.from : undefined;
  const to = typeof f.to === "number" && Number.isFinite(f.to) ? f.to : undefined;
  if (!kindF && !partyF && !muniF && !countyF && !topicF && from === undefined && to === undefined) return undefined;
  const years = from !== undefined || to !== undefined;
  const lo = from ?? 1;
  const hi = to ?? 65535;
  const mask = new Uint8Array(c.n);
  for (let i = 0; i < c.n; i++) {
    if (kindF && !kindF[c.kind[i]!]) continue;
    if (muniF && !muniF[c.muni[i]!]) continue;
    if (countyF && !countyF[c.county[i]!]) continue;
    if (years) {
      const y = c.year[i]!;
      if (y === 0 || y < lo || y > hi) continue;
    }
    if (partyF && !anyOf(partyF, c.partyVal, c.partyOff[i]!, c.partyOff[i + 1]!)) continue;
    if (topicF && !anyOf(topicF, c.topicVal, c.topicOff[i]!, c.topicOff[i + 1]!)) continue;
    mask[i] = 1;
  }
  return mask;
}

/** Whether any of values[from, to) is flagged. */
function anyOf(flags: Uint8Array, values: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (flags[values[k]!]) return true;
  return false;
}
