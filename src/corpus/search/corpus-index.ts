/**
 * The corpus search index. Everything a query touches lives in typed arrays, built once from
 * the records; `serialize()` gives one JSON string (arrays as base64), open-index.ts writes
 * the same parts as a binary file that loads as views on one read:
 *
 * - postings: for each stem, the documents that hold it (delta varints) with a static
 *   BM25F score per document (fields: title ×3, summary/claims/proposals/questions ×1.5,
 *   authors/outlet/place/party names ×1.5, full text ×1), MiniSearch's BM25+ formula,
 *   parameters and prefix/typo weights; a query adds them up in one array, with a bit per
 *   query word for AND;
 * - a vocabulary in frequency order with a sorted view for prefix and typo lookup;
 * - token streams (every field's stems in order) to verify "phrases" and mark snippets;
 * - per-document facet columns (dictionaries in Swedish label order) and a newest-first
 *   order, so filters are one pass and facets one pass over the matches;
 * - the few stored fields hits show (UTF-8, decoded per hit), with the snippet text: summary,
 *   claims, proposals, questions and the first 2 000 characters of a full text.
 *
 * A first version used MiniSearch as the engine; at 100 000 synthetic records its query p95
 * was ~400 ms, its JSON 76 MB without any stored text and its load 2–4.5 s.
 * bench/corpus-minisearch.ts keeps it as a comparison.
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";
import { foldCase } from "../../lang/normalize.js";
import { topicLabel } from "../vocabulary.js";
import { analyze } from "./analyze.js";
import { citationOf, partyName } from "./citation.js";
import { decodeArray, encodeArray, readVarints, VarintWriter, type ArrayKind, type Typed } from "./columns.js";
import { parseQuery, type ParsedQuery } from "./query.js";
import { makeSnippet, type Snippet } from "./snippet.js";
import { Vocabulary } from "./vocabulary.js";

export interface SearchFilters {
  kind?: string[];
  party?: string[];
  /** SCB municipality codes ("0186"). */
  municipality?: string[];
  /** County codes ("01"). */
  county?: string[];
  /** Topic ids ("sexkop"). */
  topic?: string[];
  /** First year, inclusive (from the record's date; undated records drop out of a range). */
  from?: number;
  /** Last year, inclusive. */
  to?: number;
}

export interface SearchQuery {
  /** Free words and "quoted phrases"; empty: every document the filters let through, newest first. */
  text: string;
  filters?: SearchFilters;
  /** Hits to return; default 20. */
  limit?: number;
  offset?: number;
}

export interface Place {
  code: string;
  name: string;
}

export interface SearchAuthor {
  name: string;
  party?: string;
  role?: string;
}

export interface SearchHit {
  id: string;
  score: number;
  title: string;
  kind: string;
  date: string | null;
  municipality: Place | null;
  county: Place | null;
  parties: string[];
  authors: SearchAuthor[];
  outlet?: string;
  topics: string[];
  snippet: Snippet;
  citation: string;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export const facetNames = ["kind", "party", "municipality", "county", "year", "topic"] as const;
export type FacetName = (typeof facetNames)[number];

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Counts over every matching document (not just this page); largest first, years newest first. */
  facets: Record<FacetName, FacetValue[]>;
  /** Set when no document had all the words, and the hits are those with some of them. */
  relaxed?: boolean;
}

/** Bumped whenever the serialised shape or the text pipeline changes: old files are then rebuilt. */
export const indexFormatVersion = 2;
const formatName = "motionera-corpus-index";

/** How much of an imported full text is kept for snippets (all of it is indexed). */
const fullTextSnippetChars = 2000;

/** Fields and their boosts: title, body (summary, claims, proposals, questions), names, full text. */
const boosts = [3, 1.5, 1.5, 1] as const;
const fieldCount = boosts.length;
/** MiniSearch's BM25+ parameters and prefix/fuzzy weights, so ranking matches what it would give. */
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
const prefixWeight = 0.375;
const fuzzyWeight = 0.45;
/**
 * Typo tolerance: a fifth of the letters, rounded, for stems of five letters or more, and at
 * most two edits (with three, "vänsterpartiet" would find "centerpartiet").
 */
const fuzzyShare = 0.2;
const minFuzzyLength = 5;
const maxFuzzyEdits = 2;
/** Prefix search for the last word once it has three letters; its 128 most common completions. */
const minPrefix = 3;
const maxPrefixTerms = 128;
/** Scores are stored as varints of hundredths. */
const scoreScale = 100;
/** A query's words (phrase words included) beyond this many are ignored. */
const maxQueryTerms = 31;

/** The typed arrays of an index and their element types: what serialisation writes. */
export const indexArrays = {
  stored: "u8",
  storedOff: "u32",
  sorted: "u32",
  df: "u32",
  postOff: "u32",
  postBytes: "u8",
  kind: "u8",
  year: "u16",
  muni: "u16",
  county: "u16",
  partyOff: "u32",
  partyVal: "u16",
  topicOff: "u32",
  topicVal: "u16",
  order: "u32",
  tokOff: "u32",
  tokBytes: "u8",
  avgLen: "f32",
} as const satisfies Record<string, ArrayKind>;
export type IndexArrayName = keyof typeof indexArrays;

/** An index taken apart: the JSON-able rest, and its typed arrays by name. */
export interface IndexParts {
  meta: { format: string; version: number; n: number; dicts: Record<string, unknown>; vocab: readonly string[] };
  arrays: Record<IndexArrayName, Typed>;
}

interface Columns {
  n: number;
  /** Per document, UTF-8: id \t title \t date \t outlet \t authors JSON \t snippet text, back to back. */
  stored: Buffer;
  /** Byte offsets into `stored`. */
  storedOff: Uint32Array;
  kinds: string[];
  parties: string[];
  munis: Place[];
  counties: Place[];
  topics: string[];
  vocab: Vocabulary;
  /** Documents per term (id - 1). */
  df: Uint32Array;
  postOff: Uint32Array;
  /** Per term: (document delta, score in hundredths) varint pairs. */
  postBytes: Uint8Array;
  kind: Uint8Array;
  year: Uint16Array;
  /** Index + 1 into munis / counties; 0 for none. */
  muni: Uint16Array;
  county: Uint16Array;
  partyOff: Uint32Array;
  partyVal: Uint16Array;
  topicOff: Uint32Array;
  topicVal: Uint16Array;
  /** Ordinals newest first (undated last), and each ordinal's place in that order. */
  order: Uint32Array;
  rank: Uint32Array;
  tokOff: Uint32Array;
  /** Per document: term-id varints, 0 between segments (fields, claims, proposals …). */
  tokBytes: Uint8Array;
  /** Average field lengths, kept for information. */
  avgLen: Float32Array;
}

/** One query word and the terms it stands for, each with its weight (1 exact, less for prefix or typo). */
interface TermSpec {
  bit: number;
  ids: number[];
  weights: number[];
  postings: number;
  phrase: boolean;
}

class Dict<T> {
  readonly values: T[] = [];
  readonly #at = new Map<string, number>();
  constructor(private readonly key: (x: T) => string) {}
  index(x: T): number {
    const k = this.key(x);
    let i = this.#at.get(k);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(x);
      this.#at.set(k, i);
    }
    return i;
  }
}

let collator: Intl.Collator | undefined;
const compareLabels = (a: string, b: string) => (collator ??= new Intl.Collator("sv")).compare(a, b);

const oneLine = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** "2023-02-21" → 20230221, "2023-02" → 20230200, "2023" → 20230000: newest first sorts on it. */
const dateKey = (d: string | null) => (d ? Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7) || 0) * 100 + Number(d.slice(8, 10) || 0) : -1);

function bm25Score(tf: number, df: number, n: number, len: number, avg: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return idf * (bm25.d + (tf * (bm25.k + 1)) / (tf + bm25.k * (1 - bm25.b + (bm25.b * len) / avg)));
}

/** Growable Uint32 list. */
class U32List {
  a = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.a.length) {
      const next = new Uint32Array(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.length++] = v;
  }
}

export class CorpusIndex {
  readonly #c: Columns;
  #scores: Float64Array | undefined;
  #bits: Uint32Array | undefined;
  #touched = new U32List();
  #scratch = { a: new Uint32Array(4096) };

  private constructor(columns: Columns) {
    this.#c = columns;
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.#c.n;
  }

  static build(docs: readonly CorpusDocument[]): CorpusIndex {
    const n = docs.length;
    const kinds = new Dict<string>((x) => x);
    const parties = new Dict<string>((x) => x);
    const munis = new Dict<Place>((x) => x.code);
    const counties = new Dict<Place>((x) => x.code);
    const topics = new Dict<string>((x) => x);
    const terms = new Dict<string>((x) => x);

    const kind = new Uint8Array(n);
    const year = new Uint16Array(n);
    const muni = new Uint16Array(n);
    const county = new Uint16Array(n);
    const partyOff = new Uint32Array(n + 1);
    const topicOff = new Uint32Array(n + 1);
    const partyVal: number[] = [];
    const topicVal: number[] = [];
    let stored = Buffer.allocUnsafe(1 << 20);
    const storedOff = new Uint32Array(n + 1);
    let storedBytes = 0;

    // Pass 1: stems per field; per document its distinct terms with their frequency per field.
    const tokens = new U32List(); // provisional term ids, 0 between segments
    const tokOffTmp = new Uint32Array(n + 1);
    const docTermOff = new Uint32Array(n + 1);
    const docTerms = new U32List(); // provisional term id
    const docTf = new U32List(); // fieldCount frequencies per entry (capped at 65535 by Uint32 anyway)
    const fieldLen = new Uint32Array(n * fieldCount);
    const fieldTotal = new Float64Array(fieldCount);
    const dfField: U32List[] = Array.from({ length: fieldCount }, () => new U32List());
    const freq = new U32List(); // token count per provisional term
    const stems: string[] = [];
    const local = new Map<number, number>(); // provisional term id → entry index in docTerms for this doc

    for (let i = 0; i < n; i++) {
      const d = docs[i]!;
      kind[i] = kinds.index(d.kind);
      year[i] = d.date ? Number(d.date.slice(0, 4)) : 0;
      muni[i] = d.municipality ? munis.index({ code: d.municipality.code, name: d.municipality.name }) + 1 : 0;
      county[i] = d.county ? counties.index({ code: d.county.code, name: d.county.name }) + 1 : 0;
      for (const p of new Set(d.parties)) partyVal.push(parties.index(p));
      partyOff[i + 1] = partyVal.length;
      for (const t of new Set(d.topics)) topicVal.push(topics.index(t));
      topicOff[i + 1] = topicVal.length;

      const title = oneLine(d.title);
      const fullText = d.fullText ? oneLine(d.fullText) : "";
      let head = fullText.slice(0, fullTextSnippetChars);
      if (head.length < fullText.length) head = head.replace(/\s+\S*$/u, "");
      const body = [d.summary, ...d.arguments.map((a) => a.claim), ...d.proposals, ...d.questions].map(oneLine).concat(head).filter((s) => s.length > 0).join("\n");
      const authors = JSON.stringify(d.authors.map((a) => ({ name: a.name, ...(a.party ? { party: a.party } : {}), ...(a.role ? { role: a.role } : {}) })));
      const rec = [d.id, title, d.date ?? "", d.outlet ? oneLine(d.outlet) : "", authors, body].join("\t");
      const need = Buffer.byteLength(rec, "utf8");
      if (storedBytes + need > stored.length) {
        const next = Buffer.allocUnsafe(Math.max(stored.length * 2, storedBytes + need));
        stored.copy(next, 0, 0, storedBytes);
        stored = next;
      }
      storedBytes += stored.write(rec, storedBytes, "utf8");
      storedOff[i + 1] = storedBytes;

      tokOffTmp[i] = tokens.length;
      docTermOff[i] = docTerms.length;
      local.clear();
      const segment = (text: string | undefined, field: number) => {
        if (!text) return;
        stems.length = 0;
        analyze(text, stems);
        for (const s of stems) {
          const t = terms.index(s) + 1;
          if (t > freq.length) freq.push(0);
          freq.a[t - 1]!++;
          tokens.push(t);
          let e = local.get(t);
          if (e === undefined) {
            e = docTerms.length;
            local.set(t, e);
            docTerms.push(t);
            for (let f = 0; f < fieldCount; f++) docTf.push(0);
          }
          docTf.a[e * fieldCount + field]!++;
        }
        fieldLen[i * fieldCount + field]! += stems.length;
        tokens.push(0);
      };
      segment(title, 0);
      segment(d.summary, 1);
      for (const a of d.arguments) segment(a.claim, 1);
      for (const p of d.proposals) segment(p, 1);
      for (const q of d.questions) segment(q, 1);
      for (const a of d.authors) segment(a.name, 2);
      segment(d.outlet, 2);
      segment(d.municipality?.name, 2);
      for (const p of d.parties) if (partyName(p) !== p) segment(partyName(p), 2);
      segment(d.fullText, 3);
      for (let f = 0; f < fieldCount; f++) fieldTotal[f]! += fieldLen[i * fieldCount + f]!;
      for (let e = docTermOff[i]!; e < docTerms.length; e++) {
        const t = docTerms.a[e]!;
        for (let f = 0; f < fieldCount; f++) {
          if (docTf.a[e * fieldCount + f]) {
            const list = dfField[f]!;
            while (list.length < t) list.push(0);
            list.a[t - 1]!++;
          }
        }
      }
    }
    tokOffTmp[n] = tokens.length;
    docTermOff[n] = docTerms.length;

    // Dictionaries in label order (Swedish collation), so facets sort without a collator.
    const sortDict = <T>(values: T[], label: (x: T) => string): { values: T[]; perm: Uint32Array } => {
      const idx = values.map((_, k) => k).sort((a, b) => compareLabels(label(values[a]!), label(values[b]!)));
      const perm = new Uint32Array(values.length);
      idx.forEach((old, k) => (perm[old] = k));
      return { values: idx.map((k) => values[k]!), perm };
    };
    const kindD = sortDict(kinds.values, (x) => x);
    const partyD = sortDict(parties.values, (x) => x);
    const muniD = sortDict(munis.values, (x) => x.name);
    const countyD = sortDict(counties.values, (x) => x.name);
    const topicD = sortDict(topics.values, topicLabel);
    for (let i = 0; i < n; i++) {
      kind[i] = kindD.perm[kind[i]!]!;
      if (muni[i]) muni[i] = muniD.perm[muni[i]! - 1]! + 1;
      if (county[i]) county[i] = countyD.perm[county[i]! - 1]! + 1;
    }
    for (let k = 0; k < partyVal.length; k++) partyVal[k] = partyD.perm[partyVal[k]!]!;
    for (let k = 0; k < topicVal.length; k++) topicVal[k] = topicD.perm[topicVal[k]!]!;
    const avgLen = Float32Array.from(fieldTotal, (t) => (n > 0 ? t / n || 1 : 1));

    // Final term ids in falling frequency.
    const v = terms.values.length;
    const byFreq = Uint32Array.from({ length: v }, (_, k) => k + 1).sort((a, b) => freq.a[b - 1]! - freq.a[a - 1]! || (terms.values[a - 1]! < terms.values[b - 1]! ? -1 : 1));
    const newId = new Uint32Array(v + 1);
    byFreq.forEach((old, k) => (newId[old] = k + 1));
    const vocabTerms = Array.from(byFreq, (old) => terms.values[old - 1]!);

    // Pass 2: postings per final term, documents ascending, static BM25F score each.
    const df = new Uint32Array(v);
    for (let e = 0; e < docTerms.length; e++) df[newId[docTerms.a[e]!]! - 1]!++;
    const start = new Uint32Array(v + 1);
    for (let t = 0; t < v; t++) start[t + 1] = start[t]! + df[t]!;
    const cursor = start.slice(0, v);
    const postDoc = new Uint32Array(docTerms.length);
    const postScore = new Uint32Array(docTerms.length);
    for (let i = 0; i < n; i++) {
      for (let e = docTermOff[i]!; e < docTermOff[i + 1]!; e++) {
        const old = docTerms.a[e]!;
        let s = 0;
        for (let f = 0; f < fieldCount; f++) {
          const tf = docTf.a[e * fieldCount + f]!;
          if (tf) s += boosts[f]! * bm25Score(tf, dfField[f]!.a[old - 1]!, n, fieldLen[i * fieldCount + f]!, avgLen[f]!);
        }
        const t = newId[old]! - 1;
        const at = cursor[t]!++;
        postDoc[at] = i;
        postScore[at] = Math.max(1, Math.round(s * scoreScale));
      }
    }
    const post = new VarintWriter();
    const postOff = new Uint32Array(v + 1);
    for (let t = 0; t < v; t++) {
      postOff[t] = post.length;
      let last = 0;
      for (let k = start[t]!; k < start[t + 1]!; k++) {
        post.write(postDoc[k]! - last);
        last = postDoc[k]!;
        post.write(postScore[k]!);
      }
    }
    postOff[v] = post.length;

    // Token streams with the final ids.
    const tok = new VarintWriter();
    const tokOff = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      tokOff[i] = tok.length;
      for (let k = tokOffTmp[i]!; k < tokOffTmp[i + 1]!; k++) {
        const t = tokens.a[k]!;
        tok.write(t === 0 ? 0 : newId[t]!);
      }
    }
    tokOff[n] = tok.length;

    const dates = docs.map((d) => dateKey(d.date));
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => dates[b]! - dates[a]! || (docs[a]!.id < docs[b]!.id ? -1 : docs[a]!.id > docs[b]!.id ? 1 : 0));
    const rank = new Uint32Array(n);
    order.forEach((o, r) => (rank[o] = r));

    return new CorpusIndex({
      n,
      stored: Buffer.from(stored.subarray(0, storedBytes)),
      storedOff,
      kinds: kindD.values,
      parties: partyD.values,
      munis: muniD.values,
      counties: countyD.values,
      topics: topicD.values,
      vocab: new Vocabulary(vocabTerms),
      df,
      postOff,
      postBytes: post.bytes(),
      kind,
      year,
      muni,
      county,
      partyOff,
      partyVal: Uint16Array.from(partyVal),
      topicOff,
      topicVal: Uint16Array.from(topicVal),
      order,
      rank,
      tokOff,
      tokBytes: tok.bytes(),
      avgLen,
    });
  }

  // ── Filters ─────────────────────────────────────────────────────────────

  /** 1 for each ordinal the filters let through; undefined when they let everything through. */
  #mask(f: SearchFilters | undefined): Uint8Array | undefined {
    if (!f) return undefined;
    const c = this.#c;
    const flags = <T>(values: readonly T[], wanted: readonly string[] | undefined, key: (x: T) => string, offset = 0) => {
      if (!wanted || wanted.length === 0) return undefined;
      const w = new Set(wanted.map((x) => foldCase(String(x))));
      const out = new Uint8Array(values.length + offset);
      values.forEach((v, i) => (out[i + offset] = w.has(foldCase(key(v))) ? 1 : 0));
      return out;
    };
    const id = (x: string) => x;
    const code = (p: Place) => p.code;
    const kindF = flags(c.kinds, f.kind, id);
    const partyF = flags(c.parties, f.party, id);
    const muniF = flags(c.munis, f.municipality, code, 1);
    const countyF = flags(c.counties, f.county?.map((x) => (/^\d$/.test(String(x).trim()) ? `0${String(x).trim()}` : String(x).trim())), code, 1);
    const topicF = flags(c.topics, f.topic, id);
    const from = typeof f.from === "number" && Number.isFinite(f.from) ? f.from : undefined;
    const to = typeof f.to === "number" && Number.isFinite(f.to) ? f.to : undefined;
    if (!kindF && !partyF && !muniF && !countyF && !topicF && from === undefined && to === undefined) return undefined;
    const years = from !== undefined || to !== undefined;
    const lo = from ?? 1;
    const hi = to ?? 65535;
    const mask = new Uint8Array(c.n);
    for (let i = 0; i < c.n; i++) {
      if (kindF && !kindF[c.kind[i]!]) continue;
      if (muniF && !muniF[c.muni[i]!]) continue;
      if (countyF && !countyF[c.county[i]!]) continue;
      if (years) {
        const y = c.year[i]!;
        if (y === 0 || y < lo || y > hi) continue;
      }
      if (partyF && !anyOf(partyF, c.partyVal, c.partyOff[i]!, c.partyOff[i + 1]!)) continue;
      if (topicF && !anyOf(topicF, c.topicVal, c.topicOff[i]!, c.topicOff[i + 1]!)) continue;
      mask[i] = 1;
    }
    return mask;
  }

  /** Ids of the documents the filters let through, newest first (for export). */
  filter(filters: SearchFilters = {}): string[] {
    const c = this.#c;
    const mask = this.#mask(filters);
    const out: string[] = [];
    for (let r = 0; r < c.n; r++) {
      const i = c.order[r]!;
      if (!mask || mask[i]) out.push(this.#field(i, 0));
    }
    return out;
  }

  // ── Search ──────────────────────────────────────────────────────────────

  search(q: SearchQuery): SearchResult {
    const limit = q.limit === undefined || Number.isNaN(q.limit) ? 20 : Math.max(0, Math.min(Math.floor(q.limit), Number.MAX_SAFE_INTEGER));
    const offset = Math.max(0, Math.min(Math.floor(q.offset ?? 0) || 0, Number.MAX_SAFE_INTEGER));
    const r = this.#run(q);
    if (!r.specs) {
      const hits = Array.from(r.docs.subarray(Math.min(offset, r.count), Math.min(offset + limit, r.count)), (i) => this.#hit(i, 0, undefined));
      return { total: r.count, hits, facets: this.#facets(r.docs, r.count) };
    }
    const specs = r.specs;
    const top = topK(r.docs, r.scores, r.count, Math.min(offset + limit, r.count), this.#c.rank).slice(offset);
    const hits = top.map((k) => this.#hit(r.docs[k]!, r.scores[k]!, this.#matchedStems(r.docs[k]!, specs)));
    return { total: r.count, hits, facets: this.#facets(r.docs, r.count), ...(r.relaxed ? { relaxed: true } : {}) };
  }

  /**
   * The ids of every match in the order `search` ranks them, without building hits (for
   * export: no snippets, no citations).
   */
  searchIds(q: Omit<SearchQuery, "limit" | "offset">): string[] {
    const r = this.#run(q);
    const order = r.specs ? topK(r.docs, r.scores, r.count, r.count, this.#c.rank).map((k) => r.docs[k]!) : r.docs.subarray(0, r.count);
    return Array.from(order, (i) => this.#field(i, 0));
  }

  /** The matching ordinals (newest first when there is no text) with their scores. */
  #run(q: Omit<SearchQuery, "limit" | "offset">): { docs: Uint32Array; scores: Float64Array; count: number; specs?: TermSpec[]; relaxed?: boolean } {
    const c = this.#c;
    const mask = this.#mask(q.filters);
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
    const specs = this.#specs(parsed);
    let m = this.#match(specs, parsed, mask, false);
    let relaxed = false;
    if (m.count === 0 && specs.filter((s) => !s.phrase).length > 1) {
      m = this.#match(specs, parsed, mask, true);
      relaxed = m.count > 0;
    }
    return { ...m, specs, relaxed };
  }

  /** The query's words as term sets: each free word its exact term, prefix completions and near misses; phrase words exact. */
  #specs(p: ParsedQuery): TermSpec[] {
    const v = this.#c.vocab;
    const df = this.#c.df;
    const specs: TermSpec[] = [];
    const add = (ids: number[], weights: number[], phrase: boolean) => {
      if (specs.length >= maxQueryTerms) return;
      let postings = 0;
      for (const id of ids) postings += df[id - 1]!;
      specs.push({ bit: 1 << specs.length, ids, weights, postings, phrase });
    };
    p.free.forEach((t, i) => {
      const ids: number[] = [];
      const weights: number[] = [];
      const seen = new Set<number>();
      const exact = v.id(t.stem);
      if (exact) {
        ids.push(exact);
        weights.push(1);
        seen.add(exact);
      }
      if (p.prefixLast && i === p.free.length - 1 && t.stem.length >= minPrefix) {
        let more = v.withPrefix(t.stem);
        if (more.length > maxPrefixTerms) more = more.sort((a, b) => df[b - 1]! - df[a - 1]!).slice(0, maxPrefixTerms);
        for (const id of more) {
          const len = v.term(id).length;
          ids.push(id);
          weights.push((prefixWeight * len) / (len + 0.3 * (len - t.stem.length)));
          seen.add(id);
        }
      }
      if (t.stem.length >= minFuzzyLength) {
        const maxDistance = Math.min(maxFuzzyEdits, Math.round(t.stem.length * fuzzyShare));
        for (const { id, distance } of v.fuzzy(t.stem, maxDistance)) {
          if (seen.has(id)) continue;
          const len = v.term(id).length;
          ids.push(id);
          weights.push((fuzzyWeight * len) / (len + distance));
        }
      }
      add(ids, weights, false);
    });
    for (const stem of new Set(p.phrases.flat())) {
      const id = v.id(stem);
      add(id ? [id] : [], id ? [1] : [], true);
    }
    return specs;
  }

  /** Documents with every word (or, relaxed, at least one free word and every phrase word), filtered, phrases verified. */
  #match(specs: readonly TermSpec[], p: ParsedQuery, mask: Uint8Array | undefined, relaxed: boolean) {
    const c = this.#c;
    const scores = (this.#scores ??= new Float64Array(c.n));
    const bits = (this.#bits ??= new Uint32Array(c.n));
    const touched = this.#touched;
    touched.length = 0;
    let all = 0;
    let freeBits = 0;
    let phraseBits = 0;
    for (const s of specs) {
      all |= s.bit;
      if (s.phrase) phraseBits |= s.bit;
      else freeBits |= s.bit;
    }
    const empty = { docs: new Uint32Array(0), scores: new Float64Array(0), count: 0 };
    if (specs.length === 0) return empty;
    if (specs.some((s) => s.ids.length === 0 && (!relaxed || s.phrase))) return empty;

    // Rarest first: under AND, later words only touch documents the first one found.
    const ordered = relaxed ? specs : [...specs].sort((a, b) => a.postings - b.postings);
    const bytes = c.postBytes;
    ordered.forEach((s, si) => {
      const onlyKnown = !relaxed && si > 0;
      for (let k = 0; k < s.ids.length; k++) {
        const t = s.ids[k]! - 1;
        const w = s.weights[k]!;
        let i = c.postOff[t]!;
        const end = c.postOff[t + 1]!;
        let doc = 0;
        while (i < end) {
          let x = 0;
          let shift = 0;
          let b: number;
          do {
            b = bytes[i++]!;
            x |= (b & 0x7f) << shift;
            shift += 7;
          } while (b & 0x80);
          doc += x;
          let sc = 0;
          shift = 0;
          do {
            b = bytes[i++]!;
            sc |= (b & 0x7f) << shift;
            shift += 7;
          } while (b & 0x80);
          const had = bits[doc]!;
          if (had === 0) {
            // Filters apply before ranking: a filtered-out document is never a candidate.
            if (onlyKnown || (mask && !mask[doc])) continue;
            touched.push(doc);
          }
          bits[doc] = had | s.bit;
          scores[doc]! += (w * sc) / scoreScale;
        }
      }
    });

    const phraseIds = p.phrases.length > 0 ? this.#phraseBytes(p.phrases) : [];
    const docs = new Uint32Array(touched.length);
    const out = new Float64Array(touched.length);
    let count = 0;
    for (let k = 0; k < touched.length; k++) {
      const doc = touched.a[k]!;
      const b = bits[doc]!;
      const sc = scores[doc]!;
      bits[doc] = 0;
      scores[doc] = 0;
      if (relaxed ? (b & freeBits) === 0 || (b & phraseBits) !== phraseBits : b !== all) continue;
      if (phraseIds && phraseIds.length > 0 && !this.#hasPhrases(doc, phraseIds)) continue;
      if (phraseIds === undefined) continue;
      docs[count] = doc;
      out[count] = sc * popcount(b);
      count++;
    }
    return { docs, scores: out, count };
  }

  /** Each phrase as the varint bytes of its term ids in a row; undefined when a word is nowhere in the corpus. */
  #phraseBytes(phrases: readonly string[][]): Buffer[] | undefined {
    const out: Buffer[] = [];
    for (const ph of phrases) {
      const w = new VarintWriter();
      for (const s of ph) {
        const id = this.#c.vocab.id(s);
        if (!id) return undefined;
        w.write(id);
      }
      out.push(Buffer.from(w.bytes()));
    }
    return out;
  }

  /**
   * The phrases' byte patterns in the document's token stream, each at a token boundary (the
   * byte before is the last of a varint, < 0x80), which makes a byte match a token match.
   */
  #hasPhrases(doc: number, phrases: readonly Buffer[]): boolean {
    const c = this.#c;
    const from = c.tokOff[doc]!;
    const to = c.tokOff[doc + 1]!;
    const stream = Buffer.from(c.tokBytes.buffer, c.tokBytes.byteOffset + from, to - from);
    for (const ph of phrases) {
      let at = stream.indexOf(ph);
      while (at > 0 && stream[at - 1]! >= 0x80) at = stream.indexOf(ph, at + 1);
      if (at < 0) return false;
    }
    return true;
  }

  /** The stems of the query's terms that the document holds, for snippet marks. */
  #matchedStems(doc: number, specs: readonly TermSpec[]): Set<string> {
    const c = this.#c;
    const wanted = new Set<number>();
    for (const s of specs) for (const id of s.ids) wanted.add(id);
    const n = readVarints(c.tokBytes, c.tokOff[doc]!, c.tokOff[doc + 1]!, this.#scratch);
    const out = new Set<string>();
    const a = this.#scratch.a;
    for (let k = 0; k < n; k++) if (wanted.has(a[k]!)) out.add(c.vocab.term(a[k]!));
    return out;
  }

  // ── Hits and facets ─────────────────────────────────────────────────────

  /** Stored field k of document i: 0 id, 1 title, 2 date, 3 outlet, 4 authors JSON, 5 snippet text. */
  #field(i: number, k: number): string {
    const c = this.#c;
    const from = c.storedOff[i]!;
    if (k === 0) {
      const tab = c.stored.indexOf(9, from);
      return c.stored.toString("utf8", from, tab >= 0 && tab < c.storedOff[i + 1]! ? tab : c.storedOff[i + 1]!);
    }
    return c.stored.toString("utf8", from, c.storedOff[i + 1]!).split("\t")[k] ?? "";
  }

  #hit(i: number, score: number, matched: ReadonlySet<string> | undefined): SearchHit {
    const c = this.#c;
    const [id = "", title = "", date = "", outlet = "", authors = "[]", body = ""] = c.stored.toString("utf8", c.storedOff[i]!, c.storedOff[i + 1]!).split("\t");
    const municipality = c.muni[i] ? c.munis[c.muni[i]! - 1]! : null;
    const county = c.county[i] ? c.counties[c.county[i]! - 1]! : null;
    const parties: string[] = [];
    for (let k = c.partyOff[i]!; k < c.partyOff[i + 1]!; k++) parties.push(c.parties[c.partyVal[k]!]!);
    const topics: string[] = [];
    for (let k = c.topicOff[i]!; k < c.topicOff[i + 1]!; k++) topics.push(c.topics[c.topicVal[k]!]!);
    const hit: SearchHit = {
      id,
      score: Math.round(score * 1000) / 1000,
      title,
      kind: c.kinds[c.kind[i]!]!,
      date: date || null,
      municipality: municipality ? { ...municipality } : null,
      county: county ? { ...county } : null,
      parties,
      authors: parseAuthors(authors),
      ...(outlet ? { outlet } : {}),
      topics,
      snippet: makeSnippet(body, matched ?? new Set()),
      citation: "",
    };
    hit.citation = citationOf(hit as SearchHit & { kind: CorpusDocument["kind"] });
    return hit;
  }

  /** Facet counts over the first `count` matching ordinals, in one pass. */
  #facets(matches: ArrayLike<number>, count: number): Record<FacetName, FacetValue[]> {
    const c = this.#c;
    const kind = new Uint32Array(c.kinds.length);
    const party = new Uint32Array(c.parties.length);
    const muni = new Uint32Array(c.munis.length + 1);
    const county = new Uint32Array(c.counties.length + 1);
    const topic = new Uint32Array(c.topics.length);
    const year = new Uint32Array(65536);
    let minYear = 65535;
    let maxYear = 0;
    for (let k = 0; k < count; k++) {
      const i = matches[k]!;
      kind[c.kind[i]!]!++;
      muni[c.muni[i]!]!++;
      county[c.county[i]!]!++;
      const y = c.year[i]!;
      if (y) {
        year[y]!++;
        if (y < minYear) minYear = y;
        if (y > maxYear) maxYear = y;
      }
      for (let j = c.partyOff[i]!; j < c.partyOff[i + 1]!; j++) party[c.partyVal[j]!]!++;
      for (let j = c.topicOff[i]!; j < c.topicOff[i + 1]!; j++) topic[c.topicVal[j]!]!++;
    }
    // Dictionaries are in label order: largest count first, then by label.
    const list = (counts: Uint32Array, shift: number, value: (i: number) => FacetValue) => {
      const out: number[] = [];
      for (let i = shift; i < counts.length; i++) if (counts[i]) out.push(i - shift);
      out.sort((a, b) => counts[b + shift]! - counts[a + shift]! || a - b);
      return out.map(value);
    };
    const years: FacetValue[] = [];
    for (let y = maxYear; y >= minYear; y--) if (year[y]) years.push({ value: String(y), label: String(y), count: year[y]! });
    return {
      kind: list(kind, 0, (i) => ({ value: c.kinds[i]!, label: c.kinds[i]!, count: kind[i]! })),
      party: list(party, 0, (i) => ({ value: c.parties[i]!, label: c.parties[i]!, count: party[i]! })),
      municipality: list(muni, 1, (i) => ({ value: c.munis[i]!.code, label: c.munis[i]!.name, count: muni[i + 1]! })),
      county: list(county, 1, (i) => ({ value: c.counties[i]!.code, label: c.counties[i]!.name, count: county[i + 1]! })),
      year: years,
      topic: list(topic, 0, (i) => ({ value: c.topics[i]!, label: topicLabel(c.topics[i]!), count: topic[i]! })),
    };
  }

  // ── Serialisation ───────────────────────────────────────────────────────

  /** The index taken apart, for serialisation (JSON here, a binary file in open-index.ts). */
  parts(): IndexParts {
    const c = this.#c;
    return {
      meta: {
        format: formatName,
        version: indexFormatVersion,
        n: c.n,
        dicts: { kinds: c.kinds, parties: c.parties, munis: c.munis, counties: c.counties, topics: c.topics },
        vocab: c.vocab.terms,
      },
      arrays: {
        stored: c.stored,
        storedOff: c.storedOff,
        sorted: c.vocab.sorted,
        df: c.df,
        postOff: c.postOff,
        postBytes: c.postBytes,
        kind: c.kind,
        year: c.year,
        muni: c.muni,
        county: c.county,
        partyOff: c.partyOff,
        partyVal: c.partyVal,
        topicOff: c.topicOff,
        topicVal: c.topicVal,
        order: c.order,
        tokOff: c.tokOff,
        tokBytes: c.tokBytes,
        avgLen: c.avgLen,
      },
    };
  }

  /** One JSON string; typed arrays as base64. */
  serialize(): string {
    const { meta, arrays } = this.parts();
    const encoded: Record<string, unknown> = {};
    for (const name of Object.keys(indexArrays) as IndexArrayName[]) encoded[name] = encodeArray(arrays[name]);
    return JSON.stringify({ ...meta, arrays: encoded });
  }

  /** Throws on anything that is not an index of this format version, or a damaged one. */
  static deserialize(s: string): CorpusIndex {
    const raw = JSON.parse(s) as Record<string, unknown>;
    const a = raw?.["arrays"] as Record<string, unknown> | undefined;
    CorpusIndex.#checkMeta(raw);
    if (!a || typeof a !== "object") throw new Error("index damaged");
    const arrays = {} as Record<IndexArrayName, Typed>;
    for (const [name, t] of Object.entries(indexArrays) as [IndexArrayName, ArrayKind][]) arrays[name] = decodeArray(a[name], t);
    return CorpusIndex.fromParts(raw as unknown as IndexParts["meta"], arrays);
  }

  static #checkMeta(raw: Record<string, unknown> | null | undefined): void {
    if (!raw || typeof raw !== "object" || raw["format"] !== formatName) throw new Error("not a corpus index");
    if (raw["version"] !== indexFormatVersion) throw new Error(`index format ${String(raw["version"])}, expected ${indexFormatVersion}`);
  }

  /** Puts an index back together from its parts; throws when they are not of this version, or damaged. */
  static fromParts(meta: IndexParts["meta"], arrays: Record<IndexArrayName, Typed>): CorpusIndex {
    CorpusIndex.#checkMeta(meta as unknown as Record<string, unknown>);
    const n = meta.n;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw new Error("index size missing");
    const dicts = meta.dicts;
    const vocab = meta.vocab;
    if (!dicts || typeof dicts !== "object" || !Array.isArray(vocab)) throw new Error("index damaged");
    const list = <T>(x: unknown): T[] => {
      if (!Array.isArray(x)) throw new Error("index dictionary damaged");
      return x as T[];
    };
    for (const [name, t] of Object.entries(indexArrays) as [IndexArrayName, ArrayKind][]) {
      const x = arrays[name];
      const ok = t === "u8" ? x instanceof Uint8Array : t === "u16" ? x instanceof Uint16Array : t === "u32" ? x instanceof Uint32Array : x instanceof Float32Array;
      if (!ok) throw new Error(`index array ${name} missing`);
    }
    const a = arrays as {
      [K in IndexArrayName]: (typeof indexArrays)[K] extends "u8" ? Uint8Array : (typeof indexArrays)[K] extends "u16" ? Uint16Array : (typeof indexArrays)[K] extends "u32" ? Uint32Array : Float32Array;
    };
    const v = vocab.length;
    const c: Columns = {
      n,
      stored: Buffer.from(a.stored.buffer, a.stored.byteOffset, a.stored.byteLength),
      storedOff: a.storedOff,
      kinds: list(dicts["kinds"]),
      parties: list(dicts["parties"]),
      munis: list(dicts["munis"]),
      counties: list(dicts["counties"]),
      topics: list(dicts["topics"]),
      vocab: new Vocabulary(vocab as string[], a.sorted),
      df: a.df,
      postOff: a.postOff,
      postBytes: a.postBytes,
      kind: a.kind,
      year: a.year,
      muni: a.muni,
      county: a.county,
      partyOff: a.partyOff,
      partyVal: a.partyVal,
      topicOff: a.topicOff,
      topicVal: a.topicVal,
      order: a.order,
      rank: new Uint32Array(n),
      tokOff: a.tokOff,
      tokBytes: a.tokBytes,
      avgLen: a.avgLen,
    };
    const lengths: [ArrayLike<number>, number][] = [
      [c.kind, n], [c.year, n], [c.muni, n], [c.county, n], [c.order, n],
      [c.partyOff, n + 1], [c.topicOff, n + 1], [c.tokOff, n + 1], [c.storedOff, n + 1],
      [a.sorted, v], [c.df, v], [c.postOff, v + 1],
    ];
    for (const [arr, len] of lengths) if (arr.length !== len) throw new Error("index column damaged");
    if (c.storedOff[n] !== c.stored.length || c.tokOff[n] !== c.tokBytes.length || c.postOff[v] !== c.postBytes.length) throw new Error("index damaged: lengths");
    if (c.partyOff[n]! > c.partyVal.length || c.topicOff[n]! > c.topicVal.length) throw new Error("index damaged: lists");
    if (c.kinds.length > 256 || c.munis.length >= 65535 || c.counties.length >= 65535) throw new Error("index damaged: dictionaries");
    for (let r = 0; r < n; r++) {
      const o = c.order[r]!;
      if (o >= n) throw new Error("index damaged: order");
      c.rank[o] = r;
    }
    return new CorpusIndex(c);
  }
}

function parseAuthors(json: string): SearchAuthor[] {
  try {
    const xs = JSON.parse(json) as unknown;
    return Array.isArray(xs) ? (xs as SearchAuthor[]) : [];
  } catch {
    return [];
  }
}

function anyOf(flags: Uint8Array, values: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (flags[values[k]!]) return true;
  return false;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The positions (in docs/scores) of the k best of the first `count` candidates, best first:
 * highest score; equal scores, the newer (lower rank). A bounded binary heap when k is small
 * beside count, a sort when not.
 */
function topK(docs: Uint32Array, scores: Float64Array, count: number, k: number, rank: Uint32Array): number[] {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && rank[docs[a]!]! < rank[docs[b]!]!);
  if (k <= 0 || count === 0) return [];
  if (k * 4 >= count) {
    const idx = Array.from({ length: count }, (_, i) => i).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    return idx.slice(0, k);
  }
  // Min-heap (worst on top) of candidate positions.
  const heap: number[] = [];
  const up = (j: number) => {
    while (j > 0) {
      const p = (j - 1) >> 1;
      if (!better(heap[p]!, heap[j]!)) break;
      [heap[p], heap[j]] = [heap[j]!, heap[p]!];
      j = p;
    }
  };
  const down = (j: number) => {
    for (;;) {
      const l = 2 * j + 1;
      const r = l + 1;
      let w = j;
      if (l < heap.length && better(heap[w]!, heap[l]!)) w = l;
      if (r < heap.length && better(heap[w]!, heap[r]!)) w = r;
      if (w === j) return;
      [heap[w], heap[j]] = [heap[j]!, heap[w]!];
      j = w;
    }
  };
  for (let i = 0; i < count; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
