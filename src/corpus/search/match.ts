/**
 * Matching a query's term sets against the postings: one pass per term adds its stored
 * scores into a per-document array and its word's bit into a per-document mask (rarest word
 * first; under AND later words only touch documents already found), then the documents with
 * every bit (or, relaxed, some free word and every phrase word) that pass the filter mask and
 * hold the phrases are the matches, each score times the number of words it holds.
 */
import { U32List, VarintReader } from "./columns.js";
import type { Columns } from "./index-layout.js";
import { hasPhrases, phraseBytes } from "./phrases.js";
import type { ParsedQuery } from "./query.js";
import type { TermSpec } from "./query-terms.js";
import { popcount, scoreScale } from "./scoring.js";

/** The matching ordinals and their scores, in `docs[0, count)` and `scores[0, count)`. */
export interface Matches {
  docs: Uint32Array;
  scores: Float64Array;
  count: number;
}

/** Per-document score and word bits, reused from query to query (left zeroed), and the documents touched. */
export interface Accumulators {
  scores: Float64Array;
  bits: Uint32Array;
  touched: U32List;
}

export function accumulators(n: number): Accumulators {
  return { scores: new Float64Array(n), bits: new Uint32Array(n), touched: new U32List() };
}

/**
 * Documents with every word (or, relaxed, at least one free word and every phrase word), filtered, phrases verified.
 */
export function matchDocs(
  c: Columns,
  acc: Accumulators,
  specs: readonly TermSpec[],
  p: ParsedQuery,
  mask: Uint8Array | undefined,
  relaxed: boolean,
): Matches {
  const { scores, bits, touched } = acc;
  touched.length = 0;
  let all = 0;
  let freeBits = 0;
  let phraseBits = 0;
  for (const s of specs) {
    all |= s.bit;
    if (s.phrase) phraseBits |= s.bit;
    else freeBits |= s.bit;
  }
  const empty = { docs: new Uint32Array(0), scores: new Float64Array(0), count: 0 };
  if (specs.length === 0) return empty;
  if (specs.some((s) => s.ids.length === 0 && (!relaxed || s.phrase))) return empty;

  // Rarest first: under AND, later words only touch documents the first one found.
  const ordered = relaxed ? specs : [...specs].sort((a, b) => a.postings - b.postings);
  const postings = new VarintReader(c.postBytes);
  ordered.forEach((s, si) => {
    const onlyKnown = !relaxed && si > 0;
    for (let k = 0; k < s.ids.length; k++) {
      const t = s.ids[k]! - 1;
      const w = s.weights[k]!;
      const end = c.postOff[t + 1]!;
      postings.pos = c.postOff[t]!;
      let doc = 0;
      // Each posting: the document's distance from the previous one, then its stored score.
      while (postings.pos < end) {
        doc += postings.next(end);
        const sc = postings.next(end);
        const had = bits[doc]!;
        if (had === 0) {
          // Filters apply before ranking: a filtered-out document is never a candidate.
          if (onlyKnown || (mask && !mask[doc])) continue;
          touched.push(doc);
        }
        bits[doc] = had | s.bit;
        scores[doc]! += (w * sc) / scoreScale;
      }
    }
  });

  const phraseIds = p.phrases.length > 0 ? phraseBytes(c.vocab, p.phrases) : [];
  const docs = new Uint32Array(touched.length);
  const out = new Float64Array(touched.length);
  let count = 0;
  for (let k = 0; k < touched.length; k++) {
    const doc = touched.a[k]!;
    const b = bits[doc]!;
    const sc = scores[doc]!;
    bits[doc] = 0;
    scores[doc] = 0;
    if (relaxed ? (b & freeBits) === 0 || (b & phraseBits) !== phraseBits : b !== all) continue;
    if (phraseIds && phraseIds.length > 0 && !hasPhrases(c.tokOff, c.tokBytes, doc, phraseIds)) continue;
    if (phraseIds === undefined) continue;
    docs[count] = doc;
    out[count] = sc * popcount(b);
    count++;
  }
  return { docs, scores: out, count };
}
