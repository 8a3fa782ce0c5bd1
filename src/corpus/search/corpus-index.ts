/**
 * The corpus search index: the CorpusIndex class that ties the folder's parts together.
 * Everything a query touches lives in typed arrays (index-layout.ts), built once from the records
 * (build.ts); `serialize()` gives one JSON string (arrays as base64), open-index.ts writes
 * the same parts as a binary file that loads as views on one read (serialization.ts):
 *
 * - postings: for each stem, the documents that hold it (delta varints) with a static
 *   BM25F score per document (fields: title ×3, summary/claims/proposals/questions ×1.5,
 *   authors/outlet/place/party names ×1.5, full text ×1), MiniSearch's BM25+ formula,
 *   parameters and prefix/typo weights (scoring.ts); a query adds them up in one array, with
 *   a bit per query word for AND (query-terms.ts, match.ts);
 * - a vocabulary in frequency order with a sorted view for prefix and typo lookup;
 * - token streams (every field's stems in order) to verify "phrases" (phrases.ts) and mark
 *   snippets;
 * - per-document facet columns (dictionaries in Swedish label order) and a newest-first
 *   order, so filters are one pass (filters.ts) and facets one pass over the matches
 *   (facets.ts);
 * - the few stored fields hits show (UTF-8, decoded per hit; hits.ts), with the snippet
 *   text: summary, claims, proposals, questions and the first 2 000 characters of a full text
 *   (stored-text.ts: in memory, or left in the index file and read per record).
 *
 * A first version used MiniSearch as the engine; at 100 000 synthetic records its query p95
 * was ~400 ms, its JSON 76 MB without any stored text and its load 2–4.5 s.
 * bench/corpus-minisearch.ts keeps it as a comparison.
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";
import { buildColumns, mergeColumns } from "./build.js";
import type { Typed } from "./columns.js";
import { countFacets } from "./facets.js";
import { filterMask } from "./filters.js";
import { makeHit, matchedStems, storedField } from "./hits.js";
import type { Columns } from "./index-layout.js";
import { accumulators, matchDocs, type Accumulators } from "./match.js";
import { parseQuery } from "./query.js";
import { termSpecs, type TermSpec } from "./query-terms.js";
import { topK } from "./scoring.js";
import { dateOrder } from "./sort.js";
import type { StoredText } from "./stored-text.js";
import {
  columnsFromParts,
  partsFromJson,
  partsOf,
  partsToJson,
  type IndexArrayName,
  type IndexParts,
} from "./serialization.js";
import type { SearchFilters, SearchQuery, SearchResult } from "./types.js";

export class CorpusIndex {
  readonly #c: Columns;
  #acc: Accumulators | undefined;
  #scratch = { a: new Uint32Array(4096) };

  private constructor(columns: Columns) {
    this.#c = columns;
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.#c.n;
  }

  static build(docs: readonly CorpusDocument[]): CorpusIndex {
    return new CorpusIndex(buildColumns(docs));
  }

  /**
   * A new index with `docs` put in as a store's putDocuments puts them (replaced by id in place, else appended):
   * only they are analysed, and the result equals a build over the same documents in the same order (build.ts).
   * With `reuse`, this index's arrays are taken over by the new one (no second copy of them while it is built): this
   * index must not be used afterwards, not even when the call throws.
   */
  withDocuments(docs: readonly CorpusDocument[], options: { reuse?: boolean } = {}): CorpusIndex {
    return new CorpusIndex(mergeColumns(this.#c, docs, options));
  }

  /** The same index with its stored records read from `stored` (the same records, where they lie now). */
  withStored(stored: StoredText): CorpusIndex {
    if (stored.n !== this.#c.n) throw new Error("stored records of another index");
    return new CorpusIndex({ ...this.#c, stored });
  }

  // ── Filters ─────────────────────────────────────────────────────────────

  /** Ids of the documents the filters let through, newest first (for export). */
  filter(filters: SearchFilters = {}): string[] {
    const c = this.#c;
    const mask = filterMask(c, filters);
    const out: string[] = [];
    for (let r = 0; r < c.n; r++) {
      const i = c.order[r]!;
      if (!mask || mask[i]) out.push(storedField(c, i, 0));
    }
    return out;
  }

  // ── Search ──────────────────────────────────────────────────────────────

  search(q: SearchQuery): SearchResult {
    const limit =
      q.limit === undefined || Number.isNaN(q.limit)
        ? 20
        : Math.max(0, Math.min(Math.floor(q.limit), Number.MAX_SAFE_INTEGER));
    const offset = Math.max(0, Math.min(Math.floor(q.offset ?? 0) || 0, Number.MAX_SAFE_INTEGER));
    const r = this.#run(q);
    if (q.sort === "newest" || q.sort === "oldest") {
      // By date: every match in date order, the page's hits built from their positions.
      const ks = dateOrder(this.#c, r.docs, r.count, q.sort);
      const page = ks.subarray(Math.min(offset, r.count), Math.min(offset + limit, r.count));
      const specs = r.specs;
      const hits = Array.from(page, (k) =>
        specs
          ? makeHit(this.#c, r.docs[k]!, r.scores[k]!, matchedStems(this.#c, r.docs[k]!, specs, this.#scratch))
          : makeHit(this.#c, r.docs[k]!, 0, undefined),
      );
      return {
        total: r.count,
        hits,
        facets: countFacets(this.#c, r.docs, r.count),
        ...(r.relaxed ? { relaxed: true } : {}),
      };
    }
    if (!r.specs) {
      const hits = Array.from(r.docs.subarray(Math.min(offset, r.count), Math.min(offset + limit, r.count)), (i) =>
        makeHit(this.#c, i, 0, undefined),
      );
      return { total: r.count, hits, facets: countFacets(this.#c, r.docs, r.count) };
    }
    const specs = r.specs;
    const top = topK(r.docs, r.scores, r.count, Math.min(offset + limit, r.count), this.#c.rank).slice(offset);
    const hits = top.map((k) =>
      makeHit(this.#c, r.docs[k]!, r.scores[k]!, matchedStems(this.#c, r.docs[k]!, specs, this.#scratch)),
    );
    return {
      total: r.count,
      hits,
      facets: countFacets(this.#c, r.docs, r.count),
      ...(r.relaxed ? { relaxed: true } : {}),
    };
  }

  /**
   * The ids of every match in the order `search` ranks them, without building hits (for
   * export: no snippets, no citations).
   */
  searchIds(q: Omit<SearchQuery, "limit" | "offset">): string[] {
    const r = this.#run(q);
    if (q.sort === "newest" || q.sort === "oldest")
      return Array.from(dateOrder(this.#c, r.docs, r.count, q.sort), (k) => storedField(this.#c, r.docs[k]!, 0));
    const order = r.specs
      ? topK(r.docs, r.scores, r.count, r.count, this.#c.rank).map((k) => r.docs[k]!)
      : r.docs.subarray(0, r.count);
    return Array.from(order, (i) => storedField(this.#c, i, 0));
  }

  /** The matching ordinals (newest first when there is no text) with their scores. */
  #run(q: Omit<SearchQuery, "limit" | "offset">): {
    docs: Uint32Array;
    scores: Float64Array;
    count: number;
    specs?: TermSpec[];
    relaxed?: boolean;
  } {
    const c = this.#c;
    const mask = filterMask(c, q.filters);
    const parsed = parseQuery(q.text ?? "");
    if (!parsed.hasWords) {
      // No text: the filtered documents, newest first.
      const docs = new Uint32Array(c.n);
      let count = 0;
      for (let r = 0; r < c.n; r++) {
        const i = c.order[r]!;
        if (!mask || mask[i]) docs[count++] = i;
      }
      return { docs, scores: new Float64Array(0), count };
    }
    const specs = termSpecs(c.vocab, c.df, parsed);
    this.#acc ??= accumulators(c.n);
    const acc = this.#acc;
    let m = matchDocs(c, acc, specs, parsed, mask, false);
    let relaxed = false;
    if (m.count === 0 && specs.filter((s) => !s.phrase).length > 1) {
      m = matchDocs(c, acc, specs, parsed, mask, true);
      relaxed = m.count > 0;
    }
    return { ...m, specs, relaxed };
  }

  // ── Serialisation ───────────────────────────────────────────────────────

  /**
   * The index taken apart, for serialisation (JSON here, a binary file in open-index.ts); without `stored`, the
   * stored records are left out (read them in pieces with `storedPieces`).
   */
  parts(options: { stored?: boolean } = {}): IndexParts {
    return partsOf(this.#c, options);
  }

  /**
   * The stored records in order, in pieces of about a megabyte (written out without being held whole), each valid
   * until the next is asked for.
   */
  storedPieces(): Iterable<Buffer> {
    return this.#c.stored.pieces();
  }

  /** One JSON string; typed arrays as base64. */
  serialize(): string {
    return partsToJson(this.parts());
  }

  /** Throws on anything that is not an index of this format version, or a damaged one. */
  static deserialize(s: string): CorpusIndex {
    const { meta, arrays } = partsFromJson(s);
    return CorpusIndex.fromParts(meta, arrays);
  }

  /**
   * Puts an index back together from its parts; throws when they are not of this version, or damaged. `stored`: the
   * stored records where they lie, when `arrays.stored` does not hold them (open-index.ts leaves them on disk).
   */
  static fromParts(meta: IndexParts["meta"], arrays: Record<IndexArrayName, Typed>, stored?: StoredText): CorpusIndex {
    return new CorpusIndex(columnsFromParts(meta, arrays, stored));
  }
}
