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
  /** "biföll fullmäktige motionen": the decision as the follow-up tells it, after "Den 19 oktober 2026". */
  decisionPhrase: {
    bifall: "biföll fullmäktige motionen",
    avslag: "avslog fullmäktige motionen",
    besvarad: "ansåg fullmäktige motionen besvarad",
    avskriven: "avskrev fullmäktige motionen",
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
  icsBadDate: (event: number, value: string) => `händelse ${event}: DTSTART "${value}" är inget datum`,
  icsUnreadable: (why: string) => `filen går inte att läsa som iCalendar (${why})`,
  none: "filen innehåller inga sammanträden",
  unknownType: "okänd filtyp: ange en .csv- eller .ics-fil",
};

/** The follow-up interpellation (src/filings/follow-up.ts): its records' sentences and notes, title, questions. */
export const followUpWords = {
  filedSentence: (kindDefinite: string, title: string, body: string, date: string, dnr: string) =>
    `${upper(kindDefinite)} ”${title}” lämnades in till ${body} den ${formatDate(date)} (dnr ${dnr}).`,
  filedLabel: (kind: string, dnr: string, body: string) => `${upper(kind)}, dnr ${dnr}, inlämnad till ${body}`,
  referredSentence: (kindDefinite: string, committee: string, date: string) =>
    `Den ${formatDate(date)} remitterades ${kindDefinite} till ${committee}.`,
  referredLabel: (dnr: string, committee: string) => `Ärende ${dnr}, remitterat till ${committee}`,
  answeredSentence: (by: string, date: string) => `Den ${formatDate(date)} besvarades interpellationen av ${by}.`,
  answeredLabel: (dnr: string) => `Svar på interpellationen, dnr ${dnr}`,
  decidedSentence: (phrase: string, date: string) => `Den ${formatDate(date)} ${phrase}.`,
  decidedLabel: (dnr: string, paragraph: string | undefined) =>
    `Beslut i ärende ${dnr}${paragraph ? `, ${paragraph}` : ""}`,
  titleMotion: (title: string) => `Vad har hänt med motionen ”${title}”?`,
  titleDecided: (title: string) => `Vad har hänt med beslutet om motionen ”${title}”?`,
  titleInterpellation: (title: string) => `Varför har interpellationen ”${title}” inte besvarats?`,
  motionPassed: (due: string) =>
    `Enligt kommunallagen (5 kap. 35 §) bör en motion beredas så att fullmäktige kan besluta om den inom ett år ` +
    `från det att den väcktes; kan beredningen inte avslutas inom den tiden ska det anmälas till fullmäktige. ` +
    `Ettårsgränsen passerades den ${formatDate(due)}, och fullmäktige har ännu inte fattat något beslut om motionen.`,
  motionComing: (due: string) =>
    `Enligt kommunallagen (5 kap. 35 §) bör en motion beredas så att fullmäktige kan besluta om den inom ett år ` +
    `från det att den väcktes. För den här motionen är gränsen den ${formatDate(due)}, och fullmäktige har ännu ` +
    `inte fattat något beslut om den.`,
  interpellationPassed: (due: string) =>
    `Enligt kommunallagen (5 kap. 59 §) bör en interpellation besvaras vid det sammanträde som följer närmast ` +
    `efter att den ställdes. Det sammanträdet var planerat till den ${formatDate(due)}, och något svar har ännu ` +
    `inte lämnats.`,
  interpellationOpen: "Något svar på interpellationen har ännu inte lämnats.",
  decidedStatus: "Sedan beslutet har fullmäktige inte fått någon redovisning av hur det har genomförts.",
  questionsMotion: (overdue: boolean) =>
    [
      "När kommer motionen att behandlas i fullmäktige",
      "Vad har hittills kommit fram i beredningen",
      ...(overdue
        ? ["Varför har beredningen inte kunnat avslutas inom ett år, och varför har fullmäktige inte fått veta det"]
        : []),
    ].join("\n"),
  questionsInterpellation: (overdue: boolean) =>
    [
      "När kommer interpellationen att besvaras",
      ...(overdue ? ["Varför besvarades den inte vid det sammanträde som följde närmast efter att den ställdes"] : []),
    ].join("\n"),
  questionsDecided: ["Hur har beslutet genomförts", "Vad återstår att göra, och när ska det vara klart"].join("\n"),
  closed: (status: string) => `ärendet är avslutat (${status}); det finns inget att följa upp med den här mallen`,
};

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A decided motion as a corpus record (src/filings/corpus-record.ts): its summary, in the past tense. */
export const corpusRecordWords = {
  summary: (o: { filed: string; dnr: string; body: string; referred?: string; decided: string; decision: string }) =>
    `Motionen lämnades in till ${o.body} den ${formatDate(o.filed)} (dnr ${o.dnr})` +
    `${o.referred ? ` och remitterades till ${o.referred}` : ""}. ` +
    `Den ${formatDate(o.decided)} beslutade ${o.body}: ${o.decision}.`,
  notDecided: "motionen är inte beslutad; för in beslutet först (motionera arenden decide)",
};

/** Facts a decision establishes (src/filings/decision-facts.ts). */
export const decisionFactWords = {
  notAssignment: (text: string) => `"${text}" är inte nyckel=värde, t.ex. action_plan_sells_sex=ja`,
};

/** A draft's metadata read back to file it (src/filings/draft-filing.ts). */
export const draftFilingWords = {
  notJson: (file: string) =>
    `${file} är inte den JSON som motionera draft … --json skriver; spara den så: ` +
    "motionera draft … --json > utkast.json",
  notFiled: (kind: string) => `en ${kind} lämnas inte in som ärende; bara motioner och interpellationer gör det`,
  unknownPlace: (code: string) => `kommunkoden ${code} finns inte`,
  campaignNeedsKommun: (file: string, n: number) =>
    `${file} är en kampanjs sammanställning med ${n} kommuner: ange vilken med --kommun`,
  campaignNoRow: (file: string, kommun: string) => `${file} har inget utkast för ${kommun}`,
  campaignNotWritten: (kommun: string, reason: string) =>
    `kampanjen skrev inget utkast för ${kommun}${reason ? ` (${reason})` : ""}`,
};
