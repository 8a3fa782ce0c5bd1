/**
 * The Swedish words of filed documents (ärenden), shared by the command line, the calendar and
 * the follow-up draft: statuses, decisions, steps as the history tells them, calendar entries.
 */
import type { FilingDecision, FilingKind, FilingStep } from "../domain/filing.js";
import { formatDate } from "../lang/dates.js";
import type { FilingStatus } from "./steps.js";

export const filingWords = {
  kind: { motion: "motion", interpellation: "interpellation" } satisfies Record<FilingKind, string>,
  kindDefinite: { motion: "motionen", interpellation: "interpellationen" } satisfies Record<FilingKind, string>,
  status: {
    inlamnad: "inlämnad",
    remitterad: "remitterad",
    besvarad: "besvarad",
    beslutad: "beslutad",
  } satisfies Record<FilingStatus, string>,
  decision: {
    bifall: "bifall",
    avslag: "avslag",
    besvarad: "besvarad",
    avskriven: "avskriven",
  } satisfies Record<FilingDecision, string>,
  /** "beslutade att bifalla motionen": the decision as the history and the follow-up tell it. */
  decisionPhrase: {
    bifall: "biföll motionen",
    avslag: "avslog motionen",
    besvarad: "ansåg motionen besvarad",
    avskriven: "avskrev motionen",
  } satisfies Record<FilingDecision, string>,
};

/** One step as a sentence of the history, past tense: "Inlämnad 24 november 2025 till kommunfullmäktige, dnr …". */
export function stepSentence(step: FilingStep): string {
  const on = formatDate(step.date);
  switch (step.kind) {
    case "filed":
      return `Inlämnad ${on} till ${step.body}, dnr ${step.dnr}.`;
    case "referred":
      return `Remitterad ${on} till ${step.committee}.`;
    case "answered":
      return `Besvarad ${on} av ${step.by}.`;
    case "decided":
      return `Beslutad ${on}: ${filingWords.decision[step.decision]} (${step.protocol.title}${
        step.protocol.paragraph ? ` ${step.protocol.paragraph}` : ""
      }).`;
  }
}

export const calendarWords = {
  calendarName: (who: string) => `Motionera: tidsfrister för ${who}`,
  yearMark: (title: string, dnr: string) => `Ettårsgräns för motionen ”${title}” (dnr ${dnr})`,
  yearMarkDescription: (filed: string, body: string, lastMeeting: string | undefined) =>
    `Motionen lämnades in ${formatDate(filed)} till ${body}. Enligt kommunallagen (5 kap. 35 §) bör en motion ` +
    `beredas så att fullmäktige kan besluta inom ett år från det att den väcktes; annars ska fullmäktige få veta ` +
    `varför.${lastMeeting ? ` Sista kända sammanträdet före ettårsgränsen: ${formatDate(lastMeeting)}.` : ""}`,
  answerDue: (title: string, dnr: string) => `Svar väntas på interpellationen ”${title}” (dnr ${dnr})`,
  answerDueDescription: (filed: string, body: string) =>
    `Interpellationen lämnades in ${formatDate(filed)} till ${body}. Den bör besvaras vid sammanträdet närmast ` +
    `efter att den ställdes (kommunallagen 5 kap. 59 §).`,
  meeting: (body: string, place: string) => `Sammanträde: ${body} i ${place}`,
  status: (status: string) => `Läge: ${status}.`,
};

/** Problems in a file of meeting dates (CSV or iCalendar). */
export const meetingFileProblems = {
  csvNoDate: 'filen saknar kolumnen "datum" (en rubrikrad med datum och gärna organ)',
  csvBadDate: (line: number, value: string) => `rad ${line}: "${value}" är inget datum (skriv ÅÅÅÅ-MM-DD)`,
  csvUnreadable: (why: string) => `filen går inte att läsa som CSV (${why})`,
  icsNotCalendar: "filen är ingen iCalendar-fil (BEGIN:VCALENDAR saknas)",
  icsBadDate: (line: number, value: string) => `rad ${line}: DTSTART "${value}" är inget datum`,
  none: "filen innehåller inga sammanträden",
  unknownType: "okänd filtyp: ange en .csv- eller .ics-fil",
};
