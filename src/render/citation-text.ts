/**
 * How a citation reads in Swedish: the one phrasing every writer prints, so a footnote in
 * Word, a note in the PDF and a note on the web page say the same thing.
 *
 *   Lidingö: Avtal med Mikamottagningen och KAST: nej (uppgift per 21 februari 2023).
 *   Källa: Kartläggning …, Länsstyrelsen …, 21 februari 2023. https://…
 */
import type { Citation, Draft } from "../domain/draft.js";
import type { Source } from "../domain/fact.js";
import { formatDate } from "../lang/dates.js";
import { labels } from "./labels.sv.js";

/** A note or source entry as text plus the URL that follows it (writers may make it a link). */
export interface NoteText {
  /** The words, ending with a full stop; the URL is not part of them. */
  text: string;
  /** The source's URL as given, printed after the text. */
  url: string | undefined;
}

/** "Titel, Utgivare, 21 februari 2023." (or "…, odaterad.") */
export function sourceEntry(source: Source): NoteText {
  const date = source.date === null ? labels.undatedSource : formatDate(source.date);
  return { text: endSentence([source.title, source.publisher, date].filter(Boolean).join(", ")), url: source.url };
}

/** The note for one citation: the cited figure with its date, then its source. */
export function citationNote(c: Citation): NoteText {
  if (c.kind === "argument") {
    const src = sourceEntry(c.source);
    return { text: `${labels.argumentFrom}: ${src.text}`, url: src.url };
  }
  const when = c.asOf === null ? labels.undatedFact : `${labels.asOf} ${formatDate(c.asOf)}`;
  const qualifier = c.note ? `${c.note}; ${when}` : when;
  const fact = `${c.subjectName}: ${c.label}: ${c.value} (${qualifier}).`;
  const src = sourceEntry(c.source);
  return { text: `${fact} ${labels.source}: ${src.text}`, url: src.url };
}

/** The citation a `{ type: "citation", n }` node refers to; a dangling number is a bug upstream. */
export function citationOf(draft: Draft, n: number): Citation {
  const c = draft.citations[n - 1];
  if (!c || c.n !== n) throw new Error(`The draft cites note ${n}, but draft.citations has no citation ${n}`);
  return c;
}

/** A note or source entry as one line of plain text, URL included. */
export function noteLine(note: NoteText): string {
  return note.url ? `${note.text} ${note.url}` : note.text;
}

/** The URL when it is an http(s) address a writer may make clickable; otherwise undefined. */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Link targets in running text: web addresses and e-mail addresses; anything else stays text. */
export function linkUrl(url: string): string | undefined {
  const web = webUrl(url);
  if (web) return web;
  try {
    return new URL(url).protocol === "mailto:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function endSentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
