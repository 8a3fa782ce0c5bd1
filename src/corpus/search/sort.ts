/**
 * Date order for a search's matches: one pass over the index's newest-first order (no
 * comparison sort), forwards for newest first, backwards for oldest first; undated documents
 * come last either way, in the index's order.
 */
import type { Columns } from "./index-layout.js";
import type { SearchSort } from "./types.js";

/** The positions k of docs[0, count) in date order, `sort` newest or oldest first. */
export function dateOrder(
  c: Pick<Columns, "n" | "order" | "year">,
  docs: ArrayLike<number>,
  count: number,
  sort: Exclude<SearchSort, "relevance">,
): Uint32Array {
  const at = new Int32Array(c.n).fill(-1);
  for (let k = 0; k < count; k++) at[docs[k]!] = k;
  const out = new Uint32Array(count);
  let m = 0;
  if (sort === "newest") {
    for (let r = 0; r < c.n; r++) {
      const k = at[c.order[r]!]!;
      if (k >= 0) out[m++] = k;
    }
    return out;
  }
  // Undated documents stand last in the newest-first order: the dated ones backwards, then those.
  let firstUndated = c.n;
  while (firstUndated > 0 && c.year[c.order[firstUndated - 1]!] === 0) firstUndated--;
  for (let r = firstUndated - 1; r >= 0; r--) {
    const k = at[c.order[r]!]!;
    if (k >= 0) out[m++] = k;
  }
  for (let r = firstUndated; r < c.n; r++) {
    const k = at[c.order[r]!]!;
    if (k >= 0) out[m++] = k;
  }
  return out;
}
