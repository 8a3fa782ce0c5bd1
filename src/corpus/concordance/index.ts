/**
 * The concordance (keyword in context, as Korp shows it): every occurrence of a word or
 * phrase across records, left and right context aligned around it, sortable by the word
 * before or after or by date, exportable, with counts per year and party.
 *
 *   const p = parsePattern("sexköpare", true);           // all inflections
 *   const c = corpusConcordance({ index, documents }, p, filters, { sort: "left", limit: 50 });
 *   c.lines;  c.counts.years;  exportConcordance(all.lines, "csv");
 *
 * concordance() is the pure core over records in order; corpusConcordance() lets the search
 * index (its public API only) choose the records first (candidates.ts).
 */
export { candidateIds } from "./candidates.js";
export {
  concordance,
  maxLines,
  type Concordance,
  type ConcordanceLine,
  type ConcordanceOptions,
} from "./concordance.js";
export type { ConcordanceCounts, PartyCount, YearCount } from "./counts.js";
export {
  concordanceColumns,
  concordanceExportFormats,
  concordanceRow,
  exportConcordance,
  type ConcordanceExportFormat,
} from "./export.js";
export { corpusConcordance, documentsOf } from "./over-corpus.js";
export { defaultWidth, hitsIn, lineOf, occurrencesIn, type ContextWidth, type Hit, type Occurrence } from "./lines.js";
export { inflectionKey, maxPatternWords, parsePattern, patternText, type Pattern } from "./pattern.js";
export { concordanceSorts, type ConcordanceSort } from "./sort.js";
export { textFields, textsOf, type ConcordanceDoc, type TextField } from "./texts.js";
