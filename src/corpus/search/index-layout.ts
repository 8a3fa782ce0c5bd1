/**
 * The in-memory layout of an index: the dictionaries, vocabulary, postings, token streams,
 * facet columns and stored fields, all typed arrays, that build.ts makes, serialization.ts
 * takes apart and puts back, and every query reads.
 */
import type { Place } from "./types.js";
import type { StoredText } from "./stored-text.js";
import type { Vocabulary } from "./vocabulary.js";
import type { BuildScratch } from "./build.js";

export interface Columns {
  n: number;
  /** Per document, UTF-8: id \t title \t date \t outlet \t authors JSON \t snippet text (in memory or on disk). */
  stored: StoredText;
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
  /** Per document, its date as a number (`dateKeyOf`: 20230221; 0 undated), so the order is kept without its text. */
  dateKey: Uint32Array;
  /**
   * Per document, a 32-bit hash of its id (`idHashOf`): a merge finds the documents a batch replaces by it, reading
   * the stored id of a document only when the hashes agree.
   */
  idHash: Uint32Array;
  /** Ordinals newest first (undated last; the same date by id), and each ordinal's place in that order. */
  order: Uint32Array;
  rank: Uint32Array;
  tokOff: Uint32Array;
  /** Per document: term-id varints, 0 between segments (fields, claims, proposals …). */
  tokBytes: Uint8Array;
  /** Average field lengths, kept for information. */
  avgLen: Float32Array;
  /** The forward arrays (for adding documents without analysing the others again, build.ts): offsets per document. */
  docTermOff: Uint32Array;
  /** Per document, its distinct term ids. */
  docTerms: Uint32Array;
  /** Per entry of docTerms, the term's frequency in each field (fieldCount values). */
  docTf: Uint16Array;
  /** Per document, its length (stems) in each field (fieldCount values). */
  fieldLen: Uint32Array;
  /** The working buffers of the in-place merge that made this index, for the next one (never serialised). */
  scratch?: BuildScratch;
}
