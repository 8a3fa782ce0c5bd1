/** "Did you mean": the candidates nearest to what the user typed, by edit distance on folded text. */
import { distance } from "fastest-levenshtein";
import { fold } from "./normalize.js";

export function nearest(query: string, candidates: readonly string[], count = 3): string[] {
  const q = fold(query);
  return candidates
    .map((c) => {
      const f = fold(c);
      // A candidate that starts with what was typed is nearer than its edit distance says.
      const prefixBonus = q.length >= 3 && f.startsWith(q) ? -1.5 : 0;
      return { c, d: distance(q, f) + prefixBonus };
    })
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c, "sv"))
    .slice(0, count)
    .map((x) => x.c);
}
