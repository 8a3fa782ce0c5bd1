/** What the Kolada and the SCB routes share: this year, the form from a link, searching, the key's check. */
import { todayInSweden } from "../../../lang/dates.js";
import type { ServerContext } from "../../context.js";
import type { FieldErrors } from "../kit/form.js";
import { explainFetchFailure } from "./failure.js";

export const thisYear = () => Number(todayInSweden().slice(0, 4));

/** A link back from a job (formHref) fills in the whole form; a search (?sok=words) does not. */
export const isFilledForm = (q: Record<string, string[]>) => q.fran !== undefined || q.till !== undefined;

/** What a search by words found, or (the words typed) its failure worded. */
export async function searchWorded<T>(
  words: string,
  find: () => Promise<T>,
  failed: (failure: string) => T,
): Promise<T | undefined> {
  if (!words) return undefined;
  try {
    return await find();
  } catch (e) {
    return failed(explainFetchFailure(e, []).text);
  }
}

/**
 * A key typed in must exist (the one the fetch proposes is the core's to make): the problem
 * at the key field, each suggestion a link to the form with it; undefined when all is well.
 */
export async function unknownKey(
  ctx: ServerContext,
  key: string | undefined,
  text: (key: string) => string,
  formWith: (key: string) => string,
): Promise<FieldErrors | undefined> {
  const catalog = key === undefined ? undefined : await ctx.workspace.catalog();
  if (key === undefined || !catalog || catalog.get(key)) return undefined;
  const suggestions = catalog.suggest(key).map((s) => ({ label: s, href: formWith(s) }));
  return new Map([["key", { text: text(key), suggestions }]]);
}
