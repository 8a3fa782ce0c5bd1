/**
 * Hits: the fields a hit shows, read from a document's stored UTF-8 record and its facet
 * columns, with its citation and a snippet marking the query's stems that the document holds
 * (found in its token stream).
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";
import { citationOf } from "./citation.js";
import { readVarints } from "./columns.js";
import type { Columns } from "./index-layout.js";
import type { TermSpec } from "./query-terms.js";
import { makeSnippet } from "./snippet.js";
import type { SearchAuthor, SearchHit } from "./types.js";

/** Stored field k of document i: 0 id, 1 title, 2 date, 3 outlet, 4 authors JSON, 5 snippet text. */
export function storedField(c: Columns, i: number, k: number): string {
  return c.stored.field(i, k);
}

/** Document i as a hit with its score; `matched`: the stems to mark in its snippet. */
export function makeHit(c: Columns, i: number, score: number, matched: ReadonlySet<string> | undefined): SearchHit {
  const [id = "", title = "", date = "", outlet = "", authors = "[]", body = ""] = c.stored.record(i).split("\t");
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

/** The stems of the query's terms that the document holds, for snippet marks. */
export function matchedStems(
  c: Columns,
  doc: number,
  specs: readonly TermSpec[],
  scratch: { a: Uint32Array },
): Set<string> {
  const wanted = new Set<number>();
  for (const s of specs) for (const id of s.ids) wanted.add(id);
  const n = readVarints(c.tokBytes, c.tokOff[doc]!, c.tokOff[doc + 1]!, scratch);
  const out = new Set<string>();
  const a = scratch.a;
  for (let k = 0; k < n; k++) if (wanted.has(a[k]!)) out.add(c.vocab.term(a[k]!));
  return out;
}

function parseAuthors(json: string): SearchAuthor[] {
  try {
    const xs = JSON.parse(json) as unknown;
    return Array.isArray(xs) ? (xs as SearchAuthor[]) : [];
  } catch {
    return [];
  }
}
