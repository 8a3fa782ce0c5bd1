/**
 * The works a draft lists under "Källor": each once, in order of first citation. The same
 * work cited as a fact's source and as a corpus document (with or without its authors in the
 * publisher, with or without a URL) is one work: works are told apart by title and date, or
 * by publisher and date when a source has no title.
 */
import type { Citation } from "../domain/draft.js";
import type { Source } from "../domain/fact.js";
import { fold } from "../lang/normalize.js";
import { perObject } from "../domain/per-object.js";

/** "Liberalerna Lidingö (debattartikel)" and "Liberalerna Lidingö" name the same publisher. */
function publisherKey(publisher: string): string {
  return fold(publisher.replace(/\s*\(.*\)\s*$/, ""));
}

/** Each source's key, by source: the registry's sources do not change, and every draft asks again. */
const workKey = perObject(computeWorkKey);

function computeWorkKey(source: Source): string {
  const date = source.date ?? "";
  return source.title
    ? `t\u0000${fold(source.title)}\u0000${date}`
    : `p\u0000${publisherKey(source.publisher)}\u0000${date}\u0000${source.url ?? ""}`;
}

export function distinctSources(citations: readonly Citation[]): Source[] {
  const seen = new Map<string, Source>();
  for (const c of citations) {
    const k = workKey(c.source);
    const had = seen.get(k);
    // Keep the fuller record of a work: the one with a URL.
    if (!had) seen.set(k, c.source);
    else if (!had.url && c.source.url) seen.set(k, { ...had, url: c.source.url });
  }
  return [...seen.values()];
}
