/**
 * Every Swedish word the writers print, in one place. Writers import these; none of them
 * spells a Swedish word of its own.
 */
export const labels = {
  /** Heading of the list of distinct sources at the end of a document. */
  sources: "Källor",
  /** Heading of the numbered notes (PDF, HTML, Markdown). */
  notes: "Noter",
  /** A note on an argument taken from the corpus: "Argumentet framförs i Utgivare, ”Titel”, datum." */
  argumentFrom: "Argumentet framförs i",
  /** Prefix of the source of a claim in the "Underlag" section: "Källa: …". */
  source: "Källa",
  /** "Uppgiften gäller 2014.": the time a figure describes, where it differs from the source's date. */
  valueHolds: "Uppgiften gäller",
  /** "Folkbladet (utgiven av Socialdemokraterna)": a source a party published. */
  publishedBy: "utgiven av",
  /** Swedish quotation marks around a title. */
  quoteOpen: "”",
  quoteClose: "”",
  /** Heading of the section that lists an op-ed's or a press release's claims with their sources. */
  underlag: "Underlag för redaktionen",
  /** What the "Underlag" section is. */
  underlagIntro:
    "Uppgifterna i texten och var de kommer ifrån. Avsnittet är till för redaktionen och den som " +
    "undertecknar; det publiceras inte.",
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
