/** "Did you mean": the candidates nearest to what the user typed, by edit distance on folded text. */
import { distance } from "fastest-levenshtein";
import { fold } from "./normalize.js";

export function nearest(query: string, candidates: readonly string[], count = 3): string[] {
  const q = fold(query);
  return candidates
    .map((c) => {
      const f = fold(c);
      // People get the start of a name right more often than the rest: a shared beginning
      // counts (up to four letters), and a name that starts with all that was typed most.
      let common = 0;
      while (common < Math.min(q.length, f.length, 4) && q[common] === f[common]) common++;
      const prefixBonus = q.length >= 3 && f.startsWith(q) ? 2 : common * 0.5;
      return { c, d: distance(q, f) - prefixBonus };
    })
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c, "sv"))
    .slice(0, count)
    .map((x) => x.c);
}
