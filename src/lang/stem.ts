/**
 * The one Swedish stemmer: Snowball (only @orama/stemmers' stemmer function; Orama's own
 * tokenizer splits words at å/ä/ö, so words come from ./tokenize.ts). "sexköparna",
 * "sexköparen", "sexköpare" → "sexköp"; "prostituerade" → "prostituer". Digits and words
 * shorter than three letters are their own stems.
 *
 * Search and tagging share it; they differ in one explicit option: `definiteForms` also
 * reduces the definite forms Snowball leaves alone ("stödet" → "stöd", "handeln" → "handel"),
 * so the auto-tagger's cues, written in base form, meet them. Search does not: the stems of
 * a saved index and of the queries run against it must stay the same.
 */
import { stemmer } from "@orama/stemmers/swedish";

export interface StemOptions {
  /** Also reduce "-et" and "-eln" ("stödet" → "stöd", "handeln" → "handel"); for tagging. */
  definiteForms?: boolean;
}

/** Stems are cached per option set: a corpus repeats a small vocabulary many times over. */
const snowballCache = new Map<string, string>();
const definiteCache = new Map<string, string>();
const cacheLimit = { snowball: 500_000, definite: 50_000 };

const digits = /^\p{N}+$/u;

function snowball(lower: string): string {
  if (lower.length < 3 || digits.test(lower)) return lower;
  return stemmer(lower) || lower;
}

/** "stödet" → "stöd", "handeln" → "handel" (on a Snowball stem of at least five letters). */
function reduceDefinite(s: string): string {
  if (s.length >= 5 && s.endsWith("et")) return s.slice(0, -2);
  if (s.length >= 5 && s.endsWith("eln")) return s.slice(0, -1);
  return s;
}

/**
 * The stem of one word, lower-cased. The word may be written in any case ("Sexköparna");
 * callers that already hold it in lower case (search) save the lower-casing on cache hits.
 */
export function stem(word: string, options?: StemOptions): string {
  const definite = options?.definiteForms === true;
  const cache = definite ? definiteCache : snowballCache;
  let s = cache.get(word);
  if (s !== undefined) return s;
  s = snowball(word.toLowerCase());
  if (definite) s = reduceDefinite(s);
  if (cache.size >= (definite ? cacheLimit.definite : cacheLimit.snowball)) cache.clear();
  cache.set(word, s);
  return s;
}
