/**
 * The follow-up interpellation of a filing as a draft request, the one thing the command line
 * (`motionera arenden follow-up`) and the web ("Skriv en uppföljande interpellation") both ask
 * for: the template, the municipality, the signers (the filing's own unless others are given),
 * the date, the inputs from where the filing stands against its deadline on that date, and the
 * filing and its history as the records the draft cites (DraftOptions `records`).
 */
import type { CitedRecord } from "../domain/draft.js";
import type { DraftRequest } from "../domain/draft-request.js";
import { isMotioneraError } from "../domain/errors.js";
import type { CouncilMeeting, Filing } from "../domain/filing.js";
import type { Signer } from "../domain/signer.js";
import { municipalityByCode } from "../data/places.js";
import { deadlineOf } from "./deadlines.js";
import { followUpInputs, followUpRecords, followUpTemplate } from "./follow-up.js";

export interface FollowUpAsk {
  /** Whom the interpellation is put to ("kommunstyrelsens ordförande"). */
  addressee: string;
  /** The signers; the filing's own when left out or empty. */
  authors?: readonly Signer[] | undefined;
  /** The document's date, and the day the deadline is judged on. */
  date: string;
}

/** The request and the records to compose it with; input_invalid (field "id") when there is nothing to follow up. */
export function followUpRequest(
  filing: Filing,
  meetings: readonly CouncilMeeting[],
  ask: FollowUpAsk,
): { request: DraftRequest; options: { records: CitedRecord[] } } {
  const deadline = deadlineOf(filing, meetings, ask.date);
  const place = municipalityByCode(filing.municipality.code);
  return {
    request: {
      template: followUpTemplate,
      municipality: filing.municipality.code,
      authors: [...(ask.authors?.length ? ask.authors : filing.signers)],
      date: ask.date,
      inputs: { ...followUpInputs(deadline), addressee: ask.addressee },
    },
    options: { records: followUpRecords(filing, place?.officialName ?? filing.municipality.name) },
  };
}

/** Why there is nothing to follow up on this day (a closed filing, a motion not approved), or undefined. */
export function followUpRefusal(
  filing: Filing,
  meetings: readonly CouncilMeeting[],
  today: string,
): string | undefined {
  try {
    followUpInputs(deadlineOf(filing, meetings, today));
    return undefined;
  } catch (e) {
    if (isMotioneraError(e) && e.details.code === "input_invalid") return e.details.problem;
    throw e;
  }
}
