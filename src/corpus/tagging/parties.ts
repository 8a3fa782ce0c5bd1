/**
 * Parties: letters in parentheses ("(S)", "(v)", "(Fp)"), party names in their forms
 * ("Socialdemokraterna", "Vänsterpartiets", "S-kvinnor", "vänstern", "Folkpartiet" → L) and
 * alliances ("Allians för Helsingborg", "Alliansen" → M, L, C, KD). The parties of the
 * document are its signers' parties when it has signers; otherwise the parties it names
 * prominently. Listed by first appearance.
 */
import { parliamentaryParties } from "../../domain/signer.js";
import type { Doc } from "./text-layout.js";
import { contentRank } from "./text-layout.js";
import type { SignatureBlock } from "./signatures.js";
import { clip, conf, quote } from "./text.js";

export const allianceParties = ["M", "L", "C", "KD"] as const;

// Historic letters: Folkpartiet (FP, FPL) is today's L, Kristen demokratisk samling (KDS) KD, VPK V.
const codeAliases: Record<string, string> = { FP: "L", FPL: "L", KDS: "KD", VPK: "V" };

/** "s" → "S", "Fp" → "L", "kd" → "KD"; undefined for what is not a party letter. */
export function partyFromCode(code: string): string | undefined {
  const c = code.trim().replace(/\.$/, "").toUpperCase();
  if ((parliamentaryParties as readonly string[]).includes(c)) return c;
  return codeAliases[c];
}

/**
 * What a signature's parentheses hold, as a party: a parliamentary letter ("v" → "V"), or a
 * local party's own code or name ("LP", "Lidingöpartiet"); undefined for what is not a party.
 */
export function partyFromParentheses(inner: string): string | undefined {
  const t = inner.trim();
  const known = partyFromCode(t) ?? partyFromName(t);
  if (known) return known;
  if (/^\p{Lu}{1,5}$/u.test(t)) return t;
  if (/^\p{Lu}[\p{Ll}]+(partiet|listan|alternativet|demokraterna)$/u.test(t)) return t;
  return undefined;
}

const namePatterns: ReadonlyArray<readonly [string, RegExp]> = [
  ["S", /^(?:[Ss]ocialdemokrat\p{L}*|[Ss]-kvinno\p{L}*|SSU|[Ss]ossarna)$/u],
  ["V", /^(?:[Vv]änsterpartie[tn]s?|[Vv]änsterpartist\p{L}*|[Vv]änstern?s?|Ung Vänster)$/u],
  ["M", /^(?:[Mm]oderaterna?s?|Moderata samlingspartiet|MUF)$/u],
  ["L", /^(?:[Ll]iberalerna?s?|[Ff]olkpartiet(?: liberalerna)?s?|[Ff]olkpartist\p{L}*)$/u],
  ["C", /^(?:[Cc]enterpartie[tn]s?|Centerns?|[Cc]enterpartist\p{L}*)$/u],
  ["KD", /^(?:[Kk]ristdemokrat\p{L}*|KDU)$/u],
  ["MP", /^(?:[Mm]iljöpartiet(?: de gröna)?s?|[Mm]iljöpartist\p{L}*)$/u],
  ["SD", /^(?:[Ss]verigedemokrat\p{L}*)$/u],
];

/** "Vänsterpartiet" → "V", "Socialdemokraternas" → "S"; undefined for anything else. */
export function partyFromName(name: string): string | undefined {
  const t = name.trim();
  for (const [code, p] of namePatterns) if (p.test(t)) return code;
  return undefined;
}

export interface PartyMention {
  party: string;
  /** Offset in the string searched (plus the offset passed). */
  index: number;
  text: string;
  via: "code" | "name" | "alliance";
}

const mentionPattern = new RegExp(
  [
    String.raw`(?<alliance>\bAllians för \p{Lu}[\p{L}-]+|\bAllians(?:en|ens|partierna|partiernas)\b)`,
    String.raw`(?<code>(?<=\p{L}\s?)\((?:S|V|M|L|C|KD|MP|SD|FP|Fp|fp|s|v|m|l|kd|mp|sd|` +
      String.raw`c)\)|\((?:S|V|M|L|KD|MP|SD|FP|Fp)\))`,
    String.raw`(?<prefix>\b(?:S|V|M|KD|MP|SD)-(?=\p{Ll}{3,}))`,
    String.raw`(?<name>\b(?:[Ss]ocialdemokrat\p{L}*|[Ss]-kvinno\p{L}*|SSU|[Vv]änsterpartie[tn]s?|` +
      String.raw`[Vv]änsterpartist\p{L}*|[Vv]änstern\b|Ung Vänster|[Mm]oderaterna?s?\b|` +
      String.raw`Moderata samlingspartiet|MUF|[Ll]iberalerna?s?\b|[Ff]olkpartiet(?: liberalerna)?s?|` +
      String.raw`[Cc]enterpartie[tn]s?|Centerns?\b|[Kk]ristdemokrat\p{L}*|KDU|[Mm]iljöpartie[tn]s?(?: ` +
      "de gröna)?|" +
      String.raw`[Mm]iljöpartist\p{L}*|[Ss]verigedemokrat\p{L}*))`,
  ].join("|"),
  "gu",
);

/** Every party mention in a string, in order. An alliance gives its four parties. */
export function partyMentions(s: string, offset = 0): PartyMention[] {
  const out: PartyMention[] = [];
  for (const m of s.matchAll(mentionPattern)) {
    const g = m.groups ?? {};
    const index = offset + m.index;
    if (g.alliance) {
      for (const party of allianceParties) out.push({ party, index, text: m[0], via: "alliance" });
    } else if (g.code) {
      const party = partyFromCode(g.code.slice(1, -1));
      if (party) out.push({ party, index, text: m[0], via: "code" });
    } else if (g.prefix) {
      const party = partyFromCode(g.prefix.slice(0, -1));
      if (party) out.push({ party, index, text: m[0], via: "code" });
    } else if (g.name) {
      const party = partyFromName(g.name.replace(/\s+de gröna$/, ""));
      if (party) out.push({ party, index, text: m[0], via: "name" });
    }
  }
  return out;
}

export interface PartiesResult {
  value: string[];
  confidence: number;
  evidence: string;
}

/** The document's parties, by first appearance in the text. */
export function inferParties(doc: Doc, sig: SignatureBlock, titleIndex: number): PartiesResult {
  const mentions: PartyMention[] = [];
  for (const l of doc.content) mentions.push(...partyMentions(l.text, l.start));
  const firstSeen = new Map<string, number>();
  for (const m of mentions) if (!firstSeen.has(m.party)) firstSeen.set(m.party, m.index);
  const byAppearance = (a: string, b: string) =>
    (firstSeen.get(a) ?? Infinity) - (firstSeen.get(b) ?? Infinity) || allianceOrder(a) - allianceOrder(b);

  const sigStartOffset = doc.lines[sig.start]?.start ?? Infinity;
  const authorParties = new Set(sig.authors.map((a) => a.party).filter((p): p is string => !!p));
  const topRank = Math.max(5, titleIndex >= 0 ? contentRank(doc, titleIndex) + 3 : 5);
  const topEnd = doc.content[topRank]?.start ?? Infinity;
  const alliance = mentions.filter((m) => m.via === "alliance" && (m.index < topEnd || m.index >= sigStartOffset));
  // Parties written in the signature block without a signer ("För Vänsterpartiet").
  const blockParties = mentions.filter((m) => m.index >= sigStartOffset && m.via !== "alliance").map((m) => m.party);

  if (authorParties.size > 0 || blockParties.length > 0) {
    const set = new Set<string>([...authorParties, ...blockParties]);
    if (alliance.length > 0) for (const p of allianceParties) set.add(p);
    const value = [...set].sort(byAppearance);
    const counts = sig.authors.filter((a) => a.party).map((a) => `(${a.party})`);
    const parts = [
      counts.length
        ? `undertecknat ${summarizeCounts(counts)}`
        : `underskriften nämner ${[...new Set(blockParties)].join(", ")}`,
    ];
    if (alliance.length > 0) parts.push(`${quote(alliance[0]!.text, 30)} = ${allianceParties.join(", ")}`);
    return { value, confidence: conf(authorParties.size > 0 ? 0.92 : 0.75), evidence: clip(parts.join("; "), 120) };
  }

  // No signer's party: the parties the text names prominently (title, lead) or often.
  const score = new Map<string, number>();
  const why = new Map<string, string>();
  for (const m of mentions) {
    const prominent = m.index < topEnd;
    score.set(m.party, (score.get(m.party) ?? 0) + (prominent ? 3 : 1));
    if (!why.has(m.party) || prominent) why.set(m.party, m.text);
  }
  const value = [...score.entries()]
    .filter(([, s]) => s >= 2)
    .map(([p]) => p)
    .sort(byAppearance);
  if (value.length === 0) {
    return {
      value: [],
      confidence: mentions.length ? 0.3 : 0.6,
      evidence: mentions.length ? "partier bara nämnda i förbigående" : "inget parti nämnt",
    };
  }
  const best = Math.max(...value.map((p) => score.get(p) ?? 0));
  const evidence = value.map((p) => `${p} ${quote(why.get(p) ?? "", 25)}`).join(", ");
  return { value, confidence: conf(best >= 3 ? 0.7 : 0.5), evidence: clip(`nämnda i texten: ${evidence}`, 120) };
}

function allianceOrder(p: string): number {
  const i = (allianceParties as readonly string[]).indexOf(p);
  return i < 0 ? 99 : i;
}

function summarizeCounts(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].map(([x, n]) => (n > 1 ? `${x} ×${n}` : x)).join(", ");
}
