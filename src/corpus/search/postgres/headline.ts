/**
 * Snippets from PostgreSQL: the text a hit's snippet is cut from (as the embedded index keeps
 * it: summary, claims, proposals, questions and the first 2 000 characters of a full text),
 * and ts_headline's fragment turned into the Snippet the web and the CLI show, its marks from
 * the start and stop markers ts_headline put around the words the query matched. The markers
 * are private-use characters taken out of the text before ts_headline sees it.
 */
import { makeSnippet, type Snippet } from "../snippet.js";

export const startSel = "\uE000";
export const stopSel = "\uE001";

/** The SQL expression of a document's snippet text (`doc`: its jsonb), the markers taken out. */
export function snippetTextSql(doc: string): string {
  const lines = (path: string) => `nullif(array_to_string(motionera_texts(${path}), E'\\n'), '')`;
  return `translate(concat_ws(E'\\n',
    nullif(${doc}->>'summary', ''),
    ${lines(`jsonb_path_query_array(${doc}, '$.arguments[*].claim')`)},
    ${lines(`${doc}->'proposals'`)},
    ${lines(`${doc}->'questions'`)},
    left(${doc}->>'fullText', 2000)), E'\\uE000\\uE001', '')`;
}

/**
 * A Snippet from ts_headline's output (`marked`), or from the whole snippet text when the search
 * had no words (its start, unmarked, as the embedded index gives it).
 */
export function headlineSnippet(text: string, marked: boolean): Snippet {
  if (!marked) return makeSnippet(text, new Set());
  const marks: [number, number][] = [];
  let out = "";
  let open: number | undefined;
  for (const ch of text.replace(/[\n\r\t]/g, " ")) {
    if (ch === startSel) open = out.length;
    else if (ch === stopSel) {
      if (open !== undefined && out.length > open) marks.push([open, out.length]);
      open = undefined;
    } else out += ch;
  }
  const trimmed = out.trimEnd();
  const lead = out.length - out.trimStart().length;
  return {
    text: trimmed.slice(lead),
    marks: marks.map(([a, b]): [number, number] => [a - lead, Math.min(b, trimmed.length) - lead]),
  };
}
