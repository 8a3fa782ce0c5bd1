/**
 * The Draft: the document AST every writer renders. It is the contract between composing
 * (template + facts → Markdown → Draft) and rendering (Draft → DOCX, PDF, HTML, Markdown).
 * Writers know nothing of templates, facts, the CLI or HTTP; they read only this.
 *
 * Text in the tree is plain Unicode: not escaped for any format, already cleaned of
 * characters XML forbids. Each writer escapes for its own format.
 */
import type { PartialDate } from "./partial-date.js";
import type { Source } from "./fact.js";
import type { Signer } from "./signer.js";

export type Inline =
  | { type: "text"; value: string }
  | { type: "strong"; children: Inline[] }
  | { type: "emphasis"; children: Inline[] }
  | { type: "link"; url: string; children: Inline[] }
  /** A reference to `draft.citations[n - 1]`: a footnote in DOCX, a numbered note in PDF. */
  | { type: "citation"; n: number }
  /** A line break inside a paragraph (signature blocks, addresses). */
  | { type: "break" }
  /**
   * Something the signer must fill in before filing: `text` says what ("beslutets datum").
   * Writers show it as "[FYLL I: text]", highlighted; surfaces list every one.
   */
  | { type: "placeholder"; text: string };

/**
 * `proposals`: the att-satser of a motion ("att kommunen …"); `questions`: the numbered
 * questions of an interpellation; `plain`: any other list.
 */
export type ListRole = "proposals" | "questions" | "plain";

export type Block =
  | { type: "heading"; level: 1 | 2 | 3; children: Inline[] }
  /**
   * `keepWithNext`: the paragraph must stand on the same page as the block after it (the
   * "föreslår … besluta" line and the first att-sats, the dateline and the signatures).
   */
  | { type: "paragraph"; children: Inline[]; keepWithNext?: boolean }
  | { type: "list"; ordered: boolean; role: ListRole; items: Inline[][] }
  | { type: "quote"; children: Block[] }
  | { type: "rule" };

/**
 * One citation, numbered in order of first use: a fact from the registry, or an argument
 * taken from a document in the corpus. Writers switch on `kind`.
 */
export type Citation = FactCitation | ArgumentCitation | RecordCitation;

/**
 * A record the caller supplies as a source for this draft: a filed document and each step of
 * its history (src/filings/follow-up.ts). `sentence` is how the text states it, in the past tense.
 */
export interface CitedRecord {
  id: string;
  /** What the record is, opening its note: "Motion, dnr KS 2025/0412, inlämnad till kommunfullmäktige". */
  label: string;
  sentence: string;
  source: Source;
}

/** A record the caller supplied, cited where the text states it. */
export interface RecordCitation {
  kind: "record";
  n: number;
  recordId: string;
  label: string;
  source: Source;
}

/** A value from the facts registry (or several values of one key from one source: a history). */
export interface FactCitation {
  kind: "fact";
  n: number;
  /** The fact's id, or the ids of a history joined with "+". */
  factId: string;
  key: string;
  /** Swedish label of the fact, "Avtal med Mikamottagningen och KAST". */
  label: string;
  /** Who the fact is about: "Lidingö", "Stockholms län", "Sverige". */
  subjectName: string;
  /** The value as the document shows it ("nej", "16", "7,5 procent"). */
  value: string;
  asOf: PartialDate | null;
  /** The first date the value covers, when it covers a period ("2017" for 2017–2019). */
  since?: PartialDate;
  note?: string;
  source: Source;
}

/** An argument made in a document of the corpus, cited where the draft takes it up. */
export interface ArgumentCitation {
  kind: "argument";
  n: number;
  /** The corpus record's id ("lidingo-2023-kast"). */
  documentId: string;
  /** The argument's reference, "<document id>#<number>". */
  ref: string;
  /** The corpus record's title. */
  title: string;
  /** Swedish label of the argument's type ("kostnad"). */
  label: string;
  /** The claim, in our own words. */
  claim: string;
  /** Where the argument was made: the municipality, the county or "Sverige". */
  subjectName: string;
  /** When the document was published, as the corpus record gives it. */
  date: PartialDate | null;
  /** The work the document appeared in (title, publisher, date, URL). */
  source: Source;
}

export type DocumentKind = "motion" | "interpellation" | "debattartikel" | "pressmeddelande";

export interface DraftMeta {
  /** The document title: the text of the first level-1 heading. */
  title: string;
  kind: DocumentKind;
  templateId: string;
  language: "sv-SE";
  /** ISO date the document is dated. */
  date: string;
  municipality: { code: string; name: string; selfName: string };
  authors: Signer[];
  keywords: string[];
  description?: string;
}

export interface Draft {
  meta: DraftMeta;
  blocks: Block[];
  citations: Citation[];
  /**
   * The works the document lists under "Källor", each once, in order of first citation.
   * Empty where the kind prints no source list in the text (op-eds and press releases carry
   * their sources in an "Underlag" section of their own instead).
   */
  sources: Source[];
}

/** Plain text of inlines (for titles, metadata, alt text); citations and breaks dropped or spaced. */
export function inlineText(inlines: readonly Inline[]): string {
  let out = "";
  for (const node of inlines) {
    switch (node.type) {
      case "text":
        out += node.value;
        break;
      case "break":
        out += " ";
        break;
      case "citation":
        break;
      case "placeholder":
        out += placeholderText(node.text);
        break;
      default:
        out += inlineText(node.children);
    }
  }
  return out;
}

/** The works listed under "Källor" (see `Draft.sources`). */
export function draftSources(draft: Draft): Source[] {
  return draft.sources;
}

/** How a placeholder reads in every format: "[FYLL I: beslutets datum]". */
export function placeholderText(text: string): string {
  return `[FYLL I: ${text}]`;
}

/** Calls `visit` for every inline of the document's text (nested ones too), in reading order. */
export function eachInline(blocks: readonly Block[], visit: (x: Inline) => void): void {
  const walkInlines = (xs: readonly Inline[]): void => {
    for (const x of xs) {
      visit(x);
      if ("children" in x) walkInlines(x.children);
    }
  };
  for (const b of blocks) {
    if (b.type === "paragraph" || b.type === "heading") walkInlines(b.children);
    else if (b.type === "list") b.items.forEach(walkInlines);
    else if (b.type === "quote") eachInline(b.children, visit);
  }
}

/** Every placeholder in the document, in reading order (for the lists surfaces show). */
export function draftPlaceholders(draft: Draft): string[] {
  const out: string[] = [];
  eachInline(draft.blocks, (x) => {
    if (x.type === "placeholder") out.push(x.text);
  });
  return out;
}

/**
 * The citations the text refers to, in order: what a document prints as its notes. A Draft may
 * hold citations no note mark refers to (an op-ed lists its sources in an "Underlag" section
 * of its own), and those get no note.
 */
export function notedCitations(draft: Draft): Citation[] {
  const used = new Set<number>();
  eachInline(draft.blocks, (x) => {
    if (x.type === "citation") used.add(x.n);
  });
  return draft.citations.filter((c) => used.has(c.n));
}
