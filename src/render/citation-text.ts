/**
 * How a citation reads in Swedish: the one phrasing every writer prints, so a footnote in
 * Word, a note in the PDF and a note on the web page say the same thing. A note reads as a
 * note in a Swedish report — who published what, when, and where — not as a database row:
 *
 *   Länsstyrelsen Stockholm, ”Prostitutionen i Sverige 2014 (Rapport 2015:10)”, 2015.
 *   Uppgiften gäller 2014. Män 18–65 år.
 *
 * The time the value describes is added only where it differs from the source's date, and a
 * qualifier the registry keeps with the value follows as a sentence of its own.
 */
import type { ArgumentCitation, Citation, Draft, FactCitation } from "../domain/draft.js";
import type { Source } from "../domain/fact.js";
import type { PartialDate } from "../domain/partial-date.js";
import { formatDate, yearPhrase } from "../lang/dates.js";
import { formatList } from "../lang/lists.js";
import { partyName } from "../domain/signer.js";
import { labels } from "./messages.sv.js";
import { perObject } from "../domain/per-object.js";

/** A note or source entry as text plus the URL that follows it (writers may make it a link). */
export interface NoteText {
  /** The words, ending with a full stop; the URL is not part of them. */
  text: string;
  /** The source's URL as given, printed after the text. */
  url: string | undefined;
}

/**
 * "Utgivare, ”Titel”, 21 februari 2023." (or "…, odaterad."); a source without a title names
 * none. A source a party published says so, when its publisher does not already name the party:
 * "Folkbladet (utgiven av Socialdemokraterna), …".
 */
export function sourceEntry(source: Source): NoteText {
  return { text: entryText(source), url: source.url };
}

/** Each source's entry text, by source: a registry's sources do not change, and every draft cites them anew. */
const entryText = perObject((source: Source): string => {
  const date = source.date === null ? labels.undatedSource : formatDate(source.date);
  const title = source.title ? `${labels.quoteOpen}${source.title}${labels.quoteClose}` : undefined;
  return endSentence([publisherWithParty(source), title, date].filter(Boolean).join(", "));
});

function publisherWithParty(source: Source): string {
  const parties = source.parties ?? [];
  if (parties.length === 0) return source.publisher;
  const named = parties.some((p) =>
    new RegExp(`(^|[\\s(,])(${escapeRegExp(p)}|${escapeRegExp(partyName(p))})([\\s),]|$)`, "i").test(source.publisher),
  );
  return named
    ? source.publisher
    : `${source.publisher} (${labels.publishedBy} ${formatList(parties.map(partyName), "och")})`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether the time a value describes needs saying apart from the source's own date. */
function asOfDiffers(asOf: PartialDate, sourceDate: PartialDate | null, since: PartialDate | undefined): boolean {
  if (since && since.slice(0, 4) !== asOf.slice(0, 4)) return true;
  if (sourceDate === null) return true;
  return !(asOf === sourceDate || (asOf.length === 4 && sourceDate.startsWith(asOf)));
}

/** "Uppgiften gäller 2014." / "… 2017–2019." / "… februari 2022." */
function asOfSentence(asOf: PartialDate, since: PartialDate | undefined): string {
  const when = since && since.slice(0, 4) !== asOf.slice(0, 4) ? yearPhrase(asOf, since) : formatDate(asOf);
  return `${labels.valueHolds} ${when}.`;
}

/** The note for one citation: its source, then (for a fact) when the value holds and any qualifier. */
export function citationNote(c: Citation): NoteText {
  switch (c.kind) {
    case "fact":
      return factNote(c);
    case "argument":
      return argumentNote(c);
    case "record": {
      const src = sourceEntry(c.source);
      return { text: `${c.label}: ${src.text}`, url: src.url };
    }
    default:
      return unknownCitation(c);
  }
}

/** A fact's note: "Utgivare, ”Titel”, 2015. Uppgiften gäller 2014. Män 18–65 år." */
function factNote(c: FactCitation): NoteText {
  const src = sourceEntry(c.source);
  const parts = [src.text];
  if (c.asOf !== null && asOfDiffers(c.asOf, c.source.date, c.since)) parts.push(asOfSentence(c.asOf, c.since));
  if (c.note) parts.push(endSentence(upperFirst(c.note)));
  return { text: parts.join(" "), url: src.url };
}

/** An argument's note: "Argumentet framförs i Utgivare, ”Titel”, datum." */
function argumentNote(c: ArgumentCitation): NoteText {
  const src = sourceEntry(c.source);
  return { text: `${labels.argumentFrom} ${src.text}`, url: src.url };
}

/** The type check fails here when a kind of citation is added that the writers do not handle. */
function unknownCitation(c: never): never {
  throw new Error(`Unknown kind of citation: ${JSON.stringify(c)}`);
}

/** The citation a `{ type: "citation", n }` node refers to; a dangling number is a bug upstream. */
export function citationOf(draft: Pick<Draft, "citations">, n: number): Citation {
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

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
