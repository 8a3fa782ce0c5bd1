/**
 * Corpus records as files for other tools: CSV (one row each, for spreadsheets: formula
 * cells neutralised), JSON and JSON Lines (values exactly as stored).
 */
import type { CorpusDocument } from "../domain/corpus-document.js";
import { spreadsheetCsv } from "../files/spreadsheet-csv.js";

import type { ExportFormat } from "./export-formats.js";

/** The CSV columns, in order; lists are joined with " | " (a value never contains that). */
export const csvColumns = [
  "id",
  "kind",
  "level",
  "municipality_code",
  "municipality",
  "county_code",
  "county",
  "parties",
  "authors",
  "addressee",
  "outlet",
  "date",
  "title",
  "summary",
  "topics",
  "arguments",
  "proposals",
  "questions",
  "facts",
  "source_title",
  "source_publisher",
  "source_date",
  "source_url",
  "source_reference",
] as const;

const join = (xs: readonly string[]) => xs.map((x) => x.replace(/\s*\|\s*/g, " / ")).join(" | ");

export function csvRow(d: CorpusDocument): Record<(typeof csvColumns)[number], string> {
  return {
    id: d.id,
    kind: d.kind,
    level: d.level,
    municipality_code: d.municipality?.code ?? "",
    municipality: d.municipality?.name ?? "",
    county_code: d.county?.code ?? "",
    county: d.county?.name ?? "",
    parties: join(d.parties),
    authors: join(
      d.authors.map((a) =>
        [a.name, a.party ? `(${a.party})` : "", a.role ? `, ${a.role}` : ""]
          .join(" ")
          .replace(/ ,/, ",")
          .replace(/\s+/g, " ")
          .trim(),
      ),
    ),
    addressee: d.addressee ?? "",
    outlet: d.outlet ?? "",
    date: d.date ?? "",
    title: d.title,
    summary: d.summary,
    topics: join(d.topics),
    arguments: join(d.arguments.map((a) => `${a.stance}/${a.type}: ${a.claim}`)),
    proposals: join(d.proposals),
    questions: join(d.questions),
    facts: join(d.facts),
    source_title: d.source.title,
    source_publisher: d.source.publisher,
    source_date: d.source.date ?? "",
    source_url: d.source.url ?? "",
    source_reference: d.source.reference ?? "",
  };
}

export function exportDocuments(
  docs: readonly CorpusDocument[],
  format: ExportFormat,
  options: { fullText?: boolean } = {},
): string {
  const shaped = docs.map((d) => {
    if (options.fullText) return d;
    const { fullText: _f, ...rest } = d;
    return rest;
  });
  switch (format) {
    case "json":
      return `${JSON.stringify(shaped, null, 2)}\n`;
    case "jsonl":
      return shaped.map((d) => JSON.stringify(d)).join("\n") + (shaped.length ? "\n" : "");
    case "csv":
      // With a BOM, and cells that would start a formula neutralised (see spreadsheet-csv.ts).
      return spreadsheetCsv(docs.map(csvRow), csvColumns);
  }
}
