/**
 * Ranking: the fields and their boosts, MiniSearch's BM25+ parameters and its weights for
 * prefix and typo matches, the static per-field score the postings store (in hundredths),
 * the bit count that rewards documents holding more of the query's words, and the top-k
 * selection that orders hits by score, then newest first.
 */

/** Fields and their boosts: title, body (summary, claims, proposals, questions), names, full text. */
export const boosts = [3, 1.5, 1.5, 1] as const;
export const fieldCount = boosts.length;
/** MiniSearch's BM25+ parameters and prefix/fuzzy weights, so ranking matches what it would give. */
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
export const prefixWeight = 0.375;
export const fuzzyWeight = 0.45;
/** Scores are stored as varints of hundredths. */
export const scoreScale = 100;

/** One field's BM25+ score for a term `tf` times in it, in `df` of `n` documents; `len` against the average `avg`. */
export function bm25Score(tf: number, df: number, n: number, len: number, avg: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return idf * (bm25.d + (tf * (bm25.k + 1)) / (tf + bm25.k * (1 - bm25.b + (bm25.b * len) / avg)));
}

/** Set bits: how many of the query's words a document holds. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The positions (in docs/scores) of the k best of the first `count` candidates, best first:
 * highest score; equal scores, the newer (lower rank). A bounded binary heap when k is small
 * beside count, a sort when not.
 */
export function topK(docs: Uint32Array, scores: Float64Array, count: number, k: number, rank: Uint32Array): number[] {
  const better = (a: number, b: number) =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && rank[docs[a]!]! < rank[docs[b]!]!);
  if (k <= 0 || count === 0) return [];
  if (k * 4 >= count) {
    const idx = Array.from({ length: count }, (_, i) => i).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    return idx.slice(0, k);
  }
  // Min-heap (worst on top) of candidate positions.
  const heap: number[] = [];
  const up = (j: number) => {
    while (j > 0) {
      const p = (j - 1) >> 1;
      if (!better(heap[p]!, heap[j]!)) break;
      [heap[p], heap[j]] = [heap[j]!, heap[p]!];
      j = p;
    }
  };
  const down = (j: number) => {
    for (;;) {
      const l = 2 * j + 1;
      const r = l + 1;
      let w = j;
      if (l < heap.length && better(heap[w]!, heap[l]!)) w = l;
      if (r < heap.length && better(heap[w]!, heap[r]!)) w = r;
      if (w === j) return;
      [heap[w], heap[j]] = [heap[j]!, heap[w]!];
      j = w;
    }
  };
  for (let i = 0; i < count; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
