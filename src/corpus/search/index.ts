/**
 * Corpus search, the face of the folder: Swedish-aware full text (stems, stop words, prefix,
 * typos, "phrases") with filters and facets, for the CLI and the web.
 *
 *   const { index } = await openIndex(store);
 *   index.search({ text: "sexköpare \"köp av sexuell tjänst\"", filters: { county: ["01"], from: 2020 } });
 */
export { CorpusIndex } from "./corpus-index.js";
export { indexFormatVersion } from "./serialization.js";
export {
  facetNames,
  type FacetName,
  type FacetValue,
  type Place,
  type SearchAuthor,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
  searchSorts,
} from "./types.js";
export type { Snippet } from "./snippet.js";
export { citationOf, type Citable } from "./citation.js";
export {
  defaultIndexPath,
  openIndex,
  readIndexFile,
  readIndexHeader,
  saveIndexFile,
  writeIndexFile,
  type IndexFileHeader,
  type OpenedIndex,
} from "./open-index.js";
export { IndexUpdater } from "./update-index.js";
export { analyze } from "./analyze.js";
export { parseQuery, type ParsedQuery } from "./query.js";
