/**
 * A decided motion as a corpus record, so the corpus holds what became of it: who filed it,
 * when, its diary number, the committee it went to and the council's decision (the outcome in
 * the summary), with the protocol as the record's source.
 */
import type { CorpusDocument } from "../domain/corpus-document.js";
import { MotioneraError } from "../domain/errors.js";
import type { Filing } from "../domain/filing.js";
import { countyByCode, municipalityByCode } from "../data/places.js";
import { slug } from "../lang/slug.js";
import { corpusRecordWords as w, filingWords } from "./messages.sv.js";
import { filedStep, stepOf } from "./steps.js";

export function decidedMotionRecord(filing: Filing): CorpusDocument {
  const decided = stepOf(filing, "decided");
  if (filing.kind !== "motion" || !decided)
    throw new MotioneraError({ code: "input_invalid", field: "id", problem: w.notDecided });
  const filed = filedStep(filing);
  const referred = stepOf(filing, "referred");
  const place = municipalityByCode(filing.municipality.code);
  const county = place ? countyByCode(place.countyCode) : undefined;
  const outcome = filingWords.decision[decided.decision];
  return {
    id: slug(`${filing.municipality.name}-${filing.id}`, 100),
    kind: "motion",
    level: "kommun",
    municipality: filing.municipality,
    county: county ? { code: county.code, name: county.name } : null,
    parties: [...new Set(filing.signers.flatMap((s) => (s.party ? [s.party] : [])))],
    authors: filing.signers,
    date: filed.date,
    title: filing.title,
    summary: w.summary({
      filed: filed.date,
      dnr: filed.dnr,
      body: filed.body,
      ...(referred ? { referred: referred.committee } : {}),
      decided: decided.date,
      decision: outcome,
    }),
    topics: [],
    arguments: [],
    proposals: [],
    questions: [],
    facts: [],
    designation: filed.dnr,
    ...(referred ? { committee: referred.committee } : {}),
    source: {
      title: decided.protocol.title,
      publisher: decided.protocol.publisher,
      date: decided.protocol.date,
      ...(decided.protocol.url ? { url: decided.protocol.url } : {}),
    },
  };
}
