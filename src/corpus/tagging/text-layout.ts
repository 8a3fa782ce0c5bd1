/**
 * The parts of an imported text the inferrers share: its lines (with Markdown heading marks
 * taken off), which of them are web junk ("Annons", "Dela", comment forms), where the main
 * text ends, and its paragraphs.
 */
import { normalizeText } from "../../lang/normalize.js";

export interface Line {
  /** Index among all lines of the text. */
  index: number;
  /** As written, without the line end. */
  raw: string;
  /** Trimmed, without Markdown heading marks, block quotes or whole-line emphasis. */
  text: string;
  /** Offset of the line's first character in the normalised text. */
  start: number;
  /** Markdown heading level (1–6), 0 when the line is not a Markdown heading. */
  heading: number;
  blank: boolean;
  /** Web junk: ads, share buttons, captions, comment forms. Never read as content. */
  junk: boolean;
}

export interface Paragraph {
  /** The lines, in order (no blank or junk lines). */
  lines: Line[];
  /** The lines joined with spaces. */
  text: string;
}

export interface Doc {
  /** The normalised text. */
  text: string;
  lines: Line[];
  /** Index of the first line after the main text (comment sections and page footers cut). */
  mainEnd: number;
  /** Lines of the main text that are neither blank nor junk, in order. */
  content: Line[];
  /** Paragraphs of the main text. */
  paragraphs: Paragraph[];
}

/** Lines that are web furniture, whole line, case-insensitive. */
const junkPatterns: readonly RegExp[] = [
  /^annons(er)?$/i,
  /^(annonsera|sponsrat|sponsrad|reklam)$/i,
  /^dela( (den här sidan|sidan|artikeln|inlägget|på \w+))?[.!:]?$/i,
  new RegExp(
    [
      "^(kopiera länk|kopiera|skriv ut|spara|lyssna( på artikeln)?|stäng|meny|sök|logga in|",
      "logga ut|prenumerera.*|tipsa oss.*|följ oss.*|gilla.*)$",
    ].join(""),
    "i",
  ),
  /^(facebook|twitter|x|linkedin|instagram|e-post|mejla|email)$/i,
  /^(till toppen( av sidan)?|tillbaka|hoppa till innehållet|gå till innehållet)$/i,
  new RegExp(
    [
      String.raw`^(kommentera|kommentarer|\d+ kommentarer?|en kommentar|skriv en kommentar|lämna en kommentar|`,
      "lämna ett svar|visa kommentarer)$",
    ].join(""),
    "i",
  ),
  /^(läs (också|även|mer)|se även|relaterat|relaterade artiklar|fler artiklar|mest läst|senaste nytt)\b.{0,80}$/i,
  /^(bild|foto|illustration|grafik|text)\s*:.{0,120}$/i,
  /^pingback\b/i,
  /^(vi använder cookies|denna webbplats använder (kakor|cookies)).*/i,
  new RegExp(
    [
      "^(ange korrekt namn|din e-postadress|e-postadressen publiceras|obligatoriska fält|",
      "följande html-taggar|ägaren av bloggen).*",
    ].join(""),
    "i",
  ),
  /^rss\b.{0,80}$/i,
  /^sprid .{0,60}(vänner|vidare)!?$/i,
];

/** Lines after which the article is over: comment sections, share footers. */
const endPatterns: readonly RegExp[] = [
  new RegExp(
    [
      String.raw`^(kommentera|kommentarer|\d+ kommentarer?|en kommentar|skriv en kommentar|lämna en kommentar|`,
      "lämna ett svar|visa kommentarer)$",
    ].join(""),
    "i",
  ),
  /^(dela den här sidan|dela artikeln|dela inlägget|till toppen av sidan)$/i,
  // A document's own apparatus after the signatures (our DOCX and PDF drafts end this way).
  /^(källor|noter|fotnoter|referenser|källförteckning)$/i,
];

function stripMarks(raw: string): { text: string; heading: number } {
  let t = raw.trim();
  let heading = 0;
  if (t.startsWith("#")) {
    const h = /^(#{1,6})\s+/.exec(t);
    if (h) {
      heading = h[1]!.length;
      t = t
        .slice(h[0].length)
        .replace(/\s+#+$/, "")
        .trim();
    }
  }
  t = t.replace(/^(>\s*)+/, "");
  if (/^[*_]/.test(t)) {
    const em = /^(\*\*|__|\*|_)(.+)\1$/.exec(t);
    if (em) t = em[2]!.trim();
  }
  return { text: t.replace(/\s+/g, " ").trim(), heading };
}

export function isJunkLine(text: string): boolean {
  return junkPatterns.some((p) => p.test(text));
}

/** Splits and classifies an imported text. */
export function layout(input: string): Doc {
  const text = normalizeText(input);
  const lines: Line[] = [];
  let offset = 0;
  for (const [index, raw] of text.split("\n").entries()) {
    const { text: t, heading } = stripMarks(raw);
    const blank = t === "" || /^[-*_=\s]{3,}$/.test(t);
    lines.push({ index, raw, text: t, start: offset, heading, blank, junk: !blank && isJunkLine(t) });
    offset += raw.length + 1;
  }
  // The main text ends at the first comment or share footer in the later part of the text.
  const nonBlank = lines.filter((l) => !l.blank);
  let mainEnd = lines.length;
  const earliest = nonBlank[Math.floor(nonBlank.length * 0.3)]?.index ?? 0;
  for (const l of lines) {
    if (l.index >= earliest && !l.blank && endPatterns.some((p) => p.test(l.text))) {
      mainEnd = l.index;
      break;
    }
  }
  const content = lines.filter((l) => l.index < mainEnd && !l.blank && !l.junk);
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length) paragraphs.push({ lines: current, text: current.map((l) => l.text).join(" ") });
    current = [];
  };
  for (const l of lines) {
    if (l.index >= mainEnd) break;
    if (l.blank || l.junk || l.heading > 0) {
      flush();
      if (l.heading > 0) {
        current = [l];
        flush();
      }
      continue;
    }
    current.push(l);
  }
  flush();
  return { text, lines, mainEnd, content, paragraphs };
}

/** The content line at or after a line index, if any. */
export function contentRank(doc: Doc, lineIndex: number): number {
  let lo = 0;
  let hi = doc.content.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.content[mid]!.index < lineIndex) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
