/** Search filters as people type them (names, letters, labels) → the codes and ids the index uses. */
import { corpusKinds } from "../domain/corpus-document.js";
import { MotioneraError } from "../domain/errors.js";
import { findCounty, findMunicipality } from "../data/places.js";
import { fold } from "../lang/normalize.js";
import { findTopic } from "../lang/find-topic.js";
import { nearest } from "../lang/nearest.js";
import { topics } from "../domain/vocabulary.js";
import type { SearchFilters } from "./search/index.js";
import { problems } from "../messages.sv.js";

export interface FilterInput {
  kind?: readonly string[];
  party?: readonly string[];
  kommun?: readonly string[];
  lan?: readonly string[];
  topic?: readonly string[];
  from?: number;
  to?: number;
}

const flat = (xs: readonly string[] | undefined) =>
  (xs ?? [])
    .flatMap((x) => x.split(","))
    .map((x) => x.trim())
    .filter(Boolean);

export function resolveFilters(input: FilterInput): SearchFilters {
  const out: SearchFilters = {};
  const kinds = flat(input.kind).map((k) => {
    const hit = corpusKinds.find((c) => fold(c) === fold(k));
    if (!hit)
      throw new MotioneraError({ code: "input_invalid", field: "kind", problem: problems.unknownKind(k, corpusKinds) });
    return hit;
  });
  if (kinds.length) out.kind = kinds;
  const parties = flat(input.party).map((p) => (p.length <= 2 ? p.toUpperCase() : p));
  if (parties.length) out.party = parties;
  const munis = flat(input.kommun).map((m) => findMunicipality(m).code);
  if (munis.length) out.municipality = munis;
  const counties = flat(input.lan).map((c) => findCounty(c).code);
  if (counties.length) out.county = counties;
  const ts = flat(input.topic).map((t) => {
    const hit = findTopic(t);
    if (!hit)
      throw new MotioneraError({
        code: "input_invalid",
        field: "topic",
        problem: problems.unknownTopic(
          t,
          nearest(
            t,
            topics.map((x) => x.label),
          ),
        ),
      });
    return hit.id;
  });
  if (ts.length) out.topic = ts;
  if (input.from !== undefined) out.from = input.from;
  if (input.to !== undefined) out.to = input.to;
  return out;
}
