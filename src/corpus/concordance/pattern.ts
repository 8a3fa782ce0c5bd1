/**
 * What a concordance looks for: a word or a phrase of several words, matched as written
 * (case aside) or, asked for, in all its inflections. An inflection is any word with the
 * same key: the project's Swedish stemmer with the tagger's definite forms ("sexköparna",
 * "sexköpare" → "sexköp"; "stödet" → "stöd"). Stop words count in a phrase ("köp av sexuell
 * tjänst" needs its "av").
 */
import { stem } from "../../lang/stem.js";
import { tokenize } from "../../lang/tokenize.js";

/** Words of a phrase beyond this many are left out. */
export const maxPatternWords = 8;
/** The index does not hold longer words (they are junk); see search/analyze.ts. */
export const maxIndexedWordLength = 48;

export interface PatternWord {
  /** The word as typed, lower-cased (NFC). */
  form: string;
  /** Its inflection key. */
  key: string;
}

export interface Pattern {
  words: PatternWord[];
  inflections: boolean;
}

/** The inflection key of a lower-case word: every inflection of it has the same one. */
export function inflectionKey(lower: string): string {
  return stem(lower, { definiteForms: true });
}

/** The pattern a query stands for (quotes and punctuation ignored); undefined when it has no word. */
export function parsePattern(text: string, inflections: boolean): Pattern | undefined {
  const words = tokenize(text.normalize("NFC"))
    .slice(0, maxPatternWords)
    .map((t) => {
      const form = t.word.toLowerCase();
      return { form, key: inflectionKey(form) };
    });
  return words.length ? { words, inflections } : undefined;
}

/** Whether a lower-case word of a text matches a word of the pattern. */
export function wordMatches(lower: string, w: PatternWord, inflections: boolean): boolean {
  if (lower === w.form) return true;
  return inflections && lower.startsWith(w.key) && inflectionKey(lower) === w.key;
}

/** Each pattern's needle, made once (a concordance tests it on every text), and its global twin. */
const needles = new WeakMap<Pattern, [RegExp, RegExp]>();

/**
 * Text that every text holding a match holds (case aside): the first word's form or, with
 * inflections, its key (an inflection key is a prefix of the word it comes from). A cheap
 * test before a text is taken apart into words. `global`: the same needle with the g flag, to
 * find each place (its lastIndex is the caller's to set).
 */
export function needleOf(p: Pattern, global = false): RegExp {
  let r = needles.get(p);
  if (!r) {
    const first = p.words[0]!;
    const s = (p.inflections && first.key.length < first.form.length ? first.key : first.form).replace(
      /[.*+?^${}()|[\]\\]/g,
      "\\$&",
    );
    r = [new RegExp(s, "iu"), new RegExp(s, "giu")];
    needles.set(p, r);
  }
  return global ? r[1] : r[0];
}

/** The pattern as it is written back to people: its words in order. */
export const patternText = (p: Pattern): string => p.words.map((w) => w.form).join(" ");
