/**
 * A concordance over the corpus as the service and the CLI hold it: the search index chooses
 * the records (filters, and words where it can; candidates.ts), the records' texts come from
 * the store's documents, and concordance.ts does the rest.
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";
import type { CorpusIndex, SearchFilters } from "../search/index.js";
import { candidateIds } from "./candidates.js";
import { concordance, type Concordance, type ConcordanceOptions } from "./concordance.js";
import type { Pattern } from "./pattern.js";

/** The documents by id, made once per list of documents (the store hands out the same list until a write). */
const byIdCache = new WeakMap<readonly CorpusDocument[], Map<string, CorpusDocument>>();

function byId(docs: readonly CorpusDocument[]): Map<string, CorpusDocument> {
  let m = byIdCache.get(docs);
  if (!m) {
    m = new Map(docs.map((d) => [d.id, d]));
    byIdCache.set(docs, m);
  }
  return m;
}

/** The records with these ids, in this order (ids the documents lack are skipped). */
export function* documentsOf(ids: readonly string[], docs: readonly CorpusDocument[]): Generator<CorpusDocument> {
  const m = byId(docs);
  for (const id of ids) {
    const d = m.get(id);
    if (d) yield d;
  }
}

export function corpusConcordance(
  corpus: { index: Pick<CorpusIndex, "filter" | "searchIds">; documents: readonly CorpusDocument[] },
  pattern: Pattern,
  filters: SearchFilters,
  options: ConcordanceOptions = {},
): Concordance {
  const ids = candidateIds(corpus.index, pattern, filters);
  return concordance([...documentsOf(ids, corpus.documents)], pattern, options);
}
