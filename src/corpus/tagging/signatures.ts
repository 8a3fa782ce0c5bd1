/**
 * Authors and their roles: the signature block at the end of the main text ("Anna Andersson
 * (S), kommunalråd"; a name line followed by a role line; "Bertil Östberg (L) ledamot
 * omsorgs- och socialnämnden Lidingö"), the "Presskontakt" block of a press release ("Namn,
 * roll parti, 070-…"), and, for a press release without either, the people quoted
 * ("…, säger Anna Andersson, kommunalråd för Vänsterpartiet.").
 */
import { allMunicipalities } from "../../data/places.js";
import type { Doc, Line } from "./text-layout.js";
import { datelinePlace } from "./dates.js";
import { partyFromName, partyFromParentheses, partyMentions } from "./parties.js";
import { clip, conf } from "./text.js";

export interface Author {
  name: string;
  party?: string;
  role?: string;
}

export interface SignatureBlock {
  /** Index of the block's first line; the end of the main text when there is no block. */
  start: number;
  /** Index after the block's last line. */
  end: number;
  authors: Author[];
  /** Index of the place-and-date line in or just above the block, -1 when none. */
  dateline: number;
  /** Index of the "Presskontakt" line, -1 when none. */
  pressContact: number;
  confidence: number;
  evidence: string;
}

const particle = "(?:af|av|von|van|de|der|den|du|la|le|di|da|el|al|bin)";
const nameWord = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?`;
const namePart = String.raw`${nameWord}(?:\s+(?:${particle}\s+)?${nameWord}){1,3}`;
const nameLinePattern = new RegExp(String.raw`^(${namePart})\s*(?:\(([^()\d]{1,30})\))?\s*(?:[,–—:-]\s*)?(.*)$`, "u");
const nameWithPartyPattern = new RegExp(String.raw`(${namePart})\s*\(([^()\d]{1,30})\)`, "gu");

/** Capitalised words that start lines but are never a person's first name. */
const notFirstNames = new Set(
  (
    "Med Det Vi Jag Detta Den Denna Dessa Där Här För Till Från Och Att Som Men Om När Nu Så Vad Hur Varför " +
    "Var Vem Alla Många Inte Även Enligt Under Efter Inför " +
    "Presskontakt Presskontakter Kontakt Kommentera Dela Annons Region Kommun Kommunfullmäktige " +
    "Kommunstyrelsen Stad Staden Bild Foto Text Läs Motion Interpellation " +
    "Fråga Frågor Debatt Pressmeddelande Pressmeddelanden Replik Insändare Publicerad Uppdaterad Datum " +
    "Ordförande Kommunalråd Ledamot Ersättare Gruppledare Riksdagen " +
    "Regeringen Sverige Sveriges Socialnämnden Polisen Länsstyrelsen Borgerlig Aktuella Vänliga Hälsningar " +
    "Hälsning Tack Källa Källor Fakta Not Noter Bakgrund Förslag Yrkande " +
    "Januari Februari Mars April Maj Juni Juli Augusti September Oktober November December Måndag Tisdag " +
    "Onsdag Torsdag Fredag Lördag Söndag Allians Alliansen"
  ).split(" "),
);
/** Municipality names that are also people's first names. */
const firstNamePlaces = new Set([
  "Mark",
  "Nora",
  "Dorotea",
  "Vilhelmina",
  "Salem",
  "Ale",
  "Eda",
  "Orsa",
  "Mora",
  "Kinda",
  "Laxå",
]);
const placeWords = new Set(
  allMunicipalities()
    .flatMap((p) => [p.name, `${p.name}s`])
    .filter((n) => !firstNamePlaces.has(n)),
);

/** Whether a string is a plausible person's name ("Maria Wall Petrini", "Anna-Karin af Ekenstam"). */
export function isPersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const first = words[0]!;
  if (notFirstNames.has(first) || placeWords.has(first)) return false;
  for (const w of words) {
    if (
      partyFromName(w) ||
      /(partiet|kommun|nämnden|styrelsen|fullmäktige|regionen|förbundet|kvinnor|föreningen)$/i.test(w)
    )
      return false;
  }
  return true;
}

type Parsed =
  | { kind: "names"; authors: Author[] }
  | { kind: "dateline" }
  | { kind: "role"; text: string }
  | { kind: "greeting" }
  | { kind: "body" };

/** Contact details are no role: a phone number or an e-mail address at the end goes. */
const contactTail =
  /[,;]?\s*(?:(?:tel(?:efon)?|mobil|e-?post)[.:]?\s*)?(?:\+46|0)[\d\s-]{6,}\d\s*$|[,;]?\s*\S+@\S+\.\w+\s*$/i;

function cleanRole(s: string): string {
  let t = s;
  while (contactTail.test(t)) t = t.replace(contactTail, "");
  return t
    .replace(/^[,;:–—-]\s*/, "")
    .replace(/[,;]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A role without the party it repeats: "gruppledare (V)" → "gruppledare". */
function roleWithoutParty(role: string, party: string | undefined): string {
  if (!party) return role;
  const out = role
    .replace(/\s*\(([^()]{1,30})\)/g, (all, inner: string) => (partyFromParentheses(inner) === party ? "" : all))
    .replace(/\s+/g, " ")
    .trim();
  return out || role;
}

function roleParty(role: string): string | undefined {
  const paren = /\(([^()]{1,30})\)\s*$/.exec(role);
  if (paren) {
    const p = partyFromParentheses(paren[1]!);
    if (p) return p;
  }
  return partyMentions(role).find((m) => m.via !== "alliance")?.party;
}

/** Reads one line of a signature block. */
function parseLine(text: string): Parsed {
  const t = text.trim();
  // A kind label that a conversion moved to the end ("Motion till kommunfullmäktige i Karlstad"): neither signer nor
  // role.
  if (
    /^(motion|interpellation|(enkel |skriftlig )?fråga|pressmeddelande|debatt)\b/i.test(t) &&
    t.length < 100 &&
    !/[.!?]$/.test(t)
  )
    return { kind: "greeting" };
  if (
    /^(med )?(vänlig(a)?|bästa) häls\p{L}*[,!.]?$/iu.test(t) ||
    /^([Ff]ör|[Pp]å uppdrag av) (?!att\b)\p{Lu}[^.!?]{1,60}$/u.test(t)
  )
    return { kind: "greeting" };
  if (datelinePlace(t) !== undefined) return { kind: "dateline" };
  // Several signers on one line: "Anna Andersson (S), Bertil Berg (V) och Cecilia Ek (MP)".
  const many = [...t.matchAll(nameWithPartyPattern)];
  if (many.length >= 2) {
    const rest = t
      .replace(nameWithPartyPattern, "")
      .replace(/\b(och|samt)\b|[,&;]/g, "")
      .trim();
    if (rest === "") {
      const authors = many
        .filter((m) => isPersonName(m[1]!))
        .map((m) => withParty({ name: m[1]!.trim() }, partyFromParentheses(m[2]!)));
      if (authors.length >= 2) return { kind: "names", authors };
    }
  }
  const m = nameLinePattern.exec(t);
  if (m && isPersonName(m[1]!)) {
    const name = m[1]!.trim();
    const party = m[2] ? partyFromParentheses(m[2]) : undefined;
    const rest = cleanRole(m[3] ?? "");
    // A bare "Förnamn Efternamn" is a name; with a role it must have a party or a comma.
    if (m[2] && !party) return { kind: "body" };
    const hasSeparator = /^\s*(\([^()]*\))?\s*[,–—:-]/.test(t.slice(name.length));
    if (rest === "" || party || hasSeparator) {
      if (rest.split(/\s+/).length > 16 || (/[.!?]$/.test(rest) && rest.split(/\s+/).length > 6))
        return { kind: "body" };
      const author: Author = withParty({ name }, party);
      if (rest) {
        if (!author.party) {
          const p = roleParty(rest);
          if (p) author.party = p;
        }
        const role = cleanRole(roleWithoutParty(rest, author.party));
        if (role) author.role = role;
      }
      return { kind: "names", authors: [author] };
    }
  }
  const words = t.split(/\s+/);
  if (
    t.length <= 150 &&
    words.length <= 16 &&
    !/[.!?:]$/.test(t) &&
    !/^([-–•*]|\d+[.)])\s/.test(t) &&
    !/^att\s/i.test(t)
  )
    return { kind: "role", text: t };
  if (t.length <= 60 && words.length <= 6 && /\.$/.test(t) && !/^att\s/i.test(t))
    return { kind: "role", text: t.replace(/\.$/, "") };
  return { kind: "body" };
}

function withParty(a: Author, party: string | undefined): Author {
  if (party) a.party = party;
  return a;
}

const pressHeader = new RegExp(
  [
    String.raw`^(?:press)?kontakt(?:er|person(?:er)?)?\b|^för (?:mer|ytterligare) information|^mer information|`,
    "^frågor besvaras av|^kontakta gärna",
  ].join(""),
  "i",
);
const phonePattern = /(?:\+46|\b0)\s*\d{1,3}(?:[\s-]?\d{1,4}){2,5}\b/g;
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const hasPhone = new RegExp(phonePattern.source);
const hasEmail = new RegExp(emailPattern.source);
const urlPattern = /\bhttps?:\/\/\S+|\bwww\.\S+/g;

/** One contact line: "Karin Exempel, kommunalråd i opposition Vänsterpartiet, 070-000 00 00". */
function parseContact(text: string): Author | undefined {
  const t = text
    .replace(urlPattern, "")
    .replace(emailPattern, "")
    .replace(phonePattern, "")
    .replace(/\b(tel|telefon|mobil|mejl|e-post)\.?\s*:?/gi, "");
  const cleaned = t
    .replace(/\s*[,;|/]\s*([,;|/]\s*)*/g, ", ")
    .replace(/[,\s]+$/, "")
    .trim();
  if (!cleaned) return undefined;
  const parsed = parseLine(cleaned);
  if (parsed.kind === "names" && parsed.authors.length === 1) return parsed.authors[0];
  return undefined;
}

function readPressContacts(doc: Doc): { authors: Author[]; line: number } {
  const from = Math.floor(doc.content.length / 3);
  for (const l of doc.content.slice(from)) {
    if (!pressHeader.test(l.text)) continue;
    const authors: Author[] = [];
    const inline = l.text.replace(/^[^:]*:\s*/, "");
    if (inline !== l.text && inline.trim()) {
      const a = parseContact(inline);
      if (a) authors.push(a);
    }
    let blanks = 0;
    for (let i = l.index + 1; i < doc.mainEnd && i < l.index + 20; i++) {
      const line = doc.lines[i]!;
      if (line.blank || line.junk) {
        if (++blanks > 2) break;
        continue;
      }
      blanks = 0;
      const a = parseContact(line.text);
      if (a) authors.push(a);
      else if (authors.length > 0 && !hasPhone.test(line.text) && !hasEmail.test(line.text)) break;
    }
    if (authors.length > 0) return { authors, line: l.index };
  }
  return { authors: [], line: -1 };
}

const speakerPattern = new RegExp(
  String.raw`(?:säger|avslutar|menar|konstaterar|berättar|fortsätter|understryker|betonar|påpekar)\s+` +
    String.raw`(${namePart})(?:,\s*([^.”"–]{3,120}))?[.”"]`,
  "gu",
);

/** People quoted in a press release: "…, säger Karin Exempel, kommunalråd för Vänsterpartiet." */
export function quotedSpeakers(doc: Doc): Author[] {
  const seen = new Map<string, Author>();
  for (const p of doc.paragraphs) {
    for (const m of p.text.matchAll(speakerPattern)) {
      const name = m[1]!.trim();
      if (!isPersonName(name) || seen.has(name)) continue;
      const author: Author = { name };
      const role = m[2] ? cleanRole(m[2]) : "";
      if (role) {
        author.role = role;
        const party = roleParty(role);
        if (party) author.party = party;
      }
      seen.set(name, author);
    }
  }
  return [...seen.values()];
}

/** The signature block and the press contacts of a document. */
export function findSignatures(doc: Doc): SignatureBlock {
  const press = readPressContacts(doc);
  const searchEnd = press.line >= 0 ? press.line : doc.mainEnd;
  // Walk back from the end over signature-like lines; stop at the first line of prose.
  const collected: { line: Line; parsed: Parsed }[] = [];
  for (let i = searchEnd - 1; i >= 0 && collected.length < 40; i--) {
    const line = doc.lines[i]!;
    if (line.blank || line.junk) continue;
    const parsed = parseLine(line.text);
    if (parsed.kind === "body") break;
    collected.unshift({ line, parsed });
  }
  // The block starts at its first name, greeting or dateline; role-like lines before that are the text's end.
  const first = collected.findIndex((c) => c.parsed.kind !== "role");
  const block = first < 0 ? [] : collected.slice(first);
  const authors: Author[] = [];
  let dateline = -1;
  let last: Author | undefined;
  let roleLines = 0;
  for (const { line, parsed } of block) {
    if (parsed.kind === "names") {
      authors.push(...parsed.authors);
      last = parsed.authors.length === 1 ? parsed.authors[0] : undefined;
      roleLines = 0;
    } else if (parsed.kind === "dateline") {
      dateline = line.index;
      last = undefined;
    } else if (parsed.kind === "greeting") {
      last = undefined;
    } else if (parsed.kind === "role" && last && roleLines < 2) {
      let role = cleanRole(parsed.text);
      if (!last.party) {
        const p = roleParty(role);
        if (p) last.party = p;
      }
      role = roleWithoutParty(role, last.party);
      last.role = last.role ? `${last.role}, ${role}` : role;
      roleLines++;
    }
  }
  // A bare name after signers with parties is a caption or a credit, not a signer.
  const withParties = authors.some((a) => a.party);
  const signers = withParties ? authors.filter((a) => a.party || a.role) : authors;
  // A dateline just above the block belongs to it ("Karlstad 2019-10-16" then the names).
  const start = block[0]?.line.index ?? searchEnd;
  const end = block.length ? block[block.length - 1]!.line.index + 1 : searchEnd;

  const merged = [...signers];
  for (const a of press.authors) if (!merged.some((b) => b.name === a.name)) merged.push(a);
  let confidence = 0;
  let evidence = "ingen underskrift";
  if (signers.length > 0) {
    confidence = withParties ? 0.9 : 0.6;
    evidence = `underskrift: ${signers.map((a) => (a.party ? `${a.name} (${a.party})` : a.name)).join(", ")}`;
  }
  if (press.authors.length > 0) {
    confidence = Math.max(confidence, 0.8);
    evidence = signers.length
      ? `${evidence}; presskontakt`
      : `presskontakt: ${press.authors.map((a) => a.name).join(", ")}`;
  }
  const found = signers.length > 0 || dateline >= 0;
  return {
    start: found ? start : searchEnd,
    end: found ? end : doc.mainEnd,
    authors: merged,
    dateline,
    pressContact: press.line,
    confidence: conf(confidence),
    evidence: clip(evidence, 120),
  };
}
