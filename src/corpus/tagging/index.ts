/**
 * The auto-tagger used when a user imports a document: from the plain text of a motion,
 * interpellation, question, op-ed or press release, its kind, level, municipality and county,
 * parties, authors, addressee, date, title, lead, att-satser, questions, topics and
 * (cue-based) arguments, each with a confidence (0–1) and the evidence in a few words.
 * Pure and fast: no I/O, a single pass per inferrer over the text.
 */
import type { CorpusKind } from "../../domain/corpus-document.js";
import type { PartialDate } from "../../domain/partial-date.js";
import type { ArgumentTypeId, TopicId } from "../../domain/vocabulary.js";
import { inferAddressee } from "./addressee.js";
import { inferArguments } from "./arguments.js";
import { inferDate } from "./dates.js";
import { inferKind, inferLevel } from "./kind.js";
import { layout } from "./text-layout.js";
import { inferProposals, inferQuestions } from "./lists.js";
import { inferParties } from "./parties.js";
import { inferPlace } from "./place.js";
import { readRiksdagHeading, type RiksdagHeading } from "./riksdag-heading.js";
import { findSignatures, quotedSpeakers } from "./signatures.js";
import { clip, conf } from "./text.js";
import { inferSummary, inferTitle } from "./title.js";
import { inferTopics } from "./topics.js";

export interface Inferred<T> {
  value: T;
  /** 0–1: how sure the tagger is. */
  confidence: number;
  /** Why, in a few Swedish words or a quoted snippet (at most 120 characters). */
  evidence: string;
}

export interface TagResult {
  kind: Inferred<CorpusKind>;
  level: Inferred<"kommun" | "region" | "riksdag">;
  municipality: Inferred<{ code: string; name: string } | null>;
  county: Inferred<{ code: string; name: string } | null>;
  parties: Inferred<string[]>;
  authors: Inferred<{ name: string; party?: string; role?: string }[]>;
  addressee: Inferred<string | null>;
  date: Inferred<PartialDate | null>;
  title: Inferred<string>;
  /** Extractive: the lead, one to three sentences of the text itself, at most 600 characters. */
  summary: Inferred<string>;
  /** att-satser. */
  proposals: Inferred<string[]>;
  /** Numbered or bulleted questions ending in "?". */
  questions: Inferred<string[]>;
  topics: Inferred<TopicId[]>;
  /** Cue-based, low confidence: sentences that carry an argument type's cues. */
  arguments: Inferred<{ claim: string; stance: "for" | "against"; type: ArgumentTypeId }[]>;
  /** A Riksdag document's designation ("2007/08:39"), read from its heading. */
  designation: Inferred<string | null>;
}

const inferred = <T>(value: T, confidence: number, evidence: string): Inferred<T> => ({
  value,
  confidence: conf(confidence),
  evidence: clip(evidence, 120),
});

/** Tags one document's plain text. `fileName` is the fallback title and date source. */
export function tagText(text: string, hints?: { fileName?: string }): TagResult {
  const doc = layout(text);
  const sig = findSignatures(doc);
  const title = inferTitle(doc, hints);
  const summary = inferSummary(doc, title.lineIndex, sig.start);
  const proposals = inferProposals(doc, sig.start);
  let questions = inferQuestions(doc, sig.start);
  const kind = inferKind(doc, {
    proposals: proposals.value.length,
    questions: questions.value.length,
    signedWithParty: sig.authors.some((a) => a.party),
  });
  if (questions.value.length === 0 && kind.value === "fråga") questions = inferQuestions(doc, sig.start, kind.value);
  const place = inferPlace(doc, { titleIndex: title.lineIndex, leadEndRank: summary.leadEndRank, signature: sig });
  const found = place.municipality.value;
  const level = inferLevel(doc, kind, {
    found: !!found,
    confidence: place.municipality.confidence,
    ...(found ? { name: found.name } : {}),
  });

  // Above the municipality, the text is about a region or the country: the county only if named.
  let municipality = place.municipality;
  let county = place.county;
  if (level.value !== "kommun") {
    const why = level.value === "riksdag" ? "riksdagsnivå" : "regionnivå";
    municipality = {
      value: null,
      confidence: level.confidence,
      evidence: `${why}${found ? `; ${found.name} nämns` : ""}`,
    };
    county = place.namedCounty.value
      ? place.namedCounty
      : { value: null, confidence: level.value === "riksdag" ? 0.6 : 0.3, evidence: `${why}; inget län nämnt` };
  }

  let authors: Inferred<TagResult["authors"]["value"]> = inferred(sig.authors, sig.confidence || 0.4, sig.evidence);
  if (sig.authors.length === 0 && kind.value === "pressmeddelande") {
    const speakers = quotedSpeakers(doc);
    if (speakers.length > 0)
      authors = inferred(speakers, 0.5, `citerade personer: ${speakers.map((s) => s.name).join(", ")}`);
  }

  const addressee =
    kind.value === "interpellation" || kind.value === "fråga" || kind.value === "annat"
      ? inferAddressee(doc, sig.start)
      : { value: null, confidence: 0.8, evidence: "ingen interpellation eller fråga" };

  const date = inferDate(doc, {
    titleIndex: title.lineIndex,
    signatureStart: sig.dateline >= 0 ? Math.min(sig.dateline, sig.start) : sig.start,
    ...(hints?.fileName ? { fileName: hints.fileName } : {}),
  });
  const parties = inferParties(doc, sig, title.lineIndex);
  const topics = inferTopics(doc, title.value, sig.start);
  const args = inferArguments(doc, title.lineIndex, sig.start);

  const result: TagResult = {
    kind: inferred(kind.value, kind.confidence, kind.evidence),
    level: inferred(level.value, level.confidence, level.evidence),
    municipality: inferred(municipality.value, municipality.confidence, municipality.evidence),
    county: inferred(county.value, county.confidence, county.evidence),
    parties: inferred(parties.value, parties.confidence, parties.evidence),
    authors,
    addressee: inferred(addressee.value, addressee.confidence, addressee.evidence),
    date: inferred(date.value, date.confidence, date.evidence),
    title: inferred(title.value, title.confidence, title.evidence),
    summary: inferred(summary.value, summary.confidence, summary.evidence),
    proposals: inferred(proposals.value, proposals.confidence, proposals.evidence),
    questions: inferred(questions.value, questions.confidence, questions.evidence),
    topics: inferred(topics.value, topics.confidence, topics.evidence),
    arguments: inferred(args.value, args.confidence, args.evidence),
    designation: inferred(null, 0.5, "ingen riksdagsbeteckning i rubriken"),
  };
  const heading = readRiksdagHeading(doc.content.slice(0, 8).map((l) => l.text));
  return heading ? withHeading(result, heading) : result;
}

/** What a Riksdag document's heading states outweighs what the inferrers guessed from the rest of the text. */
function withHeading(r: TagResult, h: RiksdagHeading): TagResult {
  const why = `riksdagsrubrik: ${h.evidence}`;
  const out: TagResult = {
    ...r,
    kind: inferred(h.kind, 0.98, why),
    level: inferred("riksdag", 0.98, why),
    municipality: inferred(null, 0.95, "riksdagsdokument"),
    county: inferred(null, 0.9, "riksdagsdokument"),
    designation: inferred(h.designation, 0.98, why),
  };
  if (h.authors.length > 0) {
    out.authors = inferred(h.authors, 0.9, why);
    const parties = [...new Set(h.authors.map((a) => a.party).filter((p): p is string => !!p))];
    out.parties = inferred(parties, 0.9, why);
  }
  if (h.addressee) out.addressee = inferred(h.addressee, 0.9, why);
  if (h.date) out.date = inferred(h.date, 0.85, why);
  if (h.title) out.title = inferred(clip(h.title, 300), 0.9, why);
  return out;
}

export { layout } from "./text-layout.js";
export type { Doc, Line, Paragraph } from "./text-layout.js";
export { findSignatures, quotedSpeakers, isPersonName } from "./signatures.js";
export type { Author, SignatureBlock } from "./signatures.js";
export { inferKind, inferLevel, riksdagDesignation } from "./kind.js";
export { readRiksdagHeading } from "./riksdag-heading.js";
export type { RiksdagHeading } from "./riksdag-heading.js";
export { inferPlace } from "./place.js";
export { inferParties, partyMentions, partyFromCode, partyFromName } from "./parties.js";
export { inferDate, findDates, datelinePlace } from "./dates.js";
export { inferProposals, inferQuestions } from "./lists.js";
export { inferAddressee } from "./addressee.js";
export { inferTopics, CueMatcher } from "./topics.js";
export { inferArguments } from "./arguments.js";
export { inferTitle, inferSummary } from "./title.js";
