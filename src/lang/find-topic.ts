/**
 * The one topic lookup: a topic by its id or its Swedish label, folded (case, diacritics,
 * hyphens and spacing ignored), so "KAST", "människohandel", "manniskohandel" and "barn och
 * unga" all find their topic. Templates, search filters, import overrides and the pages use it.
 */
import { topics } from "../domain/vocabulary.js";
import { fold } from "./normalize.js";

type KnownTopic = (typeof topics)[number];

const byKey = new Map<string, KnownTopic>();
for (const t of topics) {
  byKey.set(fold(t.id), t);
  byKey.set(fold(t.label), t);
}

/** The topic a name stands for, or undefined. */
export function findTopic(name: string): KnownTopic | undefined {
  return byKey.get(fold(name));
}
