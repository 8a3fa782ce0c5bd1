/**
 * A second baseline: MiniSearch itself as the engine, with the same Swedish pipeline, fields
 * and boosts, facets counted over every result from precomputed columns. This was the first
 * design of src/corpus/search; the benchmark keeps it to show why the index now scores over
 * its own typed arrays. Phrases are searched as required words, not verified (which favours
 * MiniSearch).
 */
import MiniSearch, { type Options, type QueryCombination } from "minisearch";
import type { CorpusDocument } from "../src/domain/corpus-document.js";
import { analyze, parseQuery, type SearchQuery } from "../src/corpus/search/index.js";
import { partyName } from "../src/domain/signer.js";

type Entry = { id: number; title: string; body: string; names: string; fullText: string };

const options: Options<Entry> = {
  idField: "id",
  fields: ["title", "body", "names", "fullText"],
  storeFields: [],
  tokenize: (s) => (s.length === 0 ? [] : s.split(" ")),
  processTerm: (t) => t,
  searchOptions: {
    boost: { title: 3, body: 1.5, names: 1.5, fullText: 1 },
    combineWith: "AND",
    maxFuzzy: 2,
    tokenize: (s) => [s],
    processTerm: (t) => t,
  },
};

const stems = (xs: readonly (string | undefined)[]) => xs.flatMap((x) => (x ? analyze(x) : [])).join(" ");

export class MiniSearchEngine {
  constructor(
    readonly ms: MiniSearch<Entry>,
    readonly docs: readonly CorpusDocument[],
  ) {}

  static build(docs: readonly CorpusDocument[]): MiniSearchEngine {
    const ms = new MiniSearch<Entry>(options);
    ms.addAll(
      docs.map((d, id) => ({
        id,
        title: stems([d.title]),
        body: stems([d.summary, ...d.arguments.map((a) => a.claim), ...d.proposals, ...d.questions]),
        names: stems([...d.authors.map((a) => a.name), d.outlet, d.municipality?.name, ...d.parties.map(partyName)]),
        fullText: stems([d.fullText]),
      })),
    );
    return new MiniSearchEngine(ms, docs);
  }

  serialize(): string {
    return JSON.stringify(this.ms);
  }

  static load(json: string, docs: readonly CorpusDocument[]): MiniSearchEngine {
    return new MiniSearchEngine(MiniSearch.loadJSON<Entry>(json, options), docs);
  }

  /** Ranked ids of the first page and facet counts over every result. */
  search(q: SearchQuery): { total: number; ids: string[] } {
    const p = parseQuery(q.text);
    const f = q.filters ?? {};
    const last = p.free.length - 1;
    const queries: QueryCombination[] = [
      ...p.free.map((t, i) => ({
        queries: [t.stem],
        prefix: p.prefixLast && i === last && t.stem.length >= 3,
        fuzzy: t.stem.length >= 5 ? 0.2 : false,
      })),
      ...[...new Set(p.phrases.flat())].map((s) => ({ queries: [s], prefix: false, fuzzy: false })),
    ];
    const docs = this.docs;
    const pass = (d: CorpusDocument) => {
      if (f.kind?.length && !f.kind.includes(d.kind)) return false;
      if (f.party?.length && !d.parties.some((x) => f.party!.includes(x))) return false;
      if (f.county?.length && !(d.county && f.county.includes(d.county.code))) return false;
      if (f.municipality?.length && !(d.municipality && f.municipality.includes(d.municipality.code))) return false;
      if (f.topic?.length && !d.topics.some((t) => f.topic!.includes(t))) return false;
      if (f.from !== undefined || f.to !== undefined) {
        const y = d.date ? Number(d.date.slice(0, 4)) : 0;
        if (!y || (f.from !== undefined && y < f.from) || (f.to !== undefined && y > f.to)) return false;
      }
      return true;
    };
    let mask: Uint8Array | undefined;
    if (Object.keys(f).length > 0) {
      mask = new Uint8Array(docs.length);
      for (let i = 0; i < docs.length; i++) mask[i] = pass(docs[i]!) ? 1 : 0;
    }
    const m = mask;
    const results = this.ms.search({ combineWith: "AND", queries }, m ? { boostDocument: (id: number) => m[id]! } : {});
    const facets = new Map<string, number>();
    for (const r of results) {
      const d = docs[r.id as number]!;
      for (const k of [
        `k:${d.kind}`,
        `m:${d.municipality?.code}`,
        `c:${d.county?.code}`,
        `y:${d.date?.slice(0, 4)}`,
        ...d.parties.map((x) => `p:${x}`),
        ...d.topics.map((x) => `t:${x}`),
      ])
        facets.set(k, (facets.get(k) ?? 0) + 1);
    }
    return { total: results.length, ids: results.slice(0, q.limit ?? 20).map((r) => docs[r.id as number]!.id) };
  }
}
