/**
 * What a query's words stand for in the vocabulary: each free word its exact stem, the most
 * common completions of the last word (prefix search) and near misses (typos), each with a
 * weight; each phrase word its exact stem. One bit per word, so matching can AND them.
 */
import type { ParsedQuery } from "./query.js";
import { fuzzyWeight, prefixWeight } from "./scoring.js";
import type { Vocabulary } from "./vocabulary.js";

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
/** A query's words (phrase words included) beyond this many are ignored. */
const maxQueryTerms = 31;

/** One query word and the terms it stands for, each with its weight (1 exact, less for prefix or typo). */
export interface TermSpec {
  bit: number;
  ids: number[];
  weights: number[];
  postings: number;
  phrase: boolean;
}

/**
 * The query's words as term sets: each free word its exact term, prefix completions and near misses; phrase words
 * exact.
 */
export function termSpecs(v: Vocabulary, df: Uint32Array, p: ParsedQuery): TermSpec[] {
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
