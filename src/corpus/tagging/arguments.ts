/**
 * Arguments, cue-based and with low confidence: sentences of the main text that carry an
 * argument type's cues (the vocabulary declares the types; their Swedish cues live here,
 * compared after stemming like the topic cues). The claim is the sentence itself (at most
 * 300 characters), the stance "for"; a person is to restate them in their own words.
 */
import type { ArgumentTypeId } from "../../domain/vocabulary.js";
import type { Doc } from "./text-layout.js";
import { CueMatcher } from "./topics.js";
import type { Cue } from "./topics.js";
import { sentences } from "../../lang/sentences.js";
import { tokenize } from "../../lang/tokenize.js";
import { clip, conf } from "./text.js";

/** Swedish cues per argument type: [phrase, weight]; a sentence needs weight 1 for a type. */
const argumentCues: Record<ArgumentTypeId, ReadonlyArray<readonly [string, number]>> = {
  "demand-reduction": [
    ["efterfrågan", 1],
    ["minska efterfrågan", 1],
    ["sexköpare", 0.6],
    ["köpare", 0.5],
    ["köper sex", 0.6],
    ["köpa sex", 0.6],
    ["KAST", 0.5],
    ["komma åt", 0.4],
    ["avskräcka", 0.8],
  ],
  "victim-support": [
    ["stödinsatser", 0.8],
    ["stöd", 0.5],
    ["hjälp", 0.5],
    ["utsatta", 0.5],
    ["ta sig ur", 1],
    ["komma ur", 1],
    ["lämna prostitutionen", 1],
    ["trauma", 0.5],
    ["skyddat boende", 1],
    ["behandling", 0.5],
    ["offer", 0.5],
  ],
  "cross-border-support": [
    ["kommungränsen", 1],
    ["kommungränser", 1],
    ["gränser", 0.6],
    ["länsövergripande", 1],
    ["andra kommuner", 0.6],
    ["över kommungränsen", 1],
    ["hänvisa", 0.5],
    ["ansluta", 0.4],
    ["regionalt", 0.5],
  ],
  "specialist-competence": [
    ["spetskompetens", 1],
    ["specialistkompetens", 1],
    ["specialistmottagning", 1],
    ["expertis", 1],
    ["kompetens", 0.6],
    ["kunskap", 0.5],
    ["fortbildning", 0.6],
    ["utbildning", 0.5],
    ["personalutbildning", 0.8],
  ],
  cost: [
    ["kostnad", 0.7],
    ["kostar", 0.7],
    ["billig", 0.8],
    ["kronor", 0.6],
    ["pris", 0.5],
    ["ekonomiskt", 0.5],
    ["samhällsekonomisk", 1],
    ["blygsam", 0.6],
    ["årsarbetare", 0.6],
  ],
  funding: [
    ["finansiering", 1],
    ["långsiktig finansiering", 1],
    ["budget", 0.8],
    ["anslag", 0.8],
    ["medel", 0.6],
    ["resurser", 0.6],
    ["bidrag", 0.6],
    ["finansiera", 1],
    ["befintlig ram", 1],
  ],
  "organised-crime": [
    ["organiserad brottslighet", 1],
    ["organiserade brottslighetens", 1],
    ["kriminella nätverk", 1],
    ["människohandel", 0.7],
    ["trafficking", 0.7],
    ["hallick", 1],
    ["koppleri", 1],
    ["bordell", 0.6],
    ["lägenhetsbordell", 1],
  ],
  "law-enforcement": [
    ["polis", 0.5],
    ["polisen", 0.5],
    ["lagföra", 1],
    ["lagföras", 1],
    ["åtal", 0.8],
    ["böter", 0.7],
    ["straff", 0.7],
    ["straffvärde", 1],
    ["rättegång", 0.8],
    ["lagstiftning", 0.7],
    ["tillslag", 0.8],
    ["brott", 0.5],
    ["bötesbrott", 1],
    ["sexköpslagen", 1],
  ],
  coordination: [
    ["samverkan", 1],
    ["samverka", 1],
    ["samordna", 1],
    ["samordning", 1],
    ["samarbete", 0.8],
    ["nätverk", 0.5],
    ["tillsammans med", 0.6],
    ["helhetsgrepp", 0.8],
    ["drar åt samma håll", 1],
    ["aktörer", 0.5],
  ],
  "local-evidence": [
    ["kartläggning", 1],
    ["kartläggningar", 1],
    ["annonsering", 0.8],
    ["annonser", 0.7],
    ["påträffades", 1],
    ["förekommer", 0.6],
    ["existerar", 0.6],
    ["har fått fäste", 1],
    ["inte förskonad", 1],
    ["inte fredat", 1],
    ["granskning", 0.6],
    ["undersökning", 0.6],
    ["procent", 0.4],
  ],
  "gender-equality": [
    ["jämställdhet", 1],
    ["våld mot kvinnor", 1],
    ["mäns våld", 1],
    ["sexualiserade våldet", 1],
    ["sexualiserat våld", 1],
    ["egen kropp", 1],
    ["kroppen", 0.5],
    ["handelsvara", 1],
    ["kvinnor", 0.4],
    ["flickor", 0.4],
    ["övergrepp", 0.6],
  ],
  prevention: [
    ["förebygga", 1],
    ["förebyggande", 1],
    ["förhindra", 0.8],
    ["motverka", 0.6],
    ["unga", 0.4],
    ["skolan", 0.5],
    ["tidiga signaler", 1],
    ["i tid", 0.6],
    ["uppsökande", 0.7],
  ],
  accountability: [
    ["beslutat", 0.7],
    ["beslutade", 0.7],
    ["uppföljning", 1],
    ["följa upp", 1],
    ["genomförts", 0.8],
    ["avbryta", 0.8],
    ["löfte", 0.6],
    ["lovat", 0.7],
    ["verkställa", 1],
    ["uppdrag", 0.5],
    ["fortgå", 0.6],
    ["inte längre finns", 1],
  ],
};

const cues: Cue[] = Object.entries(argumentCues).flatMap(([id, list]) =>
  list.map(([phrase, weight]) => ({ id, phrase, weight })),
);
const matcher = new CueMatcher(cues);

export interface ArgumentGuess {
  claim: string;
  stance: "for" | "against";
  type: ArgumentTypeId;
}

export interface ArgumentsResult {
  value: ArgumentGuess[];
  confidence: number;
  evidence: string;
}

/** Sentences of the main text that carry an argument type's cues, at most two per type. */
export function inferArguments(
  doc: Doc,
  titleIndex: number,
  signatureStart: number,
  maxArguments = 10,
): ArgumentsResult {
  type Scored = { order: number; claim: string; type: ArgumentTypeId; score: number; words: string[] };
  const scored: Scored[] = [];
  let order = 0;
  for (const p of doc.paragraphs) {
    const first = p.lines[0]!;
    if (first.index <= titleIndex || first.index >= signatureStart || first.heading > 0) continue;
    for (const s of sentences(p.text)) {
      order++;
      if (s.length < 40 || /\?$/.test(s)) continue;
      const hits = matcher.match(tokenize(s));
      if (hits.length === 0) continue;
      const byType = new Map<string, { score: number; words: string[] }>();
      for (const h of hits) {
        const cur = byType.get(h.id) ?? { score: 0, words: [] };
        cur.score += h.weight;
        cur.words.push(h.text.toLowerCase());
        byType.set(h.id, cur);
      }
      const best = [...byType.entries()].sort((a, b) => b[1].score - a[1].score)[0]!;
      if (best[1].score < 1) continue;
      scored.push({
        order,
        claim: clip(s, 300),
        type: best[0] as ArgumentTypeId,
        score: best[1].score,
        words: [...new Set(best[1].words)],
      });
    }
  }
  const perType = new Map<string, Scored[]>();
  for (const s of [...scored].sort((a, b) => b.score - a.score)) {
    const list = perType.get(s.type) ?? [];
    if (list.length < 2) list.push(s);
    perType.set(s.type, list);
  }
  const kept = [...perType.values()]
    .flat()
    .sort((a, b) => b.score - a.score)
    .slice(0, maxArguments)
    .sort((a, b) => a.order - b.order);
  if (kept.length === 0) return { value: [], confidence: 0.2, evidence: "inga meningar med argumentord" };
  const types = [...new Set(kept.map((k) => k.type))];
  const example = kept[0]!;
  return {
    value: kept.map((k) => ({ claim: k.claim, stance: "for", type: k.type })),
    confidence: conf(Math.min(0.4, 0.2 + 0.02 * kept.length)),
    evidence: clip(
      `nyckelord i ${kept.length} meningar (${types.length} typer), ` +
        `t.ex. ${example.type}: ${example.words.slice(0, 3).join(", ")}`,
      120,
    ),
  };
}
