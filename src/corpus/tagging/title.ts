/**
 * The title (the first substantial heading-like line, skipping labels such as "Pressmeddelanden",
 * "Debatt", "Annons", datelines and "Vänsterpartiet 2023"-style headers; the file name when
 * there is none) and the summary (extractive: the lead, the first one to three sentences of
 * the text after the title).
 */
import type { Doc, Line } from "./text-layout.js";
import { contentRank } from "./text-layout.js";
import { datelinePlace, findDates } from "./dates.js";
import { sentences } from "../../lang/sentences.js";
import { clip, conf, quote } from "./text.js";

export interface TitleResult {
  value: string;
  confidence: number;
  evidence: string;
  /** Index of the title's line, -1 when the title is not a line of the text. */
  lineIndex: number;
}

/** Lines that label a page or a kind, never a title. */
const labelLine = new RegExp(
  [
    "^(pressmeddelanden?|pressrelease|nyhet(er)?|debatt|debattartikel|debattinlägg|insändare|",
    "replik|slutreplik|opinion|ledare|krönika|kultur|lokalt|aktuellt|motion|interpellation|",
    "enkel fråga|skriftlig fråga|fråga|artikel|blogg|inlägg|kommentar|text|meny|startsida|",
    "hem|politik)[.:]?$",
  ].join(""),
  "i",
);
/** A kind header naming only where it goes: "Motion till kommunfullmäktige i Karlstad", "Interpellation till X". */
const kindHeader = /^(motion|interpellation|(enkel |skriftlig )?fråga)\s+(till|ställd till)\b/i;
/** A prefix to take off a title: "DEBATT: ", "Motion: ", "Pressmeddelande – ". */
const titlePrefix =
  /^(debatt|debattartikel|replik|insändare|motion|interpellation|pressmeddelande|nyhet|opinion)\s*[:–—|-]\s*/i;

function cleanTitle(s: string): string {
  return s
    .replace(titlePrefix, "")
    .replace(/^["”“«»'’]+|["”“«»'’]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

type Candidate = { line: Line; text: string; words: number; header: boolean };

function candidate(line: Line): Candidate | undefined {
  const t = line.text;
  if (t.length < 3 || t.length > 220) return undefined;
  if (labelLine.test(t)) return undefined;
  if (datelinePlace(t) !== undefined) return undefined;
  // "Vänsterpartiet 2023", "Umeå 2018", "2023-02-21": a name or label with a date.
  const dates = findDates(t);
  if (
    dates.length > 0 &&
    t
      .replace(/(19|20)\d{2}(-\d{2}){0,2}/g, "")
      .trim()
      .split(/\s+/)
      .filter(Boolean).length <= 2 &&
    t.length < 40
  )
    return undefined;
  if (/^\p{Ll}/u.test(t)) return undefined; // a caption or a cut-off sentence
  if (/^([-–•*]|\d+[.)])\s/.test(t)) return undefined; // a list item
  const text = cleanTitle(t);
  if (text.length < 3) return undefined;
  const words = text.split(/\s+/).length;
  if (words < 2 && !/[?!]$/.test(text)) return undefined; // "opinionHelsingborg"
  // Prose: several sentences, or a long sentence ending with a full stop.
  const n = sentences(text).length;
  if (n > 2 || (n === 2 && /\.$/.test(text)) || (/\.$/.test(text) && words > 14)) return undefined;
  if (/\(\s*(S|V|M|L|C|KD|MP|SD)\s*\)\s*(,.*)?$/i.test(text) && words <= 8) return undefined; // a signature
  return { line, text, words, header: kindHeader.test(t) };
}

/** The title: the first substantial heading-like line of the text. */
export function inferTitle(doc: Doc, hints?: { fileName?: string }): TitleResult {
  const window = doc.content.slice(0, 14);
  const candidates = window.map(candidate).filter((c): c is Candidate => !!c);
  // A kind header ("Interpellation till …") is the title only when no real heading follows it.
  const real = candidates.filter((c) => !c.header);
  // The first line is the title even when short ("Stoppa sexköpen"); later, short lines are often section labels.
  const firstLine = real[0] && contentRank(doc, real[0].line.index) === 0 ? real[0] : undefined;
  let chosen = firstLine ?? real.find((c) => c.words >= 3 || /[?!]$/.test(c.text)) ?? real[0] ?? candidates[0];
  const firstHeader = candidates.find((c) => c.header);
  if (
    chosen &&
    firstHeader &&
    !chosen.header &&
    contentRank(doc, chosen.line.index) - contentRank(doc, firstHeader.line.index) > 4
  )
    chosen = firstHeader;
  if (chosen) {
    // A title wrapped over two lines (PDF text): the second line starts in lower case.
    const next = doc.lines[chosen.line.index + 1];
    const after = doc.lines[chosen.line.index + 2];
    if (
      next &&
      !next.blank &&
      !next.junk &&
      /^\p{Ll}/u.test(next.text) &&
      !/[.!?:]$/.test(chosen.text) &&
      next.text.length < 120 &&
      (!after || after.blank)
    ) {
      chosen = {
        ...chosen,
        text: `${chosen.text} ${cleanTitle(next.text)}`,
        words: chosen.words + next.text.split(/\s+/).length,
      };
    }
    const rank = contentRank(doc, chosen.line.index);
    let confidence = chosen.line.heading > 0 ? 0.85 : rank === 0 ? 0.8 : rank < 3 ? 0.72 : 0.58;
    if (chosen.words < 3) confidence -= 0.15;
    if (chosen.header) confidence -= 0.15;
    const where = chosen.line.heading > 0 ? "Markdown-rubrik" : rank === 0 ? "första raden" : `rad ${rank + 1}`;
    return {
      value: clip(chosen.text, 300),
      confidence: conf(confidence),
      evidence: clip(`${where}: ${quote(chosen.text, 80)}`, 120),
      lineIndex: chosen.line.index,
    };
  }
  const file = hints?.fileName
    ?.replace(/^.*[\\/]/, "")
    .replace(/\.[a-z0-9]{1,5}$/i, "")
    .replace(/[_]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (file)
    return {
      value: clip(file, 300),
      confidence: 0.25,
      evidence: clip(`filnamnet ${quote(hints!.fileName!, 80)}`, 120),
      lineIndex: -1,
    };
  const first = doc.paragraphs[0] ? sentences(doc.paragraphs[0].text)[0] : undefined;
  if (first)
    return {
      value: clip(first, 120),
      confidence: 0.15,
      evidence: "ingen rubrik: textens första mening",
      lineIndex: -1,
    };
  return { value: "Utan titel", confidence: 0, evidence: "tom text", lineIndex: -1 };
}

/** Paragraphs that are not the lead: labels, captions, disclaimers, lists, datelines, headings. */
function isLeadParagraph(text: string, lines: Line[]): boolean {
  if (lines.some((l) => l.heading > 0)) return false;
  if (text.length < 60) return false;
  if (/^\p{Ll}/u.test(text) && text.length < 200) return false; // a caption
  if (/^(detta är ett debattinlägg|skribenterna svarar)/i.test(text)) return false;
  if (/^([-–•*]|\d+[.)])\s/.test(text)) return false;
  if (/^att\s/.test(text)) return false;
  if (lines.length === 1 && datelinePlace(text) !== undefined) return false;
  return sentences(text).length >= 1 && /[.!?”"]$/.test(text.trim());
}

export interface SummaryResult {
  value: string;
  confidence: number;
  evidence: string;
  /** Content rank just after the lead paragraph, 0 when there is none. */
  leadEndRank: number;
}

/** The lead: one to three sentences of the text itself, at most 600 characters. */
export function inferSummary(doc: Doc, titleIndex: number, signatureStart: number): SummaryResult {
  const paragraphs = doc.paragraphs.filter((p) => p.lines[0]!.index > titleIndex && p.lines[0]!.index < signatureStart);
  const leadIndex = paragraphs.findIndex((p) => isLeadParagraph(p.text, p.lines));
  if (leadIndex < 0) return { value: "", confidence: 0.1, evidence: "ingen ingress hittad", leadEndRank: 0 };
  const lead = paragraphs[leadIndex]!;
  const picked: string[] = [];
  let length = 0;
  const pool = [...sentences(lead.text)];
  const next = paragraphs[leadIndex + 1];
  if (pool.length === 1 && pool[0]!.length < 160 && next && isLeadParagraph(next.text, next.lines))
    pool.push(...sentences(next.text));
  for (const s of pool) {
    if (picked.length >= 3) break;
    if (picked.length > 0 && (length + s.length + 1 > 600 || length > 280)) break;
    picked.push(s);
    length += s.length + 1;
  }
  const value = clip(picked.join(" "), 600);
  const leadEndRank = contentRank(doc, lead.lines[lead.lines.length - 1]!.index) + 1;
  const rank = contentRank(doc, lead.lines[0]!.index);
  return {
    value,
    confidence: conf(rank <= 4 ? 0.6 : 0.45),
    evidence: clip(
      `ingressen: ${picked.length} ${picked.length === 1 ? "mening" : "meningar"} ` +
        `från ${rank <= 4 ? "textens början" : `rad ${rank + 1}`}`,
      120,
    ),
    leadEndRank,
  };
}
