/**
 * The index's vocabulary of stems. Ids run from 1 (0 separates segments in token streams)
 * in falling frequency, so common stems take one byte as varints; `sorted` lists the ids in
 * string order for exact, prefix and typo-tolerant (Levenshtein) lookup without a tree: the
 * walk over the sorted terms reuses the DP rows of the prefix a term shares with the previous
 * one and skips every term under a prefix already too far away, as a trie walk would.
 */
export class Vocabulary {
  /** terms[id - 1] is the stem with that id. */
  readonly terms: readonly string[];
  /** Ids in string order. */
  readonly sorted: Uint32Array;

  constructor(terms: readonly string[], sorted?: Uint32Array) {
    this.terms = terms;
    this.sorted = sorted ?? Vocabulary.sortIds(terms);
  }

  static sortIds(terms: readonly string[]): Uint32Array {
    const ids = Uint32Array.from({ length: terms.length }, (_, i) => i + 1);
    return ids.sort((a, b) => {
      const x = terms[a - 1]!;
      const y = terms[b - 1]!;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  get size(): number {
    return this.terms.length;
  }

  term(id: number): string {
    return this.terms[id - 1]!;
  }

  #at(k: number): string {
    return this.terms[this.sorted[k]! - 1]!;
  }

  /** The first position in `sorted` whose term is ≥ s. */
  #lowerBound(s: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#at(mid) < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The stem's id, or 0. */
  id(stem: string): number {
    const k = this.#lowerBound(stem);
    return k < this.sorted.length && this.#at(k) === stem ? this.sorted[k]! : 0;
  }

  /** Ids of the terms that start with `prefix` and are longer than it. */
  withPrefix(prefix: string): number[] {
    const out: number[] = [];
    const end = this.#lowerBound(`${prefix}\uffff`);
    for (let k = this.#lowerBound(prefix); k < end; k++) if (this.#at(k) !== prefix) out.push(this.sorted[k]!);
    return out;
  }

  /** Ids and edit distances of the terms within `maxDistance` edits of `query` (the term itself excluded). */
  fuzzy(query: string, maxDistance: number): { id: number; distance: number }[] {
    const out: { id: number; distance: number }[] = [];
    if (maxDistance <= 0 || this.sorted.length === 0) return out;
    const q = query;
    const m = q.length;
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    let prev = "";
    let valid = 0; // rows[0..valid] hold the DP rows of prev's first `valid` characters
    let k = 0;
    const n = this.sorted.length;
    outer: while (k < n) {
      const w = this.#at(k);
      let l = 0;
      const lim = Math.min(valid, w.length, prev.length);
      while (l < lim && prev.charCodeAt(l) === w.charCodeAt(l)) l++;
      for (let d = l + 1; d <= w.length; d++) {
        const above = rows[d - 1]!;
        const row = rows[d] ?? new Int32Array(m + 1);
        rows[d] = row;
        row[0] = d;
        let min = d;
        const c = w.charCodeAt(d - 1);
        for (let j = 1; j <= m; j++) {
          const sub = above[j - 1]! + (q.charCodeAt(j - 1) === c ? 0 : 1);
          const del = above[j]! + 1;
          const ins = row[j - 1]! + 1;
          const v = Math.min(sub, del, ins);
          row[j] = v;
          if (v < min) min = v;
        }
        if (min > maxDistance) {
          // Nothing under this prefix can come within reach: skip past it.
          prev = w;
          valid = d;
          k = this.#lowerBound(`${w.slice(0, d)}\uffff`);
          continue outer;
        }
      }
      const dist = rows[w.length]![m]!;
      if (dist <= maxDistance && w !== q) out.push({ id: this.sorted[k]!, distance: dist });
      prev = w;
      valid = w.length;
      k++;
    }
    return out;
  }
}
