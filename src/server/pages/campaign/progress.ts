/**
 * How far the zips being built have come, by an id the page chose ("12 av 49"), for the
 * script to poll while it downloads. Only counts are kept, a few minutes, a bounded number.
 */
export interface Progress {
  done: number;
  total: number;
  finished: boolean;
}

const kept = new Map<string, Progress & { at: number }>();
const maxKept = 200;
const keepMs = 10 * 60_000;

/** An id a page may use: a UUID as crypto.randomUUID() writes it. */
export const progressIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function prune(now: number): void {
  for (const [id, p] of kept) if (now - p.at > keepMs) kept.delete(id);
  while (kept.size >= maxKept) kept.delete(kept.keys().next().value!);
}

export function reportProgress(id: string, done: number, total: number, finished = false): void {
  const now = Date.now();
  if (!kept.has(id)) prune(now);
  kept.set(id, { done, total, finished, at: now });
}

export function progressOf(id: string): Progress | undefined {
  const p = kept.get(id);
  return p ? { done: p.done, total: p.total, finished: p.finished } : undefined;
}
