/**
 * The campaign's summary: one row per selected municipality (written, skipped or failed,
 * with its files, the facts it cites and the ones missing or too old, and what the signer
 * must fill in and check), as CSV for a spreadsheet and as JSON for other tools. Rows are in
 * SCB code order whatever order the workers finished in.
 */
import { spreadsheetCsv } from "../files/spreadsheet-csv.js";
import type { CampaignRow } from "./produce.js";
import type { CampaignPlan } from "./plan.js";

export const summaryFiles = { csv: "sammanstallning.csv", json: "sammanstallning.json" } as const;

export const csvColumns = [
  "municipality",
  "municipality_code",
  "county",
  "status",
  "files",
  "citations",
  "facts_cited",
  "missing_facts",
  "stale_facts",
  "warnings",
  "placeholders",
  "checks",
  "reason",
] as const;

export interface CampaignCounts {
  selected: number;
  written: number;
  skipped: number;
  failed: number;
  /** Files written (one per format and municipality). */
  documents: number;
}

export interface CampaignSummary {
  template: string;
  date: string;
  formats: string[];
  selection: { counties: string[]; municipalities: string[]; where: string[]; require: string[]; description: string };
  counts: CampaignCounts;
  municipalities: CampaignRow[];
}

export function sortRows(rows: readonly CampaignRow[]): CampaignRow[] {
  return [...rows].sort((a, b) => a.code.localeCompare(b.code));
}

export function countRows(rows: readonly CampaignRow[]): CampaignCounts {
  const n = (s: CampaignRow["status"]) => rows.filter((r) => r.status === s).length;
  return {
    selected: rows.length,
    written: n("written"),
    skipped: n("skipped"),
    failed: n("failed"),
    documents: rows.reduce((sum, r) => sum + r.files.length, 0),
  };
}

export function buildSummary(plan: CampaignPlan, rows: readonly CampaignRow[]): CampaignSummary {
  const s = plan.settings;
  const sorted = sortRows(rows);
  return {
    template: s.template,
    date: s.date,
    formats: [...s.formats],
    selection: {
      counties: s.counties,
      municipalities: s.municipalities,
      where: s.where,
      require: s.require,
      description: plan.selection,
    },
    counts: countRows(sorted),
    municipalities: sorted,
  };
}

/** Lists in a cell are joined with " | " (no value contains that). */
const join = (xs: readonly string[]) =>
  xs.map((x) => x.replace(/\s*\|\s*/g, " / ").replace(/\s*\n\s*/g, " ")).join(" | ");

/** UTF-8 with BOM (so Excel reads å ä ö), comma-separated, quoted where needed, formula cells neutralised. */
export function summaryCsv(summary: CampaignSummary): string {
  const rows = summary.municipalities.map((r) => ({
    municipality: r.municipality,
    municipality_code: r.code,
    county: r.county,
    status: r.status,
    files: join(r.files),
    citations: String(r.citations),
    facts_cited: join(r.factsCited),
    missing_facts: join(r.missingFacts),
    stale_facts: join(r.staleFacts),
    warnings: join(r.warnings),
    placeholders: join(r.placeholders),
    checks: join(r.checks.map((c) => c.message)),
    reason: (r.reason ?? "").replace(/\s*\n\s*/g, " "),
  }));
  return spreadsheetCsv(rows, csvColumns);
}

export function summaryJson(summary: CampaignSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
