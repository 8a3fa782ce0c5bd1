/**
 * The staff tools the start page for staff (/personal) lists: each feature's page adds its
 * entry here, in the order staff meet them.
 */
import { sv } from "../../messages.sv.js";
import { paths } from "../frame/links.js";
import { statisticsPaths } from "../statistics/paths.js";
import { filingPaths } from "../arenden/paths.js";

export interface StaffTool {
  href: string;
  title: string;
  text: string;
}

export const staffTools: readonly StaffTool[] = [
  { href: `${paths.staff}/uppgifter/ny`, title: sv.addFact.staffTool.title, text: sv.addFact.staffTool.text },
  { href: `${paths.staff}/faktanycklar`, title: sv.factKeys.tool.title, text: sv.factKeys.tool.text },
  { href: paths.templates, title: sv.staff.templates.tool.title, text: sv.staff.templates.tool.text },
  { href: statisticsPaths.home, title: sv.staff.statistics.tool.title, text: sv.staff.statistics.tool.text },
  { href: filingPaths.list, title: sv.filings.staffTool.title, text: sv.filings.staffTool.text },
  { href: statisticsPaths.scb, title: sv.staff.statistics.scb.tool.title, text: sv.staff.statistics.scb.tool.text },
];

/** The sign-in page's address, with where to go after it. */
export const signInHref = (back?: string) =>
  `${staffPaths.signIn}${back ? `?${new URLSearchParams({ till: back })}` : ""}`;

export const staffPaths = {
  home: paths.staff,
  signIn: "/personal/logga-in",
  signOut: "/personal/logga-ut",
} as const;
