/**
 * The addresses of the ärenden pages (pages/arenden/): the list, one ärende, its steps, the calendar
 * feed, the council meetings, the follow-up interpellation.
 */
import { query } from "../frame/links.js";

const list = "/arenden";

export const filingPaths = {
  list,
  calendar: `${list}/kalender.ics`,
  /** The filing form alone, filled from the query (a saved draft links here). */
  create: `${list}/ny`,
  /** The council meetings of a municipality (?kommun=…); POST adds one. */
  meetings: `${list}/sammantraden`,
  /** POST: a CSV or iCalendar file of meetings. */
  meetingsImport: `${list}/sammantraden/fil`,
  one: `${list}/:id`,
  step: `${list}/:id/steg`,
  /** The follow-up interpellation's preview (?till=…); the same with .docx or .pdf is the file. */
  followUp: `${list}/:id/uppfoljning`,
} as const;

/** Who a list or a calendar is about, as the pages' query strings name it. */
export interface FilingFilter {
  kommun?: string | undefined;
  undertecknare?: string | undefined;
  parti?: string | undefined;
}

const pairs = (f: FilingFilter) =>
  [
    ["kommun", f.kommun],
    ["undertecknare", f.undertecknare],
    ["parti", f.parti],
  ] as const;

export const filingListHref = (f: FilingFilter = {}) => `${list}${query(pairs(f))}`;
export const filingCalendarHref = (f: FilingFilter = {}) => `${filingPaths.calendar}${query(pairs(f))}`;
export const filingHref = (id: string) => `${list}/${encodeURIComponent(id)}`;
export const filingStepHref = (id: string) => `${filingHref(id)}/steg`;
export const meetingsHref = (kommun?: string) => `${filingPaths.meetings}${query([["kommun", kommun]])}`;
/** The follow-up's preview, or its file in a format ("docx", "pdf"). */
export const followUpHref = (id: string, till: string, format?: "docx" | "pdf") =>
  `${filingHref(id)}/uppfoljning${format ? `.${format}` : ""}${query([["till", till]])}`;

/** Whether a path (after sign-in) is an ärenden page, whose forms need the write role, not admin. */
export const isFilingPath = (path: string): boolean => path === list || /^\/arenden[/?]/.test(path);

/** "Markera som inlämnad" filled with what a draft knows: its municipality and signers ("Namn (Parti)" a line). */
export function fileDraftHref(draft: { kommun: string; signers: readonly string[]; titel?: string }): string {
  return `${filingPaths.create}${query([
    ["kommun", draft.kommun],
    ["undertecknare", draft.signers.join("\n")],
    ["titel", draft.titel],
  ])}`;
}
