/**
 * An index taken apart and put back: its parts are the JSON-able rest (format, version,
 * size, dictionaries, vocabulary) and its typed arrays by name; `serialize` writes them as one
 * JSON string (arrays as base64), open-index.ts as a binary file. Putting them back checks
 * the format version and every array's type and length, so a damaged index throws.
 */
import { decodeArray, encodeArray, type ArrayKind, type Typed } from "./columns.js";
import type { Columns } from "./index-layout.js";
import { StoredText } from "./stored-text.js";
import { fieldCount } from "./scoring.js";
import { Vocabulary } from "./vocabulary.js";

/** Bumped whenever the serialised shape or the text pipeline changes: old files are then rebuilt. */
export const indexFormatVersion = 4;
const formatName = "motionera-corpus-index";

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
  dateKey: "u32",
  idHash: "u32",
  order: "u32",
  tokOff: "u32",
  tokBytes: "u8",
  avgLen: "f32",
  docTermOff: "u32",
  docTerms: "u32",
  docTf: "u16",
  fieldLen: "u32",
} as const satisfies Record<string, ArrayKind>;
export type IndexArrayName = keyof typeof indexArrays;

/** An index taken apart: the JSON-able rest, and its typed arrays by name. */
export interface IndexParts {
  meta: { format: string; version: number; n: number; dicts: Record<string, unknown>; vocab: readonly string[] };
  arrays: Record<IndexArrayName, Typed>;
}

/**
 * The index taken apart, for serialisation (JSON here, a binary file in open-index.ts). Without `stored` (the file's
 * writer, which writes the records in pieces), the `stored` array is left empty; `storedOff` is given either way.
 */
export function partsOf(c: Columns, options: { stored?: boolean } = {}): IndexParts {
  return {
    meta: {
      format: formatName,
      version: indexFormatVersion,
      n: c.n,
      dicts: { kinds: c.kinds, parties: c.parties, munis: c.munis, counties: c.counties, topics: c.topics },
      vocab: c.vocab.terms,
    },
    arrays: {
      stored: options.stored === false ? new Uint8Array(0) : c.stored.whole(),
      storedOff: c.stored.offsets(),
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
      dateKey: c.dateKey,
      idHash: c.idHash,
      order: c.order,
      tokOff: c.tokOff,
      tokBytes: c.tokBytes,
      avgLen: c.avgLen,
      docTermOff: c.docTermOff,
      docTerms: c.docTerms,
      docTf: c.docTf,
      fieldLen: c.fieldLen,
    },
  };
}

/** The parts as one JSON string; typed arrays as base64. */
export function partsToJson({ meta, arrays }: IndexParts): string {
  const encoded: Record<string, unknown> = {};
  for (const name of Object.keys(indexArrays) as IndexArrayName[]) encoded[name] = encodeArray(arrays[name]);
  return JSON.stringify({ ...meta, arrays: encoded });
}

/**
 * The parts of a serialised index; throws on anything that is not an index of this format version, or a damaged one.
 */
export function partsFromJson(s: string): IndexParts {
  const raw = JSON.parse(s) as Record<string, unknown>;
  const a = raw?.arrays as Record<string, unknown> | undefined;
  checkMeta(raw);
  if (!a || typeof a !== "object") throw new Error("index damaged");
  const arrays = {} as Record<IndexArrayName, Typed>;
  for (const [name, t] of Object.entries(indexArrays) as [IndexArrayName, ArrayKind][])
    arrays[name] = decodeArray(a[name], t);
  return { meta: raw as unknown as IndexParts["meta"], arrays };
}

function checkMeta(raw: Record<string, unknown> | null | undefined): void {
  if (!raw || typeof raw !== "object" || raw.format !== formatName) throw new Error("not a corpus index");
  if (raw.version !== indexFormatVersion)
    throw new Error(`index format ${String(raw.version)}, expected ${indexFormatVersion}`);
}

/**
 * The columns of an index from its parts; throws when they are not of this version, or damaged. `stored`: the records
 * where they lie when not in `arrays.stored` (left on disk), `arrays.storedOff` their offsets.
 */
export function columnsFromParts(
  meta: IndexParts["meta"],
  arrays: Record<IndexArrayName, Typed>,
  stored?: StoredText,
): Columns {
  checkMeta(meta as unknown as Record<string, unknown>);
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
    const ok =
      t === "u8"
        ? x instanceof Uint8Array
        : t === "u16"
          ? x instanceof Uint16Array
          : t === "u32"
            ? x instanceof Uint32Array
            : x instanceof Float32Array;
    if (!ok) throw new Error(`index array ${name} missing`);
  }
  const a = arrays as {
    [K in IndexArrayName]: (typeof indexArrays)[K] extends "u8"
      ? Uint8Array
      : (typeof indexArrays)[K] extends "u16"
        ? Uint16Array
        : (typeof indexArrays)[K] extends "u32"
          ? Uint32Array
          : Float32Array;
  };
  const v = vocab.length;
  const c: Columns = {
    n,
    stored:
      stored ?? StoredText.of(Buffer.from(a.stored.buffer, a.stored.byteOffset, a.stored.byteLength), a.storedOff),
    kinds: list(dicts.kinds),
    parties: list(dicts.parties),
    munis: list(dicts.munis),
    counties: list(dicts.counties),
    topics: list(dicts.topics),
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
    dateKey: a.dateKey,
    idHash: a.idHash,
    order: a.order,
    rank: new Uint32Array(n),
    tokOff: a.tokOff,
    tokBytes: a.tokBytes,
    avgLen: a.avgLen,
    docTermOff: a.docTermOff,
    docTerms: a.docTerms,
    docTf: a.docTf,
    fieldLen: a.fieldLen,
  };
  const lengths: [ArrayLike<number>, number][] = [
    [c.kind, n],
    [c.year, n],
    [c.muni, n],
    [c.county, n],
    [c.order, n],
    [c.dateKey, n],
    [c.idHash, n],
    [c.partyOff, n + 1],
    [c.topicOff, n + 1],
    [c.tokOff, n + 1],
    [a.storedOff, n + 1],
    [a.sorted, v],
    [c.df, v],
    [c.postOff, v + 1],
    [c.docTermOff, n + 1],
    [c.fieldLen, n * fieldCount],
  ];
  for (const [arr, len] of lengths) if (arr.length !== len) throw new Error("index column damaged");
  if (
    (!stored && a.storedOff[n] !== a.stored.length) ||
    c.tokOff[n] !== c.tokBytes.length ||
    c.postOff[v] !== c.postBytes.length
  )
    throw new Error("index damaged: lengths");
  if (c.docTermOff[n] !== c.docTerms.length || c.docTf.length !== c.docTerms.length * fieldCount)
    throw new Error("index damaged: forward arrays");
  for (let e = 0; e < c.docTerms.length; e++)
    if (c.docTerms[e]! < 1 || c.docTerms[e]! > v) throw new Error("index damaged: forward terms");
  if (c.partyOff[n]! > c.partyVal.length || c.topicOff[n]! > c.topicVal.length) throw new Error("index damaged: lists");
  if (c.kinds.length > 256 || c.munis.length >= 65535 || c.counties.length >= 65535)
    throw new Error("index damaged: dictionaries");
  for (let r = 0; r < n; r++) {
    const o = c.order[r]!;
    if (o >= n) throw new Error("index damaged: order");
    c.rank[o] = r;
  }
  return c;
}
