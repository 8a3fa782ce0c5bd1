/**
 * The heading Riksdag documents open with, in their plain text and in the Swedish Parliament Corpus's TEI:
 *
 *   Interpellation 2007/08:39 Kollektivtrafik på landsbygden
 *   av Anna Exempelsson (s)
 *   till statsrådet Bertil Påhittad (m)
 *   den 5 oktober
 *
 * or the same on one line ("… av Anna Exempelsson (s) till statsrådet Bertil Påhittad (m)"). From it: the kind, the
 * designation, the title, the signers with their parties, whom it is put to, and the date (a day and month without a
 * year take the year from the riksmöte: autumn months its first year, the rest its second).
 */
import type { CorpusKind } from "../../domain/corpus-document.js";
import { monthNames } from "../../lang/dates.js";
import { partyFromCode } from "./parties.js";

export interface RiksdagHeading {
  kind: CorpusKind;
  /** "2007/08:39". */
  designation: string;
  /** The title without the kind and designation; undefined when the heading has none. */
  title?: string;
  authors: { name: string; party?: string }[];
  /** "statsrådet Bertil Påhittad (M)". */
  addressee?: string;
  /** ISO date, when the heading gives one. */
  date?: string;
  /** The heading as found, for the evidence. */
  evidence: string;
}

const kindWords: ReadonlyArray<readonly [RegExp, CorpusKind]> = [
  [/^svar på (skriftlig )?fråga$/i, "svar"],
  [/^(skriftlig )?fråga$/i, "fråga"],
  [/^interpellation$/i, "interpellation"],
  [/^(enskild |parti|kommitté|flerparti)?motion( till riksdagen)?$/i, "motion"],
];

const opening = new RegExp(
  [
    "^(svar på skriftlig fråga|svar på fråga|skriftlig fråga|fråga|interpellation|",
    "(?:enskild |parti|kommitté|flerparti)?motion(?: till riksdagen)?)",
    String.raw`\s+((?:19|20)\d{2}\/\d{2}):([A-ZÅÄÖ]{0,3}\d{1,5})\b\s*(.*)$`,
  ].join(""),
  "iu",
);

/** A name and its party in parentheses: "Anna Exempelsson (s)". */
const signer = /(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4})\s*\(\s*(\p{L}{1,4})\s*\)/gu;

/** "av Anna A (s) och Bo B (v)", "av Anna A och Bo B (båda s)"... */
function signersOf(part: string): { name: string; party?: string }[] {
  const out: { name: string; party?: string }[] = [];
  const shared = part.match(/\((?:båda|alla|samtliga)\s+(\p{L}{1,4})\)\s*$/iu);
  if (shared) {
    const party = partyFromCode(shared[1]!) ?? shared[1]!.toUpperCase();
    for (const name of part
      .slice(0, shared.index)
      .split(/\s*(?:,|\boch\b)\s*/u)
      .map((s) => s.trim())
      .filter((s) => /^\p{Lu}/u.test(s)))
      out.push({ name, party });
    return out;
  }
  for (const m of part.matchAll(signer)) {
    const party = partyFromCode(m[2]!) ?? m[2]!.toUpperCase();
    out.push({ name: m[1]!.trim(), party });
  }
  return out;
}

/** "statsrådet Bertil Påhittad (m)" → with the party in capitals, as Riksdagen writes it. */
const addresseeOf = (s: string): string =>
  s
    .trim()
    .replace(/[.:]$/, "")
    .replace(/\(\s*(\p{L}{1,4})\s*\)/u, (_, p: string) => `(${partyFromCode(p) ?? p.toUpperCase()})`);

const monthPattern = monthNames.join("|");
const dateLine = new RegExp(`^den\\s+(\\d{1,2})\\s+(${monthPattern})(?:\\s+((?:19|20)\\d{2}))?\\.?$`, "iu");

/** "den 5 oktober" in riksmöte 2007/08 → "2007-10-05". */
function dateOf(line: string, riksmote: string): string | undefined {
  const m = dateLine.exec(line.trim());
  if (!m) return undefined;
  const month = monthNames.indexOf(m[2]!.toLowerCase() as (typeof monthNames)[number]) + 1;
  const first = Number(riksmote.slice(0, 4));
  const year = m[3] ? Number(m[3]) : month >= 7 ? first : first + 1;
  const day = Number(m[1]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/**
 * The heading among the first lines of a text (blank lines skipped); undefined when the text does not open with one.
 * Looks at most at the first eight lines.
 */
export function readRiksdagHeading(lines: readonly string[]): RiksdagHeading | undefined {
  const firsts = lines
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .slice(0, 8);
  const at = firsts.findIndex((l) => opening.test(l));
  if (at < 0 || at > 2) return undefined;
  const m = opening.exec(firsts[at]!)!;
  const kind = kindWords.find(([re]) => re.test(m[1]!))?.[1] ?? "annat";
  const designation = `${m[2]}:${m[3]}`;
  let rest = m[4]!.trim();
  let authors: RiksdagHeading["authors"] = [];
  let addressee: string | undefined;
  // One line: "‹title› av ‹signers› till ‹addressee›".
  const inline =
    /^(.*?)\s*\bav\s+(\p{Lu}[^()]*\(\s*(?:(?:båda|alla|samtliga)\s+)?\p{L}{1,4}\s*\).*?)(?:\s+till\s+(.+))?$/u.exec(
      rest,
    );
  if (inline) {
    rest = inline[1]!.trim();
    authors = signersOf(inline[2]!);
    if (inline[3]) addressee = addresseeOf(inline[3]);
  }
  let date: string | undefined;
  let used = 1;
  for (const line of firsts.slice(at + 1, at + 5)) {
    const av = /^av\s+(.+)$/u.exec(line);
    const till = /^till\s+(.+)$/u.exec(line);
    const d = dateOf(line, m[2]!);
    if (av && authors.length === 0) authors = signersOf(av[1]!);
    else if (till && !addressee) addressee = addresseeOf(till[1]!);
    else if (d && !date) date = d;
    else break;
    used++;
  }
  const title = rest.replace(/^[:–-]\s*/, "").trim();
  return {
    kind,
    designation,
    ...(title ? { title } : {}),
    authors,
    ...(addressee ? { addressee } : {}),
    ...(date ? { date } : {}),
    evidence: firsts.slice(at, at + used).join(" / "),
  };
}
