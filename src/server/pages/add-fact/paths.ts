/**
 * The "Lägg till uppgift" form's address, and the notice a page shows when the user comes back
 * from it: the pages that link to the form (the draft's facts panel, a municipality's page, the
 * campaign's selection) pass where to come back to, and get `ny-uppgift=<key>` added to it.
 */
import { factKeyPattern } from "../../../domain/fact-key.js";
import { query } from "../frame/links.js";
import { staffPaths } from "../staff/tools.js";

const form = `${staffPaths.home}/uppgifter/ny`;

/** The query parameter a page reads to say which fact was just saved. */
export const savedFactParam = "ny-uppgift";

export const addFactPaths = { form } as const;

/** Whether a path (after sign-in) is the add-fact form, which needs the write role, not admin. */
export const isAddFactPath = (path: string): boolean => path === form || path.startsWith(`${form}?`);

/** The form, filled with the municipality and key, coming back to `till` after saving. */
export function addFactHref(opts: { kommun?: string | undefined; key?: string | undefined; till?: string }): string {
  return `${form}${query([
    ["kommun", opts.kommun],
    ["nyckel", opts.key],
    ["till", opts.till],
  ])}`;
}

/** `till` with the notice that `key` was saved (the page it names reads `savedFactParam`). */
export function withSavedFact(till: string, key: string): string {
  const url = new URL(till, "http://x");
  url.searchParams.set(savedFactParam, key);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The key a page's address says was just saved, if it names one. */
export function savedFactOf(given: string | undefined): string | undefined {
  return given && given.length <= 80 && factKeyPattern.test(given) ? given : undefined;
}
