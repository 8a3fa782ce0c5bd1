/**
 * Which records a concordance reads, asked of the search index through its public API: the
 * records the filters let through (newest first), narrowed by the index's stems where that
 * can only leave out records without a match.
 *
 * Each word of the pattern that is not a stop word is looked up as a one-word "phrase" (its
 * exact stem: no prefixes, no typos), and a record must hold every such word. As written, a
 * word's stem is the index's stem of it. With inflections, a word matches every word with
 * the same key (the stem with definite forms reduced); the index holds such a word under the
 * key itself, the key + "et" ("stödet"), or, for a key in "-el", the key + "n" ("handeln"):
 * those are looked up, and a record with any of them counts. Where a stem cannot be looked up
 * as itself (the stemmer would change it again) or no word can be, the filters alone choose.
 */
import { stem } from "../../lang/stem.js";
import { isStopWord } from "../../lang/tokenize.js";
import type { CorpusIndex, SearchFilters } from "../search/index.js";
import { maxIndexedWordLength, type Pattern, type PatternWord } from "./pattern.js";

/** The index stems a word of the pattern can stand under in a matching record; undefined: cannot say. */
function indexStems(w: PatternWord, inflections: boolean): string[] | undefined {
  if (!inflections) return [w.form];
  const alternatives = [w.key, `${w.key}et`, ...(w.key.endsWith("el") ? [`${w.key}n`] : [])];
  // Looked up as typed words, so each must be its own stem.
  return alternatives.every((s) => stem(s) === s) ? alternatives : undefined;
}

export function candidateIds(
  index: Pick<CorpusIndex, "filter" | "searchIds">,
  pattern: Pattern,
  filters: SearchFilters,
): string[] {
  const inOrder = index.filter(filters);
  const words = pattern.words.filter((w) => !isStopWord(w.form) && w.form.length <= maxIndexedWordLength);
  if (words.length === 0) return inOrder;
  if (!pattern.inflections) {
    // Every word as a one-word phrase, in one search: the search ANDs its phrases.
    const found = new Set(index.searchIds({ text: words.map((w) => `"${w.form}"`).join(" "), filters }));
    return inOrder.filter((id) => found.has(id));
  }
  let found: Set<string> | undefined;
  for (const w of words) {
    const stems = indexStems(w, pattern.inflections);
    if (!stems) continue;
    const withWord = new Set<string>();
    for (const s of stems) for (const id of index.searchIds({ text: `"${s}"`, filters })) withWord.add(id);
    found = found ? new Set([...found].filter((id) => withWord.has(id))) : withWord;
    if (found.size === 0) return [];
  }
  return found ? inOrder.filter((id) => found.has(id)) : inOrder;
}
