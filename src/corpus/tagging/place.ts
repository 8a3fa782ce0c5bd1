/**
 * The municipality a text is about, and its county. Every mention of one of the 290
 * municipalities counts ("Umeå kommun", "Lidingös", "Göteborgs Stad", "i Göteborg",
 * "Karlstad 2019-10-16", "Norrköpings kommunfullmäktige"), weighed by its form (official and
 * self names, "kommunfullmäktige i X", a dateline's place weigh most; "Stockholms län" and
 * "Region Stockholm" are the county, not the municipality), by where it stands (title, lead,
 * signature block), and summed; a place named in passing ("Trollhättan och Åmål") loses to the
 * one the text keeps coming back to. Names are matched as whole, capitalised words, so "vara"
 * the verb is never Vara; names that are also words or people's names count little where they
 * could be those.
 */
import type { County, Place } from "../../domain/municipality.js";
import { allMunicipalities, countyByCode } from "../../data/places.js";
import { counties } from "../../data/municipalities.js";
import { genitive } from "../../lang/genitive.js";
import type { Doc, Line } from "./text-layout.js";
import { contentRank } from "./text-layout.js";
import { datelinePlace } from "./dates.js";
import type { SignatureBlock } from "./signatures.js";
import { tokenize, type Token } from "../../lang/tokenize.js";
import { clip, conf, quote } from "./text.js";

export interface PlaceRef {
  code: string;
  name: string;
}

export interface PlaceResult {
  municipality: { value: PlaceRef | null; confidence: number; evidence: string };
  county: { value: PlaceRef | null; confidence: number; evidence: string };
  /** The county named as such ("Stockholms län", "Region Skåne"), for texts above the municipality. */
  namedCounty: { value: PlaceRef | null; confidence: number; evidence: string };
  /** Score per municipality name, highest first: why the choice was made. */
  scores: { name: string; score: number; mentions: number }[];
}

export interface PlaceContext {
  /** Line index of the title, -1 when none. */
  titleIndex: number;
  /** Content rank where the lead (the first paragraph after the title) ends. */
  leadEndRank: number;
  signature: Pick<SignatureBlock, "start" | "end" | "dateline">;
}

/** Municipality names that are also Swedish words: capitalised at the start of a sentence they may be the word. */
const wordLikeNames = new Set([
  "Vara",
  "Sala",
  "Nora",
  "Mark",
  "Kil",
  "Berg",
  "Boden",
  "Skara",
  "Lund",
  "Säter",
  "Trosa",
  "Ale",
  "Mora",
  "Eda",
  "Orsa",
  "Salem",
  "Hjo",
  "Tanum",
  "Bjuv",
  "Heby",
  "Habo",
  "Gnosjö",
  "Ljusnarsberg",
  "Ydre",
  "Kinda",
  "Hylte",
  "Osby",
  "Lomma",
  "Sunne",
  "Åre",
  "Malå",
  "Ånge",
  "Laxå",
  "Grums",
  "Tibro",
  "Flen",
]);
/** Municipality names that are also surnames: "Anna Berg", "Lars Lund". */
const surnameNames = new Set([
  "Berg",
  "Lund",
  "Norberg",
  "Boden",
  "Mora",
  "Sala",
  "Hjo",
  "Tranås",
  "Ljungby",
  "Kumla",
  "Säter",
  "Heby",
  "Ale",
  "Lindesberg",
  "Falkenberg",
  "Tidaholm",
  "Degerfors",
  "Hagfors",
  "Storfors",
  "Munkfors",
  "Kramfors",
  "Bengtsfors",
  "Forshaga",
  "Ystad",
  "Borås",
  "Osby",
  "Vara",
]);
/** Municipality names that are also first names: "Mark Andersson", "Nora Svensson". */
const firstNameNames = new Set(["Mark", "Nora", "Dorotea", "Vilhelmina", "Salem", "Kinda", "Eda", "Orsa", "Mora"]);

interface NameForm {
  place: Place;
  /** The words of the form, as written ("Upplands", "Väsby"). */
  words: string[];
  genitive: boolean;
  /** "Falu": counts only before "kommun". */
  needsKommun: boolean;
}

/** Forms keyed by their first word, as written and in capitals. */
const formsByFirstWord = new Map<string, NameForm[]>();
function addForm(form: NameForm) {
  for (const variant of [form.words, form.words.map((w) => w.toUpperCase())]) {
    const f = { ...form, words: variant };
    const key = variant[0]!;
    const list = formsByFirstWord.get(key) ?? [];
    list.push(f);
    formsByFirstWord.set(key, list);
  }
}
for (const place of allMunicipalities()) {
  const words = place.name.split(/[\s-]+/);
  addForm({ place, words, genitive: false, needsKommun: false });
  const g = genitive(place.name);
  if (g !== place.name) addForm({ place, words: g.split(/[\s-]+/), genitive: true, needsKommun: false });
  const official = place.officialName.replace(/ kommun$/, "");
  if (official !== place.name && official !== g)
    addForm({ place, words: official.split(/[\s-]+/), genitive: true, needsKommun: true });
}
for (const list of formsByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

interface Mention {
  place: Place;
  weight: number;
  line: Line;
  why: string;
  text: string;
  start: number;
  end: number;
}

const kommunWords = /^(kommun|kommuns|kommunen|stad|Stad|stads|Stads|STAD|KOMMUN)$/;
const councilWords = new RegExp(
  [
    "^(kommunfullmäktige|kommunfullmäktiges|kommunstyrelse|kommunstyrelsen|kommunstyrelsens|",
    "stadsfullmäktige|kommunledning|kommunledningen|kommunalråd|stadshus|stadshuset|kommunhuset)$",
  ].join(""),
);
const councilBefore = new RegExp(
  [
    "^(kommunfullmäktige|kommunstyrelsen|kommunstyrelsens|kommunalråd|kommunalråden|oppositionsråd|",
    "socialnämnden|nämnden|kommunen|staden|ordförande|ledamot|ledamöter|ersättare|gruppledare|",
    "stadsfullmäktige|socialtjänsten|politiker|politiken|fullmäktige)$",
  ].join(""),
  "i",
);
const prepositions = /^(i|I|på|På)$/;
const weakPrepositions = /^(för|från|till|inom|av|om|mot|vid|utanför|runt|kring|För|Från|Till|Inom)$/;

function between(line: string, a: Token | undefined, b: Token): string {
  return a ? line.slice(a.end, b.start) : line.slice(0, b.start);
}

/** Reads the mentions of municipalities in one line. */
function lineMentions(line: Line, base: (m: Mention) => number): Mention[] {
  const text = line.text;
  const tokens = tokenize(text);
  const out: Mention[] = [];
  const dateline = /\d/.test(text) ? datelinePlace(text) : undefined;
  for (let i = 0; i < tokens.length; i++) {
    const forms = formsByFirstWord.get(tokens[i]!.word);
    if (!forms) continue;
    let matched: NameForm | undefined;
    for (const f of forms) {
      let ok = true;
      for (let k = 1; k < f.words.length; k++) {
        const t = tokens[i + k];
        if (!t || t.word !== f.words[k] || !/^[\s-]$/.test(text.slice(tokens[i + k - 1]!.end, t.start))) {
          ok = false;
          break;
        }
      }
      if (ok) {
        matched = f;
        break;
      }
    }
    if (!matched) continue;
    const first = tokens[i]!;
    const lastIdx = i + matched.words.length - 1;
    const last = tokens[lastIdx]!;
    const name = matched.place.name;
    const prev1 = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next1 = tokens[lastIdx + 1];
    const sepBefore = between(text, prev1, first);
    const sepAfter = next1 ? text.slice(last.end, next1.start) : text.slice(last.end);
    const next1Word = next1 && /^\s+$/.test(sepAfter) ? next1.word : "";
    const prev1Word = prev1 && /^\s+$/.test(sepBefore) ? prev1.word : "";
    const prev2Word = prev2 && prev1 && /^\s+$/.test(between(text, prev2, prev1)) ? prev2.word : "";
    if (matched.needsKommun && !/^kommuns?$/.test(next1Word)) continue;
    // Compounds: "Göteborgs-Posten", "KAST-Lidingö", "opinionHelsingborg" never reach here (no word boundary).
    const compound = /^-\p{L}/u.test(text.slice(last.end, last.end + 2)) && matched.words.length === 1;
    const sentenceStart =
      i === 0
        ? /^[\s\-–—•*"”“'’(]*$/.test(sepBefore)
        : /[.!?:]["”’)]*\s+["”“'’(–-]*\s*$/.test(text.slice(Math.max(0, first.start - 12), first.start));
    const wordLike = wordLikeNames.has(name);

    let weight = 1;
    let why = matched.genitive ? "genitiv" : "namnet";
    if (kommunWords.test(next1Word)) [weight, why] = [3, `”${matched.words.join(" ")} ${next1Word}”`];
    else if (councilWords.test(next1Word)) [weight, why] = [3, `”${matched.words.join(" ")} ${next1Word}”`];
    else if (/^läns?$|^läns\p{L}+/u.test(next1Word) || /^län/u.test(next1Word)) [weight, why] = [0.1, "länet"];
    else if (/^(Region|region|REGION)$/.test(prev1Word))
      [weight, why] = name === "Gotland" ? [3, "”Region Gotland”"] : [0.1, "regionen"];
    else if (prepositions.test(prev1Word) && /^länsstyrelsen$/i.test(prev2Word)) [weight, why] = [0.1, "länsstyrelsen"];
    else if (prepositions.test(prev1Word) && councilBefore.test(prev2Word))
      [weight, why] = [3, `”${prev2Word} ${prev1Word} ${name}”`];
    else if (councilBefore.test(prev1Word)) [weight, why] = [3, `”${prev1Word} ${name}”`];
    else if (prepositions.test(prev1Word)) [weight, why] = [1.5, `”${prev1Word} ${name}”`];
    else if (weakPrepositions.test(prev1Word)) [weight, why] = [1.2, `”${prev1Word} ${name}”`];
    if (dateline !== undefined && i === 0 && dateline.startsWith(first.word)) [weight, why] = [4, "datumraden"];
    if (compound) weight *= 0.3;

    // Names that are also words or people's names.
    const capitalisedBefore =
      prev1Word !== "" &&
      /^\p{Lu}\p{Ll}+$/u.test(prev1Word) &&
      !/^(Region|I|På|För|Från|Till|Inom|Kommun|Stad)$/.test(prev1Word) &&
      !sentenceStart;
    if (surnameNames.has(name) && !matched.genitive && capitalisedBefore) continue;
    if (firstNameNames.has(name) && /^\p{Lu}\p{Ll}+$/u.test(next1Word) && !kommunWords.test(next1Word)) continue;
    if (wordLike && weight <= 1.2) weight *= sentenceStart ? 0.2 : 0.6;
    // Part of a longer proper name ("Sala Borsa", "Mora Träningscenter"): not the municipality.
    if (wordLike && weight < 3 && /^\p{Lu}\p{Ll}+$/u.test(next1Word) && !kommunWords.test(next1Word)) weight *= 0.3;

    // In parentheses or in a list of places: named in passing.
    const before = text.slice(Math.max(0, first.start - 150), first.start);
    if (before.lastIndexOf("(") > before.lastIndexOf(")")) weight *= 0.5;
    const m: Mention = {
      place: matched.place,
      weight,
      line,
      why,
      text: matched.words.join(" "),
      start: first.start,
      end: last.end,
    };
    out.push(m);
    i = lastIdx;
  }
  // Lists: "Trollhättan och Åmål", "Malmö, Lund och Ystad".
  for (let k = 0; k < out.length - 1; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    const gap = text.slice(a.end, b.start);
    if (/^\s*(,|och|eller|samt|\/|–|-)\s*$/.test(gap)) {
      a.weight *= 0.5;
      b.weight *= 0.5;
      a.why = b.why = "i en uppräkning";
    }
  }
  for (const m of out) m.weight *= base(m);
  return out;
}

const regionNames: Record<string, string> = { Sörmland: "04", "Jämtland Härjedalen": "23", "Jämtlands län": "23" };
for (const c of counties) regionNames[c.shortName] = c.code;
const countyAlternation = Object.keys(regionNames)
  .flatMap((n) => [n, genitive(n)])
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/ /g, "\\s"))
  .join("|");
const countyPatterns: ReadonlyArray<readonly [RegExp, number, string]> = [
  [new RegExp(`\\b[Rr]egion\\s(${countyAlternation})(?:\\slän)?(?![\\p{L}])`, "gu"), 3, "Region"],
  [new RegExp(`(?<![\\p{L}])(${countyAlternation})\\s(?:län|läns)(?![\\p{L}])`, "gu"), 3, "län"],
  [/(?<![\p{L}])(Västra Götaland)sregionen/gu, 3, "regionen"],
  [new RegExp(`[Ll]änsstyrelsen\\si\\s(${countyAlternation})(?![\\p{L}])`, "gu"), 2, "länsstyrelsen"],
  [
    new RegExp(
      [
        String.raw`(?<![\p{L}])(Skåne|Halland|Blekinge|Värmland|Dalarna|Norrbotten|Västerbotten|Jämtland|`,
        "Västernorrland|Gävleborg|Östergötland|Södermanland|Sörmland|Västmanland|Kronoberg|",
        String.raw`Gotland)(?![\p{L}])`,
      ].join(""),
      "gu",
    ),
    1,
    "landskapet",
  ],
];

function countyOf(name: string): County | undefined {
  const bare = name.replace(/\s+/g, " ");
  const code = regionNames[bare] ?? regionNames[bare.replace(/s$/, "")];
  return code ? countyByCode(code) : undefined;
}

/** The municipality and county the text is about. */
export function inferPlace(doc: Doc, ctx: PlaceContext): PlaceResult {
  const titleRank = ctx.titleIndex >= 0 ? contentRank(doc, ctx.titleIndex) : -1;
  const sig = ctx.signature;
  const base = (m: Mention): number => {
    const rank = contentRank(doc, m.line.index);
    if (m.line.index === ctx.titleIndex) return 3;
    if (m.line.index >= sig.start && m.line.index < sig.end) return 1.5;
    if (rank < Math.max(ctx.leadEndRank, titleRank + 2, 3)) return 2;
    return 1;
  };
  const mentions: Mention[] = [];
  for (const line of doc.content) mentions.push(...lineMentions(line, base));
  const byPlace = new Map<string, { place: Place; score: number; count: number; best: Mention; title: boolean }>();
  for (const m of mentions) {
    const cur = byPlace.get(m.place.code);
    const title = m.line.index === ctx.titleIndex;
    if (!cur) byPlace.set(m.place.code, { place: m.place, score: m.weight, count: 1, best: m, title });
    else {
      cur.score += m.weight;
      cur.count++;
      if (m.weight > cur.best.weight) cur.best = m;
      cur.title ||= title;
    }
  }
  const ranked = [...byPlace.values()].sort((a, b) => b.score - a.score);
  const scores = ranked.map((r) => ({ name: r.place.name, score: Math.round(r.score * 100) / 100, mentions: r.count }));

  // Counties named as such: "Stockholms län", "Region Skåne", "Västra Götalandsregionen".
  const countyScores = new Map<string, { county: County; score: number; text: string }>();
  for (const line of doc.content) {
    const f = line.index === ctx.titleIndex ? 3 : contentRank(doc, line.index) < 5 ? 2 : 1;
    for (const [pattern, weight] of countyPatterns) {
      for (const m of line.text.matchAll(pattern)) {
        const c = countyOf(m[1]!);
        if (!c) continue;
        const cur = countyScores.get(c.code) ?? { county: c, score: 0, text: m[0] };
        cur.score += weight * f;
        countyScores.set(c.code, cur);
      }
    }
  }
  const topCounty = [...countyScores.values()].sort((a, b) => b.score - a.score)[0];

  const namedCounty: PlaceResult["namedCounty"] = topCounty
    ? {
        value: { code: topCounty.county.code, name: topCounty.county.name },
        confidence: conf(1 - Math.exp(-topCounty.score / 3)),
        evidence: clip(`${quote(topCounty.text, 40)} nämns`, 120),
      }
    : { value: null, confidence: 0.5, evidence: "inget län nämnt" };

  const top = ranked[0];
  const second = ranked[1]?.score ?? 0;
  if (!top || top.score < 1) {
    const municipality = {
      value: null,
      confidence: conf(top ? 0.5 : 0.7),
      evidence: top ? `bara svaga omnämnanden (${quote(top.best.text, 30)})` : "ingen kommun nämnd",
    };
    return { municipality, county: namedCounty, namedCounty, scores };
  }
  const strength = 1 - Math.exp(-top.score / 4);
  const share = top.score / (top.score + second);
  const confidence = strength * (0.3 + 0.7 * Math.max(0, 2 * share - 1) ** 0.7);
  const parts = [top.best.why, ...(top.title ? ["nämns i rubriken"] : []), `${top.count} omnämnanden`];
  if (ranked[1]) parts.push(`före ${ranked[1].place.name} (${ranked[1].count})`);
  const county = top.place.county;
  return {
    municipality: {
      value: { code: top.place.code, name: top.place.name },
      confidence: conf(confidence),
      evidence: clip(parts.join("; "), 120),
    },
    county: {
      value: { code: county.code, name: county.name },
      confidence: conf(Math.max(confidence, topCounty?.county.code === county.code ? 0.9 : 0)),
      evidence: clip(`kommunen ${top.place.name} ligger i ${county.name}`, 120),
    },
    namedCounty,
    scores,
  };
}
