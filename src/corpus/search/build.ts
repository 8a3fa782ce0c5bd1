/**
 * Building an index's columns from CorpusDocument records, in two passes: the first stems
 * every field, fills the dictionaries and facet columns and stores the fields hits show; the
 * second numbers the terms by falling frequency and writes each term's postings with their
 * static BM25F scores, and the token streams phrases and snippets read. Dictionaries end in
 * Swedish label order, documents get a newest-first order.
 *
 * An index also keeps each document's distinct terms with their frequency per field and its
 * field lengths (the forward arrays), so adding a batch of documents to it (`mergeColumns`)
 * re-runs only the second pass over the kept first-pass data, analysing just the new
 * documents' text: the result is the same index a full build over the same documents, in the
 * same order, gives. A replaced document is analysed again in its place, so no stale postings
 * remain.
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";
import { topicLabel } from "../../domain/vocabulary.js";
import { analyze } from "./analyze.js";
import { partyName } from "../../domain/signer.js";
import { grown, U16List, U32List, VarintReader, VarintWriter } from "./columns.js";
import type { Columns } from "./index-layout.js";
import { StoredText } from "./stored-text.js";
import { bm25Score, boosts, fieldCount, scoreScale } from "./scoring.js";
import type { Place } from "./types.js";
import { Vocabulary } from "./vocabulary.js";

/** How much of an imported full text is kept for snippets (all of it is indexed). */
const fullTextSnippetChars = 2000;

/** Values numbered in the order they are first seen, by key. */
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
const compareLabels = (a: string, b: string) => {
  collator ??= new Intl.Collator("sv");
  return collator.compare(a, b);
};

const oneLine = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** "2023-02-21" → 20230221, "2023-02" → 20230200, "2023" → 20230000, undated 0: newest first sorts on it. */
const dateKeyOf = (d: string | null | undefined) =>
  d ? Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7) || 0) * 100 + Number(d.slice(8, 10) || 0) : 0;

/** A document id's 32-bit FNV-1a hash (over its UTF-16 code units): the `idHash` column. */
function idHashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Where the i-th document of a build comes from: a record to analyse, or a document of an existing index. */
type Source = { doc: CorpusDocument } | { from: Columns; at: number };

/** The largest term frequency kept per field (the forward arrays hold it in 16 bits); higher counts as this. */
const maxTf = 65535;

/** The columns of an index over `docs`, which keep their order (a document's ordinal is its position). */
export function buildColumns(docs: readonly CorpusDocument[]): Columns {
  return buildFrom(docs.length, undefined, false, (i) => ({ doc: docs[i]! }));
}

/**
 * The columns of `base` with `docs` put in, as a store's putDocuments does: a document whose id the index holds is
 * replaced in its place, a new one appended, in order. Only the documents put in are analysed.
 *
 * With `reuse` (the caller is done with `base`: it must not be read afterwards, not even when this throws), documents
 * only appended are merged in place: the forward arrays, postings and token streams are written over the base's, grown
 * with headroom when they lack room, so the merge neither copies them nor leaves their old bytes to the collector.
 */
export function mergeColumns(
  base: Columns,
  docs: readonly CorpusDocument[],
  options: { reuse?: boolean } = {},
): Columns {
  // The batch by id, a later document of an id in the place of the first; then the base's ids read once, in order,
  // against it (no map of every id the base holds).
  const batch = new Map<string, number>();
  const unique: CorpusDocument[] = [];
  for (const d of docs) {
    const k = batch.get(d.id);
    if (k !== undefined) unique[k] = d;
    else {
      batch.set(d.id, unique.length);
      unique.push(d);
    }
  }
  const replaced = new Map<number, CorpusDocument>();
  const inBase = new Uint8Array(unique.length);
  // Only a document whose id hash is one of the batch's can be one it replaces: its stored id is read to make sure.
  const hashes = new Set(unique.map((d) => idHashOf(d.id)));
  if (batch.size > 0)
    for (let i = 0; i < base.n; i++) {
      if (!hashes.has(base.idHash[i]!)) continue;
      const k = batch.get(storedId(base, i));
      if (k === undefined) continue;
      replaced.set(i, unique[k]!);
      inBase[k] = 1;
    }
  const appended = unique.filter((_, k) => !inBase[k]);
  const inPlace = options.reuse === true && replaced.size === 0;
  return buildFrom(base.n + appended.length, base, inPlace, (i) => {
    if (i >= base.n) return { doc: appended[i - base.n]! };
    const d = replaced.get(i);
    return d ? { doc: d } : { from: base, at: i };
  });
}

/** The bytes of `v` as an LEB128 varint (as VarintWriter writes it). */
const varintLength = (v: number) => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);

/** Writes `v` as an LEB128 varint into `bytes` at `at`; returns where it ends. */
function writeVarint(bytes: Uint8Array, at: number, v: number): number {
  while (v >= 0x80) {
    bytes[at++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  bytes[at++] = v;
  return at;
}

/** A document's id: the first stored field. */
function storedId(c: Columns, i: number): string {
  return c.stored.id(i);
}

/**
 * The two passes over n documents, each from `source`; `seed` (the index the kept documents come from) numbers its
 * terms first, so their first-pass data is copied as it is. `inPlace`: the seed's documents are kept as they are, in
 * their places, the rest appended, and the seed's forward arrays, postings and token streams are written over.
 */
function buildFrom(n: number, seed: Columns | undefined, inPlace: boolean, source: (i: number) => Source): Columns {
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
  // The records of the documents analysed here, back to back; a copied document's record is the seed's, shared.
  // Working buffers: an in-place merge takes over those of the index it merges into (a batched import then fills the
  // same ones for every batch, instead of leaving a batch's worth to the collector each time).
  const scratch: BuildScratch | undefined = inPlace ? (seed!.scratch ?? newScratch()) : undefined;
  let stored = scratch?.stored ?? Buffer.allocUnsafe(1 << 20);
  const storedOff = new Uint32Array(n + 1);
  let storedBytes = 0;
  let storedCount = 0;
  const kept = new Int32Array(n).fill(-1);

  // Pass 1: stems per field; per document its distinct terms with their frequency per field.
  // Room for what the seed holds, scaled to n documents (the merged token streams and postings then seldom grow).
  const scale = seed && seed.n > 0 ? (n / seed.n) * 1.02 : 0;
  // Provisional term ids, 0 between segments: of the documents analysed here only. A copied document's tokens and
  // forward entries are read from the seed where they lie (its term ids are the provisional ones), so a merge
  // holds no second copy of the seed's data besides the arrays it builds.
  const tokens = scratch ? emptied(scratch.tokens) : new U32List();
  const tokOffTmp = new Uint32Array(n + 1);
  const docTermOff = new Uint32Array(n + 1);
  const docTerms = scratch ? emptied(scratch.docTerms) : new U32List(); // provisional term id
  // fieldCount frequencies per entry, counted up to maxTf (what the forward arrays keep).
  const docTf = scratch ? emptied(scratch.docTf) : new U16List();
  const fieldLen = new Uint32Array(n * fieldCount);
  const fieldTotal = new Float64Array(fieldCount);
  const dfField: U32List[] = Array.from({ length: fieldCount }, () => new U32List());
  const freq = new U32List(); // token count per provisional term
  const stems: string[] = [];
  const local = new Map<number, number>(); // provisional term id → entry index in docTerms for this doc
  if (seed)
    for (const term of seed.vocab.terms) {
      terms.index(term);
      freq.push(0);
    }
  const dateKey = new Uint32Array(n);
  const idHash = new Uint32Array(n);
  // The ids of the documents analysed here (a kept one's is read from the seed only when the order needs it).
  const ids: (string | undefined)[] = new Array(n);

  for (let i = 0; i < n; i++) {
    const src = source(i);
    if (!("doc" in src)) {
      copyDocument(src.from, src.at, i);
      continue;
    }
    const d = src.doc;
    dateKey[i] = dateKeyOf(d.date);
    idHash[i] = idHashOf(d.id);
    ids[i] = d.id;
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
    const body = [d.summary, ...d.arguments.map((a) => a.claim), ...d.proposals, ...d.questions]
      .map(oneLine)
      .concat(head)
      .filter((s) => s.length > 0)
      .join("\n");
    const authors = JSON.stringify(
      d.authors.map((a) => ({
        name: a.name,
        ...(a.party ? { party: a.party } : {}),
        ...(a.role ? { role: a.role } : {}),
      })),
    );
    const rec = [d.id, title, d.date ?? "", d.outlet ? oneLine(d.outlet) : "", authors, body].join("\t");
    const need = Buffer.byteLength(rec, "utf8");
    if (storedBytes + need > stored.length) {
      const next = Buffer.allocUnsafe(Math.max(stored.length * 2, storedBytes + need));
      stored.copy(next, 0, 0, storedBytes);
      stored = next;
    }
    storedBytes += stored.write(rec, storedBytes, "utf8");
    storedOff[++storedCount] = storedBytes;

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
        if (docTf.a[e * fieldCount + field]! < maxTf) docTf.a[e * fieldCount + field]!++;
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

  /** Document `j` of index `c` as the i-th, its first-pass data copied (its term ids are the seed's). */
  function copyDocument(c: Columns, j: number, i: number): void {
    dateKey[i] = c.dateKey[j]!;
    idHash[i] = c.idHash[j]!;
    kind[i] = kinds.index(c.kinds[c.kind[j]!]!);
    year[i] = c.year[j]!;
    muni[i] = c.muni[j] ? munis.index(c.munis[c.muni[j]! - 1]!) + 1 : 0;
    county[i] = c.county[j] ? counties.index(c.counties[c.county[j]! - 1]!) + 1 : 0;
    for (let k = c.partyOff[j]!; k < c.partyOff[j + 1]!; k++) partyVal.push(parties.index(c.parties[c.partyVal[k]!]!));
    partyOff[i + 1] = partyVal.length;
    for (let k = c.topicOff[j]!; k < c.topicOff[j + 1]!; k++) topicVal.push(topics.index(c.topics[c.topicVal[k]!]!));
    topicOff[i + 1] = topicVal.length;
    kept[i] = j;
    tokOffTmp[i] = tokens.length;
    docTermOff[i] = docTerms.length;
    for (let e = c.docTermOff[j]!; e < c.docTermOff[j + 1]!; e++) {
      const t = c.docTerms[e]!;
      for (let f = 0; f < fieldCount; f++) {
        const tf = c.docTf[e * fieldCount + f]!;
        freq.a[t - 1]! += tf;
        if (tf) {
          const list = dfField[f]!;
          while (list.length < t) list.push(0);
          list.a[t - 1]!++;
        }
      }
    }
    for (let f = 0; f < fieldCount; f++) {
      const len = c.fieldLen[j * fieldCount + f]!;
      fieldLen[i * fieldCount + f] = len;
      fieldTotal[f]! += len;
    }
  }

  // Dictionaries in label order (Swedish collation), so facets sort without a collator.
  const sortDict = <T>(values: T[], label: (x: T) => string): { values: T[]; perm: Uint32Array } => {
    const idx = values.map((_, k) => k).sort((a, b) => compareLabels(label(values[a]!), label(values[b]!)));
    const perm = new Uint32Array(values.length);
    idx.forEach((old, k) => {
      perm[old] = k;
    });
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
  // A term of the seed that no document holds any more (its documents were replaced) drops out.
  const live: number[] = [];
  for (let k = 1; k <= terms.values.length; k++) if (freq.a[k - 1]! > 0) live.push(k);
  const v = live.length;
  const byFreq = Uint32Array.from(live).sort(
    (a, b) => freq.a[b - 1]! - freq.a[a - 1]! || (terms.values[a - 1]! < terms.values[b - 1]! ? -1 : 1),
  );
  const newId = new Uint32Array(terms.values.length + 1);
  byFreq.forEach((old, k) => {
    newId[old] = k + 1;
  });
  const vocabTerms = Array.from(byFreq, (old) => terms.values[old - 1]!);

  // A document's forward entries: the seed's for a copied one, else those analysed here.
  const entries = (i: number) => {
    const j = kept[i]!;
    return j >= 0
      ? { terms: seed!.docTerms, tf: seed!.docTf, from: seed!.docTermOff[j]!, to: seed!.docTermOff[j + 1]! }
      : { terms: docTerms.a, tf: docTf.a, from: docTermOff[i]!, to: docTermOff[i + 1]! };
  };
  // Where each document's entries start in the forward arrays.
  const fwdOff = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const { from, to } = entries(i);
    fwdOff[i + 1] = fwdOff[i]! + (to - from);
  }
  const entryCount = fwdOff[n]!;

  // Pass 2: postings per final term, documents ascending, static BM25F score each.
  const df = new Uint32Array(v);
  for (let i = 0; i < n; i++) {
    const { terms: src, from, to } = entries(i);
    for (let e = from; e < to; e++) df[newId[src[e]!]! - 1]!++;
  }
  // Each posting's static score, in forward order, and the bytes of each term's postings (document deltas and scores
  // as varints), so they are written straight into one buffer of the right size.
  if (scratch && scratch.postScore.length < entryCount)
    scratch.postScore = new Uint32Array(Math.ceil(entryCount * 1.5));
  const postScore = scratch ? scratch.postScore : new Uint32Array(entryCount);
  const postLen = new Uint32Array(v);
  const lastDoc = new Uint32Array(v);
  // The forward arrays, with the final term ids (what mergeColumns copies).
  // In place: a kept document's entries lie where they lay in the seed's arrays (read before they are written over).
  const seedEntries = inPlace ? seed!.docTermOff[seed!.n]! : 0;
  const fwdTerms = inPlace ? grown(seed!.docTerms, entryCount, seedEntries) : new Uint32Array(entryCount);
  const fwdTf = inPlace
    ? grown(seed!.docTf, entryCount * fieldCount, seedEntries * fieldCount)
    : new Uint16Array(entryCount * fieldCount);
  for (let i = 0; i < n; i++) {
    const { terms: src, tf: tfs, from, to } = entries(i);
    for (let e = from, out = fwdOff[i]!; e < to; e++, out++) {
      const old = src[e]!;
      let s = 0;
      for (let f = 0; f < fieldCount; f++) {
        const tf = Math.min(tfs[e * fieldCount + f]!, maxTf);
        fwdTf[out * fieldCount + f] = tf;
        if (tf) s += boosts[f]! * bm25Score(tf, dfField[f]!.a[old - 1]!, n, fieldLen[i * fieldCount + f]!, avgLen[f]!);
      }
      const t = newId[old]! - 1;
      fwdTerms[out] = t + 1;
      const score = Math.max(1, Math.round(s * scoreScale));
      postScore[out] = score;
      postLen[t]! += varintLength(i - lastDoc[t]!) + varintLength(score);
      lastDoc[t] = i;
    }
  }
  const postOff = new Uint32Array(v + 1);
  for (let t = 0; t < v; t++) postOff[t + 1] = postOff[t]! + postLen[t]!;
  // Pass 2: postings per final term, documents ascending.
  // The seed's postings are not read (every score is computed again): in place, their bytes are written over.
  const postBytes = inPlace ? grown(seed!.postBytes, postOff[v]!, 0) : new Uint8Array(postOff[v]!);
  const cursor = postOff.slice(0, v);
  lastDoc.fill(0);
  for (let i = 0; i < n; i++)
    for (let out = fwdOff[i]!; out < fwdOff[i + 1]!; out++) {
      const t = fwdTerms[out]! - 1;
      let at = writeVarint(postBytes, cursor[t]!, i - lastDoc[t]!);
      at = writeVarint(postBytes, at, postScore[out]!);
      cursor[t] = at;
      lastDoc[t] = i;
    }

  // Token streams with the final ids.
  const { tokBytes, tokOff } = inPlace ? (tokensInPlace() ?? tokenStreams()) : tokenStreams();

  /** The token streams written anew: a kept document's read from the seed, its ids mapped. */
  function tokenStreams(): { tokBytes: Uint8Array; tokOff: Uint32Array } {
    const tok = new VarintWriter(seed ? seed.tokBytes.length * scale : undefined);
    const tokOff = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      tokOff[i] = tok.length;
      const j = kept[i]!;
      if (j >= 0) {
        const r = new VarintReader(seed!.tokBytes);
        r.pos = seed!.tokOff[j]!;
        const end = seed!.tokOff[j + 1]!;
        while (r.pos < end) {
          const t = r.next(end);
          tok.write(t === 0 ? 0 : newId[t]!);
        }
        continue;
      }
      appendTokens(i, tok);
    }
    tokOff[n] = tok.length;
    return { tokBytes: tok.bytes(), tokOff };
  }

  /**
   * The seed's token streams with their ids mapped where they lie, the appended documents' after them: when every id
   * keeps its varint length (else undefined: written anew).
   */
  function tokensInPlace(): { tokBytes: Uint8Array; tokOff: Uint32Array } | undefined {
    const s = seed!;
    for (let t = 1; t <= s.vocab.terms.length; t++) if (varintLength(newId[t]!) !== varintLength(t)) return undefined;
    const keptEnd = s.tokOff[s.n]!;
    let added = 0;
    for (let k = tokOffTmp[s.n]!; k < tokOffTmp[n]!; k++) {
      const t = tokens.a[k]!;
      added += varintLength(t === 0 ? 0 : newId[t]!);
    }
    const bytes = grown(s.tokBytes, keptEnd + added, keptEnd);
    const r = new VarintReader(bytes);
    while (r.pos < keptEnd) {
      const at = r.pos;
      const t = r.next(keptEnd);
      if (t !== 0) writeVarint(bytes, at, newId[t]!);
    }
    const tokOff = new Uint32Array(n + 1);
    tokOff.set(s.tokOff.subarray(0, s.n + 1));
    let at = keptEnd;
    for (let i = s.n; i < n; i++) {
      tokOff[i] = at;
      for (let k = tokOffTmp[i]!; k < tokOffTmp[i + 1]!; k++) {
        const t = tokens.a[k]!;
        at = writeVarint(bytes, at, t === 0 ? 0 : newId[t]!);
      }
    }
    tokOff[n] = at;
    return { tokBytes: bytes, tokOff };
  }

  /** An analysed document's tokens, with the final ids. */
  function appendTokens(i: number, tok: VarintWriter): void {
    for (let k = tokOffTmp[i]!; k < tokOffTmp[i + 1]!; k++) {
      const t = tokens.a[k]!;
      tok.write(t === 0 ? 0 : newId[t]!);
    }
  }

  const order = inPlace
    ? mergedOrder(seed!, n, dateKey, ids as string[])
    : sortedOrder(n, dateKey, (i) => (ids[i] ??= storedId(seed!, kept[i]!)));
  const rank = new Uint32Array(n);
  order.forEach((o, r) => {
    rank[o] = r;
  });

  return {
    n,
    stored: seed
      ? seed.stored.with(n, kept, Buffer.from(stored.subarray(0, storedBytes)), storedOff.subarray(0, storedCount + 1))
      : StoredText.of(Buffer.from(stored.subarray(0, storedBytes)), storedOff),
    kinds: kindD.values,
    parties: partyD.values,
    munis: muniD.values,
    counties: countyD.values,
    topics: topicD.values,
    vocab: new Vocabulary(vocabTerms),
    df,
    postOff,
    postBytes,
    kind,
    year,
    muni,
    county,
    partyOff,
    partyVal: Uint16Array.from(partyVal),
    topicOff,
    topicVal: Uint16Array.from(topicVal),
    dateKey,
    idHash,
    order,
    rank,
    tokOff,
    tokBytes,
    avgLen,
    docTermOff: fwdOff,
    docTerms: fwdTerms,
    docTf: fwdTf,
    fieldLen,
    ...(scratch ? { scratch: { ...scratch, stored } } : {}),
  };
}

/** Working buffers of in-place merges, passed from an index to the next (Columns.scratch). */
export interface BuildScratch {
  /** The analysed documents' token streams, forward terms and frequencies (provisional term ids). */
  tokens: U32List;
  docTerms: U32List;
  docTf: U16List;
  /** Their stored records, back to back (copied out into the index at the end). */
  stored: Buffer;
  /** A score per forward entry (pass 2). */
  postScore: Uint32Array;
}

const newScratch = (): BuildScratch => ({
  tokens: new U32List(),
  docTerms: new U32List(),
  docTf: new U16List(),
  stored: Buffer.allocUnsafe(1 << 20),
  postScore: new Uint32Array(0),
});

/** A list of the scratch, emptied (its buffer kept). */
function emptied<T extends U32List | U16List>(list: T): T {
  list.length = 0;
  return list;
}

/** Comes document a before document b, newest first (undated last), the same date by id? */
const before = (dateA: number, idA: string, dateB: number, idB: string) =>
  dateA !== dateB ? dateA > dateB : idA < idB;

/** The ordinals 0 … n-1 newest first (undated last), the same date by id (`idOf`, asked only on a tie of dates). */
function sortedOrder(n: number, dateKey: Uint32Array, idOf: (i: number) => string): Uint32Array {
  return Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    if (dateKey[a] !== dateKey[b]) return dateKey[b]! - dateKey[a]!;
    const x = idOf(a);
    const y = idOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * The order of a merge in place (the seed's documents kept at their ordinals, the rest appended): the appended
 * documents sorted and put into the seed's order, each where a search over the dates finds its place; a seed
 * document's stored id is read only where the dates are the same (a stretch of one date searched by id). Equals
 * `sortedOrder` over all n.
 */
function mergedOrder(seed: Columns, n: number, dateKey: Uint32Array, ids: readonly string[]): Uint32Array {
  const added = Uint32Array.from({ length: n - seed.n }, (_, k) => seed.n + k).sort((a, b) =>
    before(dateKey[a]!, ids[a]!, dateKey[b]!, ids[b]!) ? -1 : 1,
  );
  const out = new Uint32Array(n);
  let m = 0;
  let r = 0;
  for (const a of added) {
    // The first place r ≤ k ≤ seed.n whose seed document comes after `a`: the dates first, then ids within a date.
    let lo = r;
    let hi = seed.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dateKey[seed.order[mid]!]! > dateKey[a]!) lo = mid + 1;
      else hi = mid;
    }
    let at = lo;
    hi = seed.n;
    while (at < hi) {
      const mid = (at + hi) >>> 1;
      if (dateKey[seed.order[mid]!] === dateKey[a]) at = mid + 1;
      else hi = mid;
    }
    // Within [lo, at) the dates are a's: search by id.
    let top = at;
    at = lo;
    while (at < top) {
      const mid = (at + top) >>> 1;
      if (seed.stored.id(seed.order[mid]!) < ids[a]!) at = mid + 1;
      else top = mid;
    }
    while (r < at) out[m++] = seed.order[r++]!;
    out[m++] = a;
  }
  while (r < seed.n) out[m++] = seed.order[r++]!;
  return out;
}
