/**
 * The lists in a motion or an interpellation: att-satser ("att kommunen tecknar avtal med …",
 * with "-", "–", "•", numbers or nothing before them, after "föreslår … besluta" or "yrkar"),
 * and numbered or bulleted questions ending in "?" (after "vill jag fråga" or "frågor").
 * Items wrapped over several lines (PDF text) are joined.
 */
import type { Doc, Line } from "./text-layout.js";
import { datelinePlace } from "./dates.js";
import { clip, conf, quote } from "./text.js";

export interface ListResult {
  value: string[];
  confidence: number;
  evidence: string;
}

const bullet = /^(?:[-–—•*·▪●○◦]|\(?\d{1,2}[.):]|\(?[a-h][.)]|[ivx]{1,4}[.)])\s*/i;
const proposalTrigger =
  /\b(föreslår|föreslås|yrkar|yrkande|yrkanden|hemställer|hemställan|förslag till beslut|föreslå)\b/i;
const inlineProposal = /\b(?:besluta[rt]?|yrkar(?: jag| vi)?(?: därför)?(?: på)?)\s*:?\s+(att\s.+)$/i;
const questionTrigger = new RegExp(
  [
    String.raw`\b(vill|önskar) (jag|vi)\b[^.?!]*\bfråga|\bfråga[rn]?\b[^.?!]*:\s*$|\bföljande frågor\b|`,
    String.raw`\bmina frågor\b|\bvåra frågor\b|\bfrågor\s*(till [^:]+)?:\s*$|\bställa (?:några |`,
    String.raw`följande )?frågor\b`,
  ].join(""),
  "i",
);

function stripBullet(s: string): { text: string; bulleted: boolean } {
  const m = bullet.exec(s);
  return m ? { text: s.slice(m[0].length).trim(), bulleted: true } : { text: s.trim(), bulleted: false };
}

function cleanProposal(s: string): string {
  return clip(
    s
      .replace(/\s+/g, " ")
      .replace(/[\s;,.]+$/, "")
      .replace(/\s+(samt|och)$/i, "")
      .replace(/[\s;,.]+$/, "")
      .trim(),
    1000,
  );
}

/**
 * "att A, samt att B" on one line: two att-satser. Also "att A att B" when the line breaks
 * between them were lost (DOCX and PDF text): a new one starts where "att" is followed by a
 * body that decides ("att socialnämnden …"), not by a verb ("i uppdrag att samverka"), and
 * not after "och"/"eller" ("… och att kommunens invånare får veta" continues the same one).
 */
const newClause = new RegExp(
  [
    String.raw`(?<![,;]|\boch|\beller|\bmen)\s+(?=att\s+(?:[\p{L}-]*(?:kommun|region|stad|nämnd|`,
    String.raw`styrels|förvaltning|fullmäktig|bolag|landsting)\p{L}*|Region|[\p{Lu}][\p{L}-]+s\s+(?:kommun|`,
    String.raw`stad|Stad))\s)`,
  ].join(""),
  "u",
);
function splitInline(s: string): string[] {
  return s
    .split(/\s*(?:;|,)?\s+samt\s+(?=att\s)|\s*;\s*(?=att\s)|,\s+(?=att\s)/i)
    .flatMap((part) => part.split(newClause))
    .map(cleanProposal)
    .filter((x) => /^att\s\S/i.test(x));
}

/** Whether a line ends the list: a dateline, a signature, a heading. */
function endsList(line: Line): boolean {
  return line.heading > 0 || datelinePlace(line.text) !== undefined || /\((S|V|M|L|C|KD|MP|SD|FP)\)/i.test(line.text);
}

/** The att-satser of a motion (or of any text that proposes decisions). */
export function inferProposals(doc: Doc, signatureStart: number): ListResult {
  const lines = doc.content.filter((l) => l.index < Math.max(signatureStart, 0) || signatureStart < 0);
  const withTrigger: string[] = [];
  const loose: string[] = [];
  let armed = -1; // index into lines of the trigger
  let triggerText = "";
  let current: string[] | undefined;
  let items: string[] = [];
  let target = withTrigger;
  const flush = () => {
    if (current) {
      const joined = current.join(" ");
      const parts = splitInline(joined);
      items.push(...(parts.length > 0 ? parts : [cleanProposal(joined)]));
    }
    current = undefined;
  };
  const close = () => {
    flush();
    target.push(...items.filter((x) => /^att\s\S/i.test(x)));
    items = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const { text, bulleted } = stripBullet(line.text);
    const startsAtt = /^att\s/i.test(text);
    if (startsAtt) {
      if (armed < 0 && !current && items.length === 0) {
        // Without a trigger: a list of att-lines after a colon, or bulleted att-lines.
        const prev = lines[k - 1]?.text ?? "";
        const nextStarts = /^att\s/i.test(stripBullet(lines[k + 1]?.text ?? "").text);
        if (!(bulleted || /:\s*$/.test(prev) || nextStarts)) continue;
        target = loose;
      }
      flush();
      current = [text];
      continue;
    }
    if (current && !endsList(line) && /^\p{Ll}/u.test(text) && !/[.;]$/.test(current[current.length - 1]!)) {
      current.push(text); // a wrapped line
      continue;
    }
    if (current || items.length > 0) {
      close();
      armed = -1;
      target = withTrigger;
    }
    if (proposalTrigger.test(line.text)) {
      armed = k;
      triggerText = line.text;
      target = withTrigger;
      const inline = inlineProposal.exec(line.text);
      // "yrkar därför att regionfullmäktige beslutar:" announces the list; it is not an att-sats.
      if (
        inline &&
        !/:\s*$|\b(fullmäktige|nämnden|styrelsen|riksdagen)\s+(beslutar|besluta|ska besluta)\b/i.test(inline[1]!)
      )
        withTrigger.push(...splitInline(inline[1]!));
    } else if (armed >= 0 && k - armed > 3) {
      armed = -1;
    }
  }
  close();
  const riksdag = riksdagProposals(doc, signatureStart < 0 ? Infinity : signatureStart);
  if (riksdag.length > 0 && withTrigger.length === 0) {
    return {
      value: riksdag,
      confidence: 0.85,
      evidence: `${riksdag.length} yrkanden efter ”Förslag till riksdagsbeslut”`,
    };
  }
  const value = [...new Set([...withTrigger, ...loose])];
  if (value.length === 0) return { value: [], confidence: 0.6, evidence: "inga att-satser" };
  const confidence = withTrigger.length > 0 ? 0.9 : 0.6;
  const evidence =
    withTrigger.length > 0
      ? `${value.length} att-satser efter ${quote(triggerText, 50)}`
      : `${value.length} att-satser i listform`;
  return { value, confidence: conf(confidence), evidence: clip(evidence, 120) };
}

/**
 * A Riksdag motion's proposals: the numbered "Riksdagen ställer sig bakom …" lines after
 * "Förslag till riksdagsbeslut".
 */
export function riksdagProposals(doc: Doc, signatureStart: number): string[] {
  const out: string[] = [];
  let armed = false;
  let misses = 0;
  for (const line of doc.content) {
    if (line.index >= signatureStart) break;
    if (/^förslag till riksdagsbeslut\b/i.test(line.text)) {
      [armed, misses] = [true, 0];
      continue;
    }
    if (!armed) continue;
    const { text } = stripBullet(line.text);
    if (/^riksdagen\s/i.test(text)) out.push(cleanProposal(text));
    else if (out.length > 0 || ++misses > 2) armed = false;
  }
  return out;
}

/** The numbered or bulleted questions of an interpellation or a question. */
export function inferQuestions(doc: Doc, signatureStart: number, kind?: string): ListResult {
  const lines = doc.content.filter((l) => l.index < Math.max(signatureStart, 0) || signatureStart < 0);
  const found: string[] = [];
  let viaTrigger = 0;
  let triggerText = "";
  let armed = false;
  let sinceTrigger = 0;
  let current: string[] | undefined;
  let run: string[] = [];
  let runBulleted = 0;
  const endRun = () => {
    if (run.length > 0 && (armed || runBulleted >= 2 || (runBulleted >= 1 && run.length >= 2))) {
      found.push(...run);
      if (armed) viaTrigger += run.length;
    }
    run = [];
    runBulleted = 0;
  };
  for (const line of lines) {
    const { text, bulleted } = stripBullet(line.text);
    if (current) {
      current.push(text);
      if (/\?["”]?$/.test(text)) {
        run.push(clip(current.join(" "), 1000));
        current = undefined;
      } else if (current.length > 4 || endsList(line)) current = undefined;
      continue;
    }
    if (/\?["”]?$/.test(text) && (bulleted || armed) && text.length < 600 && !questionTrigger.test(text)) {
      run.push(clip(text, 1000));
      if (bulleted) runBulleted++;
      continue;
    }
    if (bulleted && armed && text.length > 0 && !endsList(line)) {
      current = [text]; // a question wrapped over lines
      runBulleted++;
      continue;
    }
    endRun();
    if (armed && (found.length > 0 || ++sinceTrigger > 2)) armed = false;
    if (questionTrigger.test(line.text) && /[:?]\s*$|fråga\b/i.test(line.text)) {
      armed = true;
      sinceTrigger = 0;
      triggerText = line.text;
    }
  }
  endRun();
  const value = [...new Set(found)];
  if (value.length === 0 && kind === "fråga") {
    // A written question is often one question, in a paragraph of its own.
    const own = doc.paragraphs
      .filter(
        (p) =>
          p.lines[0]!.index < signatureStart &&
          /\?["”]?$/.test(p.text) &&
          p.text.length < 500 &&
          !/^(enkel |skriftlig )?fråga till\b/i.test(p.text),
      )
      .map((p) => clip(p.text, 1000));
    if (own.length > 0) return { value: own, confidence: 0.55, evidence: clip(`frågan: ${quote(own[0]!, 80)}`, 120) };
  }
  if (value.length === 0) return { value: [], confidence: 0.6, evidence: "inga numrerade frågor" };
  const confidence = viaTrigger > 0 ? 0.9 : 0.6;
  const evidence =
    viaTrigger > 0 ? `${value.length} frågor efter ${quote(triggerText, 50)}` : `${value.length} numrerade frågor`;
  return { value, confidence: conf(confidence), evidence: clip(evidence, 120) };
}
