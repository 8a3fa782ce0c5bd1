/**
 * Every Swedish word the writers print, in one place. Writers import these; none of them
 * spells a Swedish word of its own.
 */
export const labels = {
  /** Heading of the list of distinct sources at the end of a document. */
  sources: "Källor",
  /** Heading of the numbered notes (PDF, HTML, Markdown). */
  notes: "Noter",
  /** A note on an argument taken from the corpus: "Argumentet framförs i: Titel, Utgivare, datum." */
  argumentFrom: "Argumentet framförs i",
  /** Prefix of the source part of a note: "Källa: …". */
  source: "Källa",
  /** "(uppgift per 21 februari 2023)": the date a figure describes. */
  asOf: "uppgift per",
  /** A figure no source dates. */
  undatedFact: "odaterad uppgift",
  /** A source that carries no date. */
  undatedSource: "odaterad",
  /** Link text back from a note to the text (HTML). */
  backToText: "Tillbaka till texten",
  /** Accessible name of a note reference: "Not 1". */
  note: "Not",
  /** Name of the DOCX paragraph style of the source list (shown in Word's style list). */
  sourcesStyle: "Källförteckning",
  /** Page numbering the Swedish way, "1 (3)": the word for screen readers and metadata. */
  page: "Sida",
} as const;

/** Swedish page numbering: page 1 of 3 is written "1 (3)". */
export function pageOf(page: number, total: number): string {
  return `${page} (${total})`;
}
