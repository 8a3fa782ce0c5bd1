/**
 * Which corpus documents offer arguments for a text on given topics: those sharing a topic,
 * most shared topics first, then the newest, each with its arguments as a draft request
 * names them ("documentId#n").
 */
import type { CorpusDocument } from "../domain/corpus-document.js";
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
