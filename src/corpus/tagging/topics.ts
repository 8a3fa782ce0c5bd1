/**
 * Topics from the vocabulary's Swedish cues, compared after stemming: "sexköparen",
 * "sexköpare" and "sexköparna" all meet the cue "sexköpare"; multi-word cues ("köp av sexuell
 * tjänst") match stemmed word sequences; long cues also match inside compounds
 * ("sexköpslagen", "gatuprostitution"). Cues with capitals are names ("KAST", "Mika") and
 * match only capitalised words. A topic needs two hits (more in long texts) or one in the
 * title; its confidence grows with the hits.
 */
import { topics } from "../../domain/vocabulary.js";
import type { TopicId } from "../../domain/vocabulary.js";
import type { Doc } from "./text-layout.js";
import { stem, type StemOptions } from "../../lang/stem.js";
import { tokenize, type Token } from "../../lang/tokenize.js";
import { clip, conf } from "./text.js";

/**
 * Cues are written in base form ("stöd", "människohandel"); the tagger's stems also reduce
 * definite forms ("stödet", "människohandeln") so texts meet them. Search stems without this.
 */
export const cueStemOptions: StemOptions = { definiteForms: true };

export interface Cue {
  /** What the hits count for: a topic id, an argument type id. */
  id: string;
  phrase: string;
  weight: number;
}

interface CompiledCue extends Cue {
  stems: string[];
  /** The first word as written, lower case (tells colliding cues apart: "köpare" / "köp"). */
  rawFirst: string;
  /** "all": the word must be in capitals ("KAST"); "initial": capitalised ("Mika"); "none". */
  caps: "all" | "initial" | "none";
  /** Single long words also match inside compounds. */
  compound: boolean;
}

export interface CueHit {
  id: string;
  phrase: string;
  weight: number;
  /** Index of the first token matched. */
  at: number;
  /** The words matched, as written. */
  text: string;
}

/** Matches a set of cues against tokenised text, after Swedish stemming. */
export class CueMatcher {
  private readonly byFirstStem = new Map<string, CompiledCue[]>();
  private readonly compounds: CompiledCue[] = [];

  constructor(cues: readonly Cue[]) {
    const compiled = cues.map((c): CompiledCue => {
      const words = tokenize(c.phrase).map((t) => t.word);
      const first = words[0] ?? "";
      const caps =
        words.length === 1 && first.length > 1 && first === first.toUpperCase()
          ? "all"
          : /^\p{Lu}/u.test(first)
            ? "initial"
            : "none";
      const stems = words.map((w) => stem(w, cueStemOptions));
      return {
        ...c,
        stems,
        rawFirst: first.toLowerCase(),
        caps,
        compound: words.length === 1 && caps === "none" && stems[0]!.length >= 6,
      };
    });
    for (const c of compiled) {
      const key = c.stems[0]!;
      const list = this.byFirstStem.get(key) ?? [];
      list.push(c);
      this.byFirstStem.set(key, list);
      if (c.compound) this.compounds.push(c);
    }
    for (const list of this.byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  private readonly compoundCache = new Map<string, CompiledCue[]>();

  /** Long single-word cues found inside a compound's stem ("sexköpslag" holds "sexköp"). */
  private compoundsOf(s: string): CompiledCue[] {
    let found = this.compoundCache.get(s);
    if (!found) {
      found = this.compounds.filter((c) => s !== c.stems[0] && (s.startsWith(c.stems[0]!) || s.endsWith(c.stems[0]!)));
      if (this.compoundCache.size > 50_000) this.compoundCache.clear();
      this.compoundCache.set(s, found);
    }
    return found;
  }

  /** Every cue hit in a token sequence; one hit per id and position, the longest cue first. */
  match(tokens: readonly Token[]): CueHit[] {
    const stems = tokens.map((t) => stem(t.word, cueStemOptions));
    const hits: CueHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]!.word;
      const exact = this.byFirstStem.get(stems[i]!);
      if (!exact && (stems[i]!.length <= 6 || this.compoundsOf(stems[i]!).length === 0)) continue;
      const seen = new Set<string>();
      // Cues from different ids with the same stems ("köpare av sexuella tjänster", "köp av sexuell tjänst"):
      // the one whose first word is written most like the text's wins.
      const candidates: CompiledCue[] = [];
      for (const c of exact ?? []) {
        if (c.caps === "all" && word !== word.toUpperCase()) continue;
        if (c.caps === "initial" && !/^\p{Lu}/u.test(word)) continue;
        let ok = true;
        for (let k = 1; k < c.stems.length; k++) {
          if (stems[i + k] !== c.stems[k]) {
            ok = false;
            break;
          }
        }
        if (ok) candidates.push(c);
      }
      const chosen = pickAmongColliding(candidates, word.toLowerCase());
      for (const c of chosen) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        hits.push({
          id: c.id,
          phrase: c.phrase,
          weight: c.weight,
          at: i,
          text: tokens
            .slice(i, i + c.stems.length)
            .map((t) => t.word)
            .join(" "),
        });
      }
      const s = stems[i]!;
      if (s.length > 6) {
        for (const c of this.compoundsOf(s)) {
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          hits.push({ id: c.id, phrase: c.phrase, weight: c.weight, at: i, text: word });
        }
      }
    }
    return hits;
  }
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function pickAmongColliding(cues: CompiledCue[], word: string): CompiledCue[] {
  if (cues.length < 2) return cues;
  const out: CompiledCue[] = [];
  const groups = new Map<string, CompiledCue[]>();
  for (const c of cues) {
    const key = c.stems.join(" ");
    const g = groups.get(key) ?? [];
    g.push(c);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    if (new Set(g.map((c) => c.id)).size < 2) {
      out.push(...g);
      continue;
    }
    const closeness = (c: CompiledCue) => {
      const p = commonPrefix(c.rawFirst, word);
      return p * 10 - Math.abs(c.rawFirst.length - p);
    };
    const best = Math.max(...g.map(closeness));
    out.push(...g.filter((c) => closeness(c) === best));
  }
  return out;
}

const topicMatcher = new CueMatcher(topics.flatMap((t) => t.cues.map((phrase) => ({ id: t.id, phrase, weight: 1 }))));

export interface TopicsResult {
  value: TopicId[];
  confidence: number;
  evidence: string;
  /** Per topic: hits in the text, hits in the title, the words that matched. */
  details: { id: TopicId; hits: number; titleHits: number; confidence: number; words: string[] }[];
}

/** The topics of a text: its main text and its title. */
export function inferTopics(doc: Doc, title: string, signatureStart: number): TopicsResult {
  const bodyTokens: Token[] = [];
  const hits: CueHit[] = [];
  for (const line of doc.content) {
    if (line.index >= signatureStart) break;
    const tokens = tokenize(line.text);
    bodyTokens.push(...tokens);
    hits.push(...topicMatcher.match(tokens));
  }
  const titleHits = topicMatcher.match(tokenize(title));
  const minHits = Math.max(2, Math.ceil(bodyTokens.length / 1500));
  const details: TopicsResult["details"] = [];
  for (const t of topics) {
    const mine = hits.filter((h) => h.id === t.id);
    const inTitle = titleHits.filter((h) => h.id === t.id).length;
    if (mine.length < minHits && inTitle === 0) continue;
    const words = [...new Set(mine.map((h) => h.text.toLowerCase()))].slice(0, 4);
    details.push({
      id: t.id,
      hits: mine.length,
      titleHits: inTitle,
      confidence: conf(1 - Math.exp(-(mine.length + 3 * inTitle) / 4)),
      words,
    });
  }
  details.sort((a, b) => b.hits + 3 * b.titleHits - (a.hits + 3 * a.titleHits));
  if (details.length === 0)
    return {
      value: [],
      confidence: 0.3,
      evidence: hits.length ? "för få träffar för något ämne" : "inga ämnesord",
      details,
    };
  const confidence = details.reduce((s, d) => s + d.confidence, 0) / details.length;
  const evidence = details.map((d) => `${d.id} ×${d.hits}${d.titleHits ? "+rubrik" : ""}`).join(", ");
  return { value: details.map((d) => d.id), confidence: conf(confidence), evidence: clip(evidence, 120), details };
}
