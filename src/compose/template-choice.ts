/** Choosing templates: the one closest to a corpus document, and those a municipality's facts allow. */
import type { CorpusDocument } from "../domain/corpus-document.js";
import type { Place } from "../domain/municipality.js";
import { sharedTopics, topicIdsOf } from "../corpus/argument-groups.js";
import type { FactRegistry } from "../facts/registry.js";
import type { Template } from "./template-library.js";

/**
 * The template sharing most topics with the document (the first of equals, in the library's order); undefined for none.
 */
export function templateSharingMostTopics(
  templates: readonly Template[],
  doc: Pick<CorpusDocument, "topics">,
): Template | undefined {
  let best: { template: Template; n: number } | undefined;
  for (const template of templates) {
    const n = sharedTopics(doc, topicIdsOf(template.frontMatter.topics));
    if (!best || n > best.n) best = { template, n };
  }
  return best?.template;
}

/** Templates whose required facts are all present for the place. */
export function fittingTemplates(templates: readonly Template[], registry: FactRegistry, place: Place): Template[] {
  return templates.filter((x) => x.frontMatter.facts.every((f) => !f.required || registry.resolve(place, f.key)));
}
