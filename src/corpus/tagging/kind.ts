/**
 * What kind of document it is, and at which level (kommun, region, riksdag), from the text's
 * own markers: "Motion till kommunfullmäktige", "Interpellation till …", "Enkel fråga",
 * "Pressmeddelande", "DEBATT:", "Detta är ett debattinlägg", a Riksdag designation
 * ("2007/08:U211"), "regionfullmäktige". A marker counts more the more explicit it is and the
 * nearer the top it stands; without one the kind is "annat", with low confidence.
 */
import type { CorpusKind } from "../../domain/corpus-document.js";
import type { Doc } from "./text-layout.js";
import { clip, conf, quote } from "./text.js";

export type Level = "kommun" | "region" | "riksdag";

interface Marker {
  kind: CorpusKind;
  /** How explicit the marker is, 0–1, when it stands in the first lines. */
  strength: number;
  pattern: RegExp;
  /** "start": must open the line; "any": anywhere in a line. */
  at: "start" | "any";
  /** Scale by position (markers that only make sense as a heading); else position matters little. */
  positional: boolean;
  level?: Level;
  /** Lower-case strings one of which a line must hold before the pattern is tried (speed). */
  needles?: readonly string[];
}

/** A Riksdag document's designation: "2007/08:U211", "2022/23:So345", "2021/22:3456". */
export const riksdagDesignation = /(?<![\d/])((?:19|20)\d{2}\/\d{2}):([A-ZÅÄÖ][a-zåäö]{0,2})?(\d{1,4})\b/u;

const markers: readonly Marker[] = [
  // Motions
  {
    kind: "motion",
    strength: 0.98,
    pattern: /^motion till (kommun|region|landstings)fullmäktige\b/i,
    at: "start",
    positional: true,
  },
  { kind: "motion", strength: 0.98, pattern: /^(kommun|region)motion\b/i, at: "start", positional: true },
  {
    kind: "motion",
    strength: 0.98,
    pattern: /^(enskild )?motion till riksdagen\b/i,
    at: "start",
    positional: true,
    level: "riksdag",
  },
  { kind: "motion", strength: 0.9, pattern: /^motion\s*(?::|–|-|$)/i, at: "start", positional: true },
  {
    kind: "motion",
    strength: 0.85,
    pattern: /^motion (om|angående|gällande|rörande|för|mot|från|av)\b/i,
    at: "start",
    positional: true,
  },
  { kind: "motion", strength: 0.8, pattern: /^motion\b/i, at: "start", positional: true },
  {
    kind: "motion",
    strength: 0.6,
    pattern: /\bmotion till (kommun|region|landstings)fullmäktige\b/i,
    at: "any",
    needles: ["motion till"],
    positional: false,
  },
  {
    kind: "motion",
    strength: 0.6,
    pattern: /\bmotion till riksdagen\b/i,
    at: "any",
    needles: ["motion till"],
    positional: false,
    level: "riksdag",
  },
  {
    kind: "motion",
    strength: 0.55,
    pattern:
      /\b(föreslår|yrkar) (jag|vi) (att )?(kommun|region|landstings)fullmäktige (beslutar|besluta|ska besluta)\b/i,
    at: "any",
    needles: ["fullmäktige"],
    positional: false,
  },
  {
    kind: "motion",
    strength: 0.5,
    pattern: /\briksdagen ställer sig bakom det som anförs i motionen\b/i,
    at: "any",
    needles: ["riksdagen"],
    positional: false,
    level: "riksdag",
  },
  // Interpellations
  {
    kind: "interpellation",
    strength: 0.98,
    pattern: /^interpellation (till|ställd till)\b/i,
    at: "start",
    positional: true,
  },
  { kind: "interpellation", strength: 0.9, pattern: /^interpellation\s*(?::|–|-|$)/i, at: "start", positional: true },
  { kind: "interpellation", strength: 0.8, pattern: /^interpellation\b/i, at: "start", positional: true },
  {
    kind: "interpellation",
    strength: 0.5,
    pattern: /\b(denna|min|vår) interpellation\b/i,
    at: "any",
    needles: ["interpellation"],
    positional: false,
  },
  // Questions
  { kind: "fråga", strength: 0.95, pattern: /^(enkel|skriftlig|muntlig) fråga\b/i, at: "start", positional: true },
  { kind: "fråga", strength: 0.9, pattern: /^fråga (till|ställd till)\b/i, at: "start", positional: true },
  {
    kind: "fråga",
    strength: 0.6,
    pattern: /\b(enkel|skriftlig) fråga\b/i,
    at: "any",
    needles: ["fråga"],
    positional: false,
  },
  // Press releases
  {
    kind: "pressmeddelande",
    strength: 0.95,
    pattern: /^press(meddelande|meddelanden|release)\b/i,
    at: "start",
    positional: true,
  },
  {
    kind: "pressmeddelande",
    strength: 0.55,
    pattern: /^(press)?kontakt(er|person)?\s*:?\s*$|^presskontakt/i,
    at: "start",
    positional: false,
  },
  {
    kind: "pressmeddelande",
    strength: 0.45,
    pattern: /^för (mer|ytterligare) information,? (kontakta|kontakt)/i,
    at: "start",
    positional: false,
  },
  // Op-eds
  { kind: "debattartikel", strength: 0.9, pattern: /^debatt(?=$|[\s:.–—-]|\d)/i, at: "start", positional: true },
  {
    kind: "debattartikel",
    strength: 0.88,
    pattern: /\bdetta är ett debattinlägg\b|\bskribenterna? svarar för (åsikterna|de åsikter)/i,
    at: "any",
    needles: ["debattinlägg", "skribent"],
    positional: false,
  },
  {
    kind: "debattartikel",
    strength: 0.85,
    pattern: /^(debattartikel|debattinlägg|insändare|replik|slutreplik|gästkrönika)\b/i,
    at: "start",
    positional: true,
  },
  {
    kind: "debattartikel",
    strength: 0.7,
    pattern: /\bdebattartikel\p{L}*|\bdebattinlägg\p{L}*/iu,
    at: "any",
    needles: ["debatt"],
    positional: false,
  },
  {
    kind: "debattartikel",
    strength: 0.5,
    pattern: new RegExp(
      [
        String.raw`\bskriver (artikelförfattarna|debattörerna|skribenterna|insändarskribenten)\b|\b`,
        "skriver [^.]{0,40} i (dagens|",
        String.raw`en debattartikel)\b`,
      ].join(""),
      "i",
    ),
    at: "any",
    needles: ["skriver"],
    positional: false,
  },
  // News
  { kind: "nyhet", strength: 0.45, pattern: /^(publicerad|uppdaterad)\b.{0,40}\d/i, at: "start", positional: false },
  {
    kind: "nyhet",
    strength: 0.45,
    pattern: /\((TT|NTB)\)|\/TT\b|^(nyheter|nyhet|lokala nyheter)$/i,
    at: "any",
    needles: ["tt", "ntb", "nyhet"],
    positional: false,
  },
];

export interface KindResult {
  value: CorpusKind;
  confidence: number;
  evidence: string;
  /** A level the kind's marker gives ("Motion till riksdagen"). */
  level?: Level;
}

/** How much a heading-like marker counts where it stands: the first lines fully, the end least. */
function positionFactor(rank: number, total: number): number {
  if (rank < 4) return 1;
  if (rank < 8) return 0.9;
  if (rank < Math.max(10, total * 0.3)) return 0.7;
  return 0.5;
}

/**
 * The document's kind. `extras` are what the list readers found: att-satser after "föreslår
 * … besluta", questions after "vill jag fråga".
 */
export function inferKind(
  doc: Doc,
  extras: { proposals: number; questions: number; signedWithParty?: boolean } = { proposals: 0, questions: 0 },
): KindResult {
  const best = new Map<CorpusKind, { score: number; count: number; why: string; level?: Level }>();
  const note = (kind: CorpusKind, score: number, why: string, level?: Level) => {
    const cur = best.get(kind);
    if (!cur) best.set(kind, { score, count: 1, why, ...(level ? { level } : {}) });
    else {
      cur.count++;
      if (score > cur.score) Object.assign(cur, { score, why, ...(level ? { level } : {}) });
    }
  };
  // Markers are read in the main text and its heading lines; junk lines still carry "Debatt" etc.
  const lines = doc.lines.filter((l) => l.index < doc.mainEnd && !l.blank);
  const total = doc.content.length;
  let rank = 0;
  for (const line of lines) {
    const r = line.junk ? rank : rank++;
    const t = line.text;
    const lower = t.toLowerCase();
    for (const m of markers) {
      if (m.at === "start" && t.length > 160) continue;
      if (m.needles && !m.needles.some((n) => lower.includes(n))) continue;
      if (!m.pattern.test(t)) continue;
      const f = m.positional ? positionFactor(r, total) : 1;
      note(m.kind, m.strength * f, quote(t, 70), m.level);
    }
    const d = riksdagDesignation.exec(t);
    if (d) {
      const isQuestion = /\b(skriftlig fråga|fråga)\b/i.test(t);
      const isInterpellation = /\binterpellation\b/i.test(t);
      const kind: CorpusKind = isInterpellation ? "interpellation" : isQuestion ? "fråga" : "motion";
      // Motion designations carry committee letters ("U211"); others are numbers, named by the word before them.
      if (d[2] || isInterpellation || isQuestion || /\bmotion\b/i.test(t))
        note(kind, 0.95 * positionFactor(r, total) + 0.02, `riksdagsbeteckning ${quote(d[0])}`, "riksdag");
    }
  }
  if (extras.proposals > 0) note("motion", 0.4, "att-satser efter ”föreslår … besluta”");
  if (extras.questions > 0) note("interpellation", 0.35, "numrerade frågor till en namngiven person");
  // Signed by politicians, with no att-satser or questions and no other marker: most likely an op-ed.
  if (best.size === 0 && extras.signedWithParty)
    note("debattartikel", 0.35, "undertecknad av politiker, inga att-satser eller frågor");
  const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score);
  const top = ranked[0];
  if (!top || top[1].score < 0.35) {
    return { value: "annat", confidence: 0.2, evidence: "ingen markör för dokumenttyp" };
  }
  const [kind, info] = top;
  const second = ranked[1]?.[1].score ?? 0;
  let confidence = Math.min(0.98, info.score + 0.03 * (info.count - 1));
  if (second > 0.5) confidence -= 0.1 * (second / info.score);
  return {
    value: kind,
    confidence: conf(confidence),
    evidence: clip(info.why, 120),
    ...(info.level ? { level: info.level } : {}),
  };
}

export interface LevelResult {
  value: Level;
  confidence: number;
  evidence: string;
}

const levelMarkers: ReadonlyArray<{ level: Level; strength: number; pattern: RegExp; needles: readonly string[] }> = [
  {
    level: "riksdag",
    strength: 0.95,
    pattern: /\bmotion till riksdagen\b|\briksdagen ställer sig bakom\b|\btillkännager (detta )?för regeringen\b/i,
    needles: ["riksdagen", "regeringen"],
  },
  {
    level: "riksdag",
    strength: 0.85,
    pattern: /^(interpellation|(skriftlig )?fråga) (till|ställd till) (statsrådet|statsministern|\p{L}*ministern?)\b/iu,
    needles: ["minist", "statsr"],
  },
  { level: "riksdag", strength: 0.5, pattern: /\briksdagsledamot|\briksdagsledamöter/i, needles: ["riksdagsledam"] },
  {
    level: "region",
    strength: 0.9,
    pattern: /\b(motion|interpellation|fråga) till (region|landstings)fullmäktige\b/i,
    needles: ["fullmäktige"],
  },
  { level: "region", strength: 0.7, pattern: /\b(region|landstings)fullmäktige\b/i, needles: ["fullmäktige"] },
  {
    level: "region",
    strength: 0.5,
    pattern: /\bregionstyrelsen\p{L}*|\blandstingsstyrelsen\p{L}*|\bregionråd\p{L}*|\blandstingsråd\p{L}*/iu,
    needles: ["regionst", "landstingsst", "regionråd", "landstingsråd"],
  },
  {
    level: "region",
    strength: 0.5,
    pattern: /\bRegion \p{Lu}\p{Ll}+|Västra Götalandsregionen\b/u,
    needles: ["region"],
  },
  {
    level: "kommun",
    strength: 0.9,
    pattern: /\b(motion|interpellation|fråga) till (\p{Lu}\p{L}+ )?kommunfullmäktige\b/iu,
    needles: ["fullmäktige"],
  },
  {
    level: "kommun",
    strength: 0.7,
    pattern: /\bkommunfullmäktige\p{L}*|\bkommunstyrelsen\p{L}*|\bkommunalråd\p{L}*|\bstadsfullmäktige\b/iu,
    needles: ["kommunf", "kommunst", "kommunalr", "stadsf"],
  },
  {
    level: "kommun",
    strength: 0.5,
    pattern: new RegExp(
      [
        String.raw`\b(kommun|stad|Stad)\b|\b(social|omsorgs|utbildnings|bildnings|kultur|miljö|bygg|`,
        String.raw`individ- och familje)nämnd\p{L}*`,
      ].join(""),
      "u",
    ),
    needles: ["kommun", "stad", "nämnd"],
  },
];

/**
 * The level: riksdag from a designation or "Motion till riksdagen"; region from
 * "regionfullmäktige", "Region X" near the top; kommun from "kommunfullmäktige" and from a
 * municipality the text is about. Markers in the title and first lines count more.
 */
export function inferLevel(
  doc: Doc,
  kind: KindResult,
  municipality: { found: boolean; confidence: number; name?: string },
): LevelResult {
  const scores = new Map<Level, { score: number; count: number; text: string }>();
  const note = (level: Level, score: number, text: string) => {
    const cur = scores.get(level);
    if (!cur) scores.set(level, { score, count: 1, text });
    else {
      cur.count++;
      if (score > cur.score) Object.assign(cur, { score, text });
    }
  };
  if (kind.level) note(kind.level, 0.97, kind.evidence);
  for (const [rank, line] of doc.content.entries()) {
    const factor = rank < 5 ? 1 : 0.75;
    const lower = line.text.toLowerCase();
    for (const m of levelMarkers) {
      if (!m.needles.some((n) => lower.includes(n))) continue;
      const hit = m.pattern.exec(line.text);
      if (hit)
        note(
          m.level,
          m.strength * factor,
          line.text.slice(Math.max(0, hit.index - 10), hit.index + hit[0].length + 30),
        );
    }
  }
  if (municipality.found)
    note("kommun", 0.5 + 0.4 * municipality.confidence, `handlar om ${municipality.name ?? "en kommun"}`);
  const total = (l: Level) => {
    const s = scores.get(l);
    return s ? Math.min(0.98, s.score + 0.04 * Math.min(5, s.count - 1)) : 0;
  };
  const ranked = (["riksdag", "region", "kommun"] as const)
    .map((l) => [l, total(l)] as const)
    .sort((a, b) => b[1] - a[1]);
  const [level, score] = ranked[0]!;
  if (score === 0) return { value: "kommun", confidence: 0.3, evidence: "ingen markör för nivå; kommun antas" };
  const second = ranked[1]![1];
  // An explicit marker (a designation, "Motion till riksdagen") outweighs the places a text names.
  const confidence = score >= 0.95 ? score - 0.1 * second : score - 0.3 * second * (second / score);
  const text = scores.get(level)!.text;
  return {
    value: level,
    confidence: conf(Math.max(0.25, confidence)),
    evidence: clip(text.startsWith("”") || text.startsWith("handlar") ? text : quote(text, 60), 120),
  };
}
