/**
 * Sentences in a paragraph's inlines, each with the notes that support it. One rule for every
 * template, as Swedish practice has it: a note that supports a sentence stands after the
 * sentence's full stop ("… anslutit sig till avtalet.³"), never inside a phrase ("16 av³
 * länets kommuner"). Templates may put `{{cite}}` and `{{source}}` where the figure is;
 * `placeNotesAfterSentences` moves every note mark to the end of its sentence.
 */
import type { Block, Inline } from "../domain/draft.js";
import { inlineText } from "../domain/draft.js";

export interface Sentence {
  /** The sentence's inlines without its note marks, ending with its punctuation (if any). */
  inlines: Inline[];
  /** The note numbers of the citations inside or right after the sentence, in order, each once. */
  citations: number[];
}

/** Words whose full stop does not end a sentence ("t.ex. Göteborg", "5 kap. 35 §"). */
const abbreviation = /(?:^|[\s(])(?:t\.ex|bl\.a|m\.fl|m\.m|o\.s\.v|d\.v\.s|dvs|osv|kap|prop|jfr|ca|nr|resp|s|st|tel)$/i;
/** The longest text `abbreviation` can match: a space and "o.s.v". */
const abbreviationSpan = 6;

/**
 * Whether `text` up to `end` ends with an abbreviation. Only the last `abbreviationSpan`
 * characters are tested: a match cannot be longer, and where the text is longer, "^" cannot
 * match there (no abbreviation is six characters long), so the answer is the whole text's.
 */
function endsWithAbbreviation(text: string, end: number): boolean {
  return abbreviation.test(text.slice(Math.max(0, end - abbreviationSpan), end));
}

/**
 * Where sentences end inside one text value: after ".", "!", "?" or "…" (and a closing quote
 * or parenthesis) followed by white space and a capital letter, a quote or a dash. Returns the
 * offsets just after each end's punctuation.
 */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?…]["”’)]*(?=\s+["”–—(]?[A-ZÅÄÖÉ])/g)) {
    if (m[0].startsWith(".") && endsWithAbbreviation(text, m.index)) continue;
    ends.push(m.index + m[0].length);
  }
  return ends;
}

/** Whether a text value ends a sentence at its very end ("… i länet." at a paragraph's end). */
function endsSentence(text: string): boolean {
  return /[.!?…]["”’)]*\s*$/.test(text) && !abbreviationAtEnd(text);
}

function abbreviationAtEnd(text: string): boolean {
  const m = /\.\s*$/.exec(text);
  return m !== null && endsWithAbbreviation(text, m.index);
}

/** Splits inlines into sentences; a line break also ends one (signature lines, addresses). */
function nestedCitations(node: Inline): number[] {
  if (node.type === "citation") return [node.n];
  return "children" in node ? node.children.flatMap(nestedCitations) : [];
}

export function splitSentences(xs: readonly Inline[]): Sentence[] {
  const out: Sentence[] = [];
  let current: Sentence = { inlines: [], citations: [] };
  /** The last sentence closed by punctuation, which note marks right after it still belong to. */
  let closed: Sentence | undefined;
  const close = () => {
    if (current.inlines.length > 0 || current.citations.length > 0) {
      out.push(current);
      closed = current;
    }
    current = { inlines: [], citations: [] };
  };
  const addCitation = (s: Sentence, n: number) => {
    if (!s.citations.includes(n)) s.citations.push(n);
  };
  for (const node of xs) {
    if (node.type === "citation") {
      // A note right after a closed sentence supports it; inside an open one, the open one.
      if (current.inlines.length === 0 && closed) addCitation(closed, node.n);
      else addCitation(current, node.n);
      continue;
    }
    if (node.type === "break") {
      current.inlines.push(node);
      close();
      closed = undefined;
      continue;
    }
    if (node.type !== "text") {
      current.inlines.push(node);
      // A note inside emphasis (a bold lead citing a fact) supports the sentence around it.
      for (const n of nestedCitations(node)) addCitation(current, n);
      closed = undefined;
      continue;
    }
    let rest = node.value;
    let offset = 0;
    for (const end of sentenceEnds(node.value)) {
      const piece = node.value.slice(offset, end);
      if (piece) current.inlines.push({ type: "text", value: piece });
      close();
      offset = end;
    }
    rest = node.value.slice(offset);
    if (rest.trim() === "" && rest !== "" && out.length > 0 && current.inlines.length === 0) {
      // White space between sentences belongs to the next one.
      current.inlines.push({ type: "text", value: rest });
      continue;
    }
    if (rest) {
      current.inlines.push({ type: "text", value: rest });
      if (endsSentence(rest)) close();
      else closed = undefined;
    }
  }
  close();
  return out;
}

/** The sentence's inlines followed by its note marks (the punctuation first, then the notes). */
function joinSentence(s: Sentence): Inline[] {
  const inlines = [...s.inlines];
  // Leading white space stays before the sentence; trailing white space goes after the notes.
  const last = inlines[inlines.length - 1];
  let trailing = "";
  if (last?.type === "text") {
    // trimEnd drops what /\s+$/ would match (the same white space), without a regex's scan.
    const kept = last.value.trimEnd();
    if (kept.length < last.value.length) {
      trailing = last.value.slice(kept.length);
      inlines[inlines.length - 1] = { type: "text", value: kept };
    }
  }
  const out: Inline[] = [...inlines, ...s.citations.map((n) => ({ type: "citation" as const, n }))];
  if (trailing) out.push({ type: "text", value: trailing });
  return mergeText(out.filter((x) => x.type !== "text" || x.value !== ""));
}

function mergeText(xs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const x of xs) {
    const prev = out[out.length - 1];
    if (x.type === "text" && prev?.type === "text") out[out.length - 1] = { type: "text", value: prev.value + x.value };
    else out.push(x);
  }
  return out;
}

/** Inlines with every note mark after the punctuation of the sentence it supports. */
export function placeNotes(xs: readonly Inline[]): Inline[] {
  return splitSentences(xs).flatMap(joinSentence);
}

/** `placeNotes` over every paragraph, list item and quote of a document. Headings keep none. */
export function placeNotesAfterSentences(blocks: readonly Block[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.type) {
      case "paragraph":
        return { ...b, children: placeNotes(b.children) };
      case "list":
        return { ...b, items: b.items.map(placeNotes) };
      case "quote":
        return { ...b, children: placeNotesAfterSentences(b.children) };
      default:
        return b;
    }
  });
}

/** A sentence of the text and the notes that support it. */
export interface SupportedSentence {
  sentence: string;
  notes: number[];
}

/** Every sentence of a document's paragraphs, list items and quotes that carries a note. */
export function supportedSentences(blocks: readonly Block[]): SupportedSentence[] {
  const out: SupportedSentence[] = [];
  const visit = (inlines: readonly Inline[]) => {
    for (const s of splitSentences(inlines)) {
      if (s.citations.length > 0) out.push({ sentence: inlineText(s.inlines).trim(), notes: s.citations });
    }
  };
  for (const b of blocks) {
    if (b.type === "paragraph") visit(b.children);
    else if (b.type === "list") b.items.forEach(visit);
    else if (b.type === "quote") out.push(...supportedSentences(b.children));
  }
  return out;
}
