/**
 * Whom an interpellation or a question is put to: "Interpellation till socialnämndens
 * ordförande Anna Andersson (M)", "Därför vill jag fråga Per Persson och Lena Larsson:".
 * A council ("Interpellation till Norrköpings kommunfullmäktige") is where
 * it is put, not to whom.
 */
import type { Doc } from "./text-layout.js";
import { contentRank } from "./text-layout.js";
import { clip, conf, quote } from "./text.js";

export interface AddresseeResult {
  value: string | null;
  confidence: number;
  evidence: string;
}

const headerPattern =
  /^(?:interpellation|(?:enkel |skriftlig |muntlig )?fråga)\s+(?:till|ställd till)\s+(.+?)\s*[:.]?$/i;
const askPattern = new RegExp(
  [
    String.raw`\b(?:(?:(?:vill|önskar) (?:jag|vi)|(?:jag|vi) (?:vill|önskar))(?: därför| nu| härmed|`,
    " med anledning av detta)? (?:ställa (?:några |följande )?frågor(?:na)? till|fråga)|",
    "(?:jag|vi) (?:ställer|riktar)(?: därför)? (?:följande |några |mina |dessa )?frågor(?:na)? till|",
    String.raw`mina frågor till|våra frågor till|frågar (?:jag|vi)(?: därför)?)\s+([^:?]{3,160}`,
    String.raw`?)\s*(?:följande\s*)?(?::|`,
    String.raw`\?|$)`,
  ].join(""),
  "i",
);
const forum = new RegExp(
  [
    String.raw`^(?:[\p{L}-]+\s+){0,2}(?:kommun|region|landstings|stads)?fullmäktige(?:\s+i\s+.+)?$|`,
    "^riksdagen$|^(?:kommun|region)fullmäktiges? ordförande$",
  ].join(""),
  "iu",
);

function cleanAddressee(s: string): string {
  return s
    .replace(/\s+(om följande|följande|om detta|angående detta)$/i, "")
    .replace(/[,;]\s*$/, "")
    .trim();
}

/** The addressee of an interpellation or question, when the text names one. */
export function inferAddressee(doc: Doc, signatureStart: number): AddresseeResult {
  for (const line of doc.content.slice(0, 12)) {
    const to = /^till\s*:\s*(.{3,200})$/i.exec(line.text);
    if (to && !forum.test(cleanAddressee(to[1]!))) {
      return {
        value: clip(cleanAddressee(to[1]!), 200),
        confidence: 0.85,
        evidence: clip(`raden ${quote(line.text, 90)}`, 120),
      };
    }
    const m = headerPattern.exec(line.text);
    if (!m) continue;
    const who = cleanAddressee(m[1]!);
    if (forum.test(who)) continue;
    const rank = contentRank(doc, line.index);
    return {
      value: clip(who, 200),
      confidence: conf(rank < 5 ? 0.9 : 0.8),
      evidence: clip(`rubriken ${quote(line.text, 90)}`, 120),
    };
  }
  for (const p of doc.paragraphs) {
    if (p.lines[0]!.index >= signatureStart) break;
    const m = askPattern.exec(p.text);
    if (!m) continue;
    const who = cleanAddressee(m[1]!);
    if (
      who.split(/\s+/).length > 16 ||
      forum.test(who) ||
      /^(om|hur|vad|varför|när|vilka|vilken|huruvida|följande|er|dig|oss)\b/i.test(who)
    )
      continue;
    return { value: clip(who, 200), confidence: 0.75, evidence: clip(quote(m[0], 100), 120) };
  }
  return { value: null, confidence: 0.5, evidence: "ingen mottagare namngiven" };
}
