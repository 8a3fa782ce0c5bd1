/** The works a draft cites, each once, in order of first citation. */
import type { Citation } from "../domain/draft.js";
import type { Source } from "../domain/fact.js";

export function distinctSources(citations: readonly Citation[]): Source[] {
  const seen = new Map<string, Source>();
  for (const c of citations) {
    const k = `${c.source.title ?? ""}\u0000${c.source.publisher}\u0000${c.source.date ?? ""}\u0000${c.source.url ?? ""}`;
    if (!seen.has(k)) seen.set(k, c.source);
  }
  return [...seen.values()];
}
