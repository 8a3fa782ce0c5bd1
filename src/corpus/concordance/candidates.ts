/**
 * Which records a concordance reads, asked of the search index through its public API: the
 * records the filters let through (newest first). Matching exact forms, the index's own word
 * search narrows them first: a record holding the words as written holds their stems, so it
 * is among the search's matches (the search adds prefixes and typos, never drops a record
 * with every word). With inflections the stems of the index are not the concordance's (they
 * leave definite forms alone), so the filters alone choose, and the texts are read.
 */
import type { CorpusIndex, SearchFilters } from "../search/index.js";
import { isStopWord } from "../../lang/tokenize.js";
import { maxIndexedWordLength, type Pattern } from "./pattern.js";

export function candidateIds(
  index: Pick<CorpusIndex, "filter" | "searchIds">,
  pattern: Pattern,
  filters: SearchFilters,
): string[] {
  const words = pattern.words.map((w) => w.form);
  const searchable =
    !pattern.inflections && words.some((w) => !isStopWord(w)) && words.every((w) => w.length <= maxIndexedWordLength);
  if (!searchable) return index.filter(filters);
  const found = new Set(index.searchIds({ text: words.join(" "), filters }));
  // Newest first, as without a text.
  return index.filter(filters).filter((id) => found.has(id));
}
