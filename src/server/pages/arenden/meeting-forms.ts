/**
 * The council-meeting forms read into what the store takes: one meeting (a date and a body), or a
 * CSV or iCalendar file of them, read by src/filings/meeting-files.ts as `motionera arenden
 * meetings import` reads it. Every problem is at its field; a bad file names its line.
 */
import { findMunicipality } from "../../../data/places.js";
import type { CouncilMeeting } from "../../../domain/filing.js";
import { isMotioneraError } from "../../../domain/errors.js";
import { isoDateSchema } from "../../../domain/partial-date.js";
import { meetingsFromFile } from "../../../filings/meeting-files.js";
import { sv } from "../../messages.sv.js";
import { formIds, type FieldErrors } from "../kit/form.js";
import { lastValue, type FormSource } from "../kit/form-source.js";
import { problemText } from "./forms.js";

const t = sv.filings.meetings;

export const meetingIds = formIds("m");
export const meetingFileIds = formIds("f");

export interface MeetingForm {
  kommun: string;
  datum: string;
  organ: string;
}

export const readMeetingForm = (src: FormSource): MeetingForm => ({
  kommun: lastValue(src, "kommun").trim(),
  datum: lastValue(src, "datum").trim(),
  organ: lastValue(src, "organ").trim() || "kommunfullmäktige",
});

type Place = CouncilMeeting["municipality"];

/** The municipality the form names, or the problem at "kommun". */
function placeOf(kommun: string, errors: FieldErrors): Place | undefined {
  const label = t.fields.kommun.label;
  if (!kommun) {
    errors.set("kommun", { text: sv.filings.errors.required, label });
    return undefined;
  }
  try {
    const m = findMunicipality(kommun);
    return { code: m.code, name: m.name };
  } catch (e) {
    errors.set("kommun", { text: problemText(e), label });
    return undefined;
  }
}

/** The meeting the form describes, or the problems at their fields. */
export function checkMeetingForm(form: MeetingForm): { errors: FieldErrors; meeting?: CouncilMeeting } {
  const errors: FieldErrors = new Map();
  const place = placeOf(form.kommun, errors);
  if (!isoDateSchema.safeParse(form.datum).success)
    errors.set("datum", {
      text: form.datum ? sv.filings.errors.date : sv.filings.errors.required,
      label: t.fields.datum.label,
    });
  if (errors.size || !place) return { errors };
  return { errors, meeting: { municipality: place, date: form.datum, body: form.organ } };
}

/** The meetings in an uploaded file, or the problems at their fields (the file's: its name and line). */
export async function checkMeetingFile(
  form: Omit<MeetingForm, "datum">,
  file: unknown,
): Promise<{ errors: FieldErrors; meetings?: CouncilMeeting[] }> {
  const errors: FieldErrors = new Map();
  const place = placeOf(form.kommun, errors);
  const label = t.fields.fil.label;
  if (!(file instanceof File) || file.size === 0) {
    errors.set("fil", { text: sv.filings.errors.noFile, label });
    return { errors };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    errors.set("fil", { text: sv.filings.errors.notText, label });
    return { errors };
  }
  if (!place) return { errors };
  try {
    return { errors, meetings: meetingsFromFile(text, file.name, place, form.organ) };
  } catch (e) {
    if (!isMotioneraError(e) || e.details.code !== "input_invalid") throw e;
    errors.set("fil", { text: t.badFile(file.name, e.details.problem), label });
    return { errors };
  }
}
