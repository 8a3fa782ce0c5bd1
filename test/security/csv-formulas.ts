/**
 * Spreadsheet formula injection: the values a hostile record carries, a corpus document and
 * a campaign template that put them where a CSV cell begins, and the checks every CSV the
 * project writes must pass when read back with csv-parse.
 */
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { CorpusDocument } from "../../src/domain/corpus-document.js";

/** Each of these makes Excel or LibreOffice run (or hide) a formula when it begins a cell. */
export const formulaValues = {
  hyperlink: '=HYPERLINK("http://example.se","T")',
  dde: "+cmd|' /C calc'!A0",
  sum: "=1+1",
  at: "@SUM(A1)",
  minus: "-2+3",
  tab: "\t=1+1",
  cr: "\r=1+1",
} as const;

const starts = /^[=+\-@\t\r]/;

/** What a cell holding `raw` must read back as: a `'` before a formula start, else unchanged. */
export const neutralised = (raw: string): string => (starts.test(raw) ? `'${raw}` : raw);

/** Parses a CSV the project wrote (BOM first) into header → cell records. */
export function readCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { columns: true, relax_quotes: false }) as Record<string, string>[];
}

/** No cell, header included, begins with a character a spreadsheet takes as a formula. */
export function expectNoFormulaCell(text: string): void {
  const cells = (parse(text.slice(1)) as string[][]).flat();
  expect(cells.filter((c) => starts.test(c))).toEqual([]);
}

/**
 * A corpus record as an import stores it, with a formula value at the start of every
 * free-text field the CSV export writes (the tab and CR ones in fields the schema does not trim).
 */
export function hostileDocument(id = "2024-03-01-lidingo-motion-formler"): CorpusDocument {
  const v = formulaValues;
  return {
    id,
    kind: "motion",
    level: "kommun",
    municipality: { code: "0186", name: "Lidingö" },
    county: { code: "01", name: "Stockholms län" },
    parties: [v.sum, "V"],
    authors: [{ name: v.at, party: "V", role: v.minus }],
    addressee: v.dde,
    outlet: v.tab,
    date: "2024-03-01",
    title: v.hyperlink,
    summary: v.cr,
    topics: [],
    arguments: [{ claim: v.sum, stance: "for", type: "demand-reduction" }],
    proposals: [v.minus, "att kommunen tecknar avtal"],
    questions: [v.at],
    facts: [v.sum],
    source: { title: v.hyperlink, publisher: v.dde, date: "2024-03-01", reference: v.tab },
    fullText: `${v.hyperlink}\n\nTexten.`,
    imported: { file: "formler.txt", at: "2026-11-20T12:00:00.000Z", format: "txt" },
  };
}

/**
 * A campaign template whose draft asks the signer to fill in what the user gave as an input:
 * the summary's `placeholders` cell then begins with the user's value.
 */
export const formulaCampaignTemplate = [
  "---",
  "id: kampanj-formler",
  "kind: motion",
  "title: Kampanj med formler",
  "description: En testmall för CSV-sammanställningen.",
  "inputs:",
  "  - name: vad",
  "    type: text",
  "    label: Vad som ska fyllas i",
  "facts:",
  "  - key: mika_kast_agreement",
  "    required: false",
  "---",
  "# KAST i {{municipality.name}}",
  "",
  '{{#hasFact "mika_kast_agreement"}}Avtal: {{cite "mika_kast_agreement"}}.{{/hasFact}} Fyll i: {{placeholder ' +
    "input.vad}}.",
  "",
  "- att testa",
  "",
].join("\n");
