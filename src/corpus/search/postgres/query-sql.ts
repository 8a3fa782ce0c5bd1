/**
 * A query as people type it, in websearch syntax, turned into a tsquery expression for
 * PostgreSQL whose every value is a parameter: free words (each its Swedish stem, or for a typo
 * the nearest words of the corpus: motionera_word_query), "phrases" (straight or typographic
 * quotes), OR between alternatives, -word and -"phrase" to exclude, word* for a prefix. As in the
 * embedded index, the query's last free word is searched as a prefix too (while typing), once it
 * has three letters.
 *
 * The SQL functions it calls are the migration's (migrations/postgres/1764800000000_search.sql).
 */
import { isStopWord } from "../../../lang/tokenize.js";
import { words } from "../analyze.js";

/** One part of a query: a word, a prefix or a phrase, perhaps excluded. */
export interface QueryItem {
  type: "word" | "prefix" | "phrase";
  /** The lower-cased words (one, except for a phrase). */
  words: string[];
  negated: boolean;
}

export interface ParsedWebQuery {
  /** Alternatives (separated by OR), each the items that must all hold. */
  groups: QueryItem[][];
  /** The text had at least one word. */
  hasWords: boolean;
  /** Search the last free word as a prefix too (it is the query's last part, not a stop word). */
  prefixLast: boolean;
  /** The query is only stop words: the last is searched as a prefix, whatever its length. */
  stopPrefix: boolean;
}

/** A query's parts beyond this many are ignored (as the embedded index ignores words beyond 31). */
const maxItems = 31;
/** A prefix needs this many letters (the embedded index's minimum). */
const minPrefix = 3;

const quote = /["“”„«»]/;

/** Splits a query into OR groups of items. */
export function parseWebQuery(text: string): ParsedWebQuery {
  const groups: QueryItem[][] = [[]];
  let count = 0;
  let hasWords = false;
  let lastFree = false;
  /** The query's last word when it is a stop word; whether it has any word that is not one. */
  let lastStop: string | undefined;
  let content = false;
  const push = (item: QueryItem) => {
    if (count >= maxItems) return;
    count++;
    groups[groups.length - 1]!.push(item);
  };
  const parts = text.normalize("NFC").split(quote);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const ws = words(part);
      if (ws.length === 0) return;
      hasWords = true;
      // A "-" right before the opening quote excludes the phrase.
      const before = parts[i - 1] ?? "";
      const negated = /(^|\s)-$/.test(before);
      push({ type: "phrase", words: ws, negated });
      lastFree = false;
      lastStop = undefined;
      content = true;
      return;
    }
    for (const chunk of part.split(/\s+/)) {
      if (chunk === "" || chunk === "-") continue;
      if (/^or$/i.test(chunk)) {
        if (groups[groups.length - 1]!.length > 0) groups.push([]);
        lastFree = false;
        continue;
      }
      const negated = chunk.startsWith("-");
      const prefix = chunk.endsWith("*");
      const ws = words(chunk);
      if (ws.length === 0) continue;
      hasWords = true;
      if (ws.length > 1) push({ type: "phrase", words: ws, negated });
      else push({ type: prefix ? "prefix" : "word", words: ws, negated });
      lastFree = ws.length === 1 && !negated && !prefix;
      if (lastFree && isStopWord(ws[0]!)) {
        lastFree = false;
        lastStop = ws[0]!;
      } else lastStop = undefined;
      if (!isStopWord(ws[0]!) || ws.length > 1 || prefix) content = true;
    }
    // Text after the last word (a closing quote's tail) keeps the flag as it is.
  });
  const nonEmpty = groups.filter((g) => g.length > 0);
  // Only stop words ("för", "de"): while typing they are the start of a word, so the last one is
  // searched as a prefix rather than nothing found (as the embedded index does).
  const stopPrefix = !content && lastStop !== undefined && lastStop.length >= 2;
  return { groups: nonEmpty, hasWords, prefixLast: lastFree || stopPrefix, stopPrefix };
}

/**
 * The SQL expression (a tsquery) of a parsed query, its values appended to `params` ($1 …);
 * `relaxed`: every positive word of the first group ORed (no document had all its words).
 */
export function tsQuerySql(q: ParsedWebQuery, params: unknown[], relaxed = false): string {
  const p = (v: string) => {
    params.push(v);
    return `$${params.length}::text`;
  };
  const last = q.groups.at(-1)?.at(-1);
  const itemSql = (item: QueryItem): string => {
    let sql: string;
    if (item.type === "phrase") sql = `phraseto_tsquery('swedish', motionera_fold(${p(item.words.join(" "))}))`;
    else if (item.type === "prefix") sql = `motionera_prefix_query(${p(item.words[0]!)})`;
    else {
      const w = item.words[0]!;
      const at = p(w);
      sql = `motionera_word_query(${at})`;
      if (q.prefixLast && item === last && (w.length >= minPrefix || q.stopPrefix))
        sql = `(${sql} || motionera_prefix_query(${at}))`;
    }
    return item.negated ? `(!! ${sql})` : sql;
  };
  if (relaxed) {
    const positive = (q.groups[0] ?? []).filter((i) => !i.negated && i.type !== "phrase");
    const negative = (q.groups[0] ?? []).filter((i) => i.negated || i.type === "phrase");
    if (positive.length === 0) return "''::tsquery";
    const any = positive.map(itemSql).join(" || ");
    return [`(${any})`, ...negative.map(itemSql)].join(" && ");
  }
  if (q.groups.length === 0) return "''::tsquery";
  return q.groups.map((g) => `(${g.map(itemSql).join(" && ")})`).join(" || ");
}

/** Whether a query that found nothing may be relaxed to any of its words (as the embedded index does). */
export function canRelax(q: ParsedWebQuery): boolean {
  return q.groups.length === 1 && q.groups[0]!.filter((i) => !i.negated && i.type !== "phrase").length > 1;
}
