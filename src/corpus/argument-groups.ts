/**
 * Which corpus documents offer arguments for a text on given topics: those sharing a topic,
 * most shared topics first, then the newest, each with its arguments as a draft request
 * names them ("documentId#n"); and "who argued what" on a topic: its arguments by stance and
 * party, each with its citation.
 */
import type { CorpusDocument } from "../domain/corpus-document.js";
import { parliamentaryParties } from "../domain/signer.js";
import { citationOf } from "./search/citation.js";
import { findTopic } from "../lang/find-topic.js";

export interface ArgumentGroup {
  doc: CorpusDocument;
  citation: string;
  items: { ref: string; claim: string; stance: string; type: string }[];
}

/** The topics (by id) that names or labels stand for; names no topic has are left out. */
export function topicIdsOf(names: readonly string[]): Set<string> {
  return new Set(names.map((x) => findTopic(x)?.id).filter((x): x is NonNullable<typeof x> => !!x));
}

/** How many of `topics` (ids) a document is tagged with. */
export const sharedTopics = (doc: Pick<CorpusDocument, "topics">, topics: ReadonlySet<string>): number =>
  doc.topics.filter((x) => topics.has(x)).length;

/**
 * Documents with arguments sharing a topic with `topicNames` (ids or labels), most shared topics first, then newest,
 * then by id.
 */
export function argumentGroups(topicNames: readonly string[], docs: readonly CorpusDocument[]): ArgumentGroup[] {
  const wanted = topicIdsOf(topicNames);
  return docs
    .map((doc) => ({ doc, overlap: sharedTopics(doc, wanted) }))
    .filter((x) => x.overlap > 0 && x.doc.arguments.length > 0)
    .sort(
      (a, b) =>
        b.overlap - a.overlap || (b.doc.date ?? "").localeCompare(a.doc.date ?? "") || a.doc.id.localeCompare(b.doc.id),
    )
    .map(({ doc }) => ({
      doc,
      citation: citationOf(doc),
      items: doc.arguments.map((a, i) => ({
        ref: `${doc.id}#${i + 1}`,
        claim: a.claim,
        stance: a.stance,
        type: a.type,
      })),
    }));
}

// ── Who argued what ──────────────────────────────────────────────────────────

/** One argument as "who argued what" cites it: the claim, and the record it was made in. */
export interface CitedArgument {
  /** "documentId#n", as a draft request names it. */
  ref: string;
  claim: string;
  type: string;
  documentId: string;
  title: string;
  kind: string;
  date: string | null;
  citation: string;
}

export interface PartyArguments {
  /** "S", a local party's name, or "" for records no party signed. */
  party: string;
  /** Newest record first; at most `perParty` of them. */
  arguments: CitedArgument[];
  /** The party's arguments of this stance, also those past `perParty`. */
  total: number;
}

export interface WhoArguedOptions {
  /** Arguments to give per party and stance (the newest); by default all. */
  perParty?: number;
  /** Only this party ("S", a local party's name, "" for records without a party). */
  party?: string;
}

export interface StanceArguments {
  stance: "for" | "against";
  /** Parliamentary parties in their usual order, then other parties by name, then records without a party. */
  parties: PartyArguments[];
  /** Arguments of this stance (each once, though it may stand under several parties). */
  count: number;
}

export interface WhoArguedWhat {
  topic: string;
  /** Records tagged with the topic that hold arguments. */
  documents: number;
  /** For, then against; a stance without arguments is left out. */
  stances: StanceArguments[];
}

const partyRank = (p: string) => {
  const i = (parliamentaryParties as readonly string[]).indexOf(p);
  return i >= 0 ? i : p === "" ? 1000 : 100;
};

/** A party as grouped: letters upper-cased ("s" → "S"), a local party's name as written. */
const partyKey = (p: string) => (p.trim().length <= 2 ? p.trim().toUpperCase() : p.trim());

/** A record's parties as grouped, each once; none: "". */
function partiesOf(doc: Pick<CorpusDocument, "parties" | "authors">): string[] {
  const named = doc.parties.length ? doc.parties : doc.authors.map((a) => a.party ?? "");
  const ps = [...new Set(named.map(partyKey).filter(Boolean))];
  return ps.length ? ps : [""];
}

/**
 * The arguments made on a topic (an id), grouped by stance and then by party, newest record
 * first within a party. A record signed by several parties stands under each of them: each
 * argued it. `docs` may hold records on other topics; they are left out.
 */
export function whoArguedWhat(
  topic: string,
  docs: readonly CorpusDocument[],
  options: WhoArguedOptions = {},
): WhoArguedWhat {
  const only = options.party === undefined ? undefined : partyKey(options.party);
  const perParty = options.perParty ?? Number.POSITIVE_INFINITY;
  const onTopic = docs
    .filter(
      (d) =>
        d.topics.includes(topic as CorpusDocument["topics"][number]) &&
        d.arguments.length > 0 &&
        (only === undefined || partiesOf(d).includes(only)),
    )
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id));
  const stances: StanceArguments[] = [];
  for (const stance of ["for", "against"] as const) {
    const byParty = new Map<string, CitedArgument[]>();
    let count = 0;
    for (const doc of onTopic) {
      const citation = citationOf(doc);
      const cited = doc.arguments.flatMap((a, i) =>
        a.stance === stance
          ? [
              {
                ref: `${doc.id}#${i + 1}`,
                claim: a.claim,
                type: a.type,
                documentId: doc.id,
                title: doc.title,
                kind: doc.kind,
                date: doc.date,
                citation,
              },
            ]
          : [],
      );
      const parties = only === undefined ? partiesOf(doc) : [only];
      if (cited.length === 0) continue;
      count += cited.length;
      for (const party of parties) {
        const list = byParty.get(party) ?? [];
        list.push(...cited);
        byParty.set(party, list);
      }
    }
    if (count === 0) continue;
    const parties = [...byParty.entries()]
      .map(([party, args]) => ({ party, arguments: args.slice(0, perParty), total: args.length }))
      .sort((a, b) => partyRank(a.party) - partyRank(b.party) || a.party.localeCompare(b.party, "sv"));
    stances.push({ stance, parties, count });
  }
  return { topic, documents: onTopic.length, stances };
}
