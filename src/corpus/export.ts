/**
 * Corpus records as files for other tools: CSV (one row each, for spreadsheets: formula
 * cells neutralised), JSON and JSON Lines (values exactly as stored, with the topics' Swedish
 * words beside their ids in `topicLabels`).
 */
import type { CorpusDocument } from "../domain/corpus-document.js";
import { topicLabel } from "../domain/vocabulary.js";
import { spreadsheetCsv } from "../files/spreadsheet-csv.js";
import { exportTexts } from "../messages.sv.js";

import type { ExportFormat } from "./export-formats.js";

/** The CSV columns, in order; lists are joined with " | " (a value never contains that). */
export const csvColumns = [
  "id",
  "kind",
  "level",
  "designation",
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
  "topic_labels",
  "topics",
  "arguments",
  "proposals",
  "questions",
  "decisions",
  "committee",
  "category",
  "facts",
  "source_title",
  "source_publisher",
  "source_date",
  "source_url",
  "source_reference",
  "external_id",
] as const;

/** What an export needs of a record: all of it but where it was imported from (see public-record.ts). */
export type ExportableDocument = Omit<CorpusDocument, "imported"> & { imported?: unknown };

const join = (xs: readonly string[]) => xs.map((x) => x.replace(/\s*\|\s*/g, " / ")).join(" | ");

export function csvRow(d: ExportableDocument): Record<(typeof csvColumns)[number], string> {
  return {
    id: d.id,
    designation: d.designation ?? "",
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
    topic_labels: join(d.topics.map(topicLabel)),
    topics: join(d.topics),
    arguments: join(d.arguments.map((a) => `${a.stance}/${a.type}: ${a.claim}`)),
    proposals: join(d.proposals),
    questions: join(d.questions),
    decisions: join(
      (d.decisions ?? []).map((x) => exportTexts.decision(x.number, x.committee, x.chamber, x.handledIn)),
    ),
    committee: d.committee ?? "",
    category: d.category ?? "",
    facts: join(d.facts),
    source_title: d.source.title,
    source_publisher: d.source.publisher,
    source_date: d.source.date ?? "",
    source_url: d.source.url ?? "",
    source_reference: d.source.reference ?? "",
    external_id: d.externalId ?? "",
  };
}

/** A record as JSON and JSON Lines give it: as stored, with `topicLabels` after `topics`, full text on request. */
export function exportRecord(d: ExportableDocument, options: { fullText?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (k === "fullText" && !options.fullText) continue;
    out[k] = v;
    if (k === "topics") out.topicLabels = d.topics.map(topicLabel);
  }
  return out;
}

export function exportDocuments(
  docs: readonly ExportableDocument[],
  format: ExportFormat,
  options: { fullText?: boolean } = {},
): string {
  const shaped = format === "csv" ? [] : docs.map((d) => exportRecord(d, options));
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
