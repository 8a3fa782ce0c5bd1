/**
 * Yes and no as people type them in Swedish (and the English and digit forms a command line
 * or a spreadsheet gives): one word list for template inputs, recorded facts and forms.
 * An HTML checkbox's "on" is not a word: a form maps it at its own edge.
 */
const yes: ReadonlySet<string> = new Set(["ja", "j", "sant", "true", "yes", "1"]);
const no: ReadonlySet<string> = new Set(["nej", "n", "falskt", "false", "no", "0"]);

/** true for a yes word, false for a no word, undefined for anything else (case and spaces ignored). */
export function parseYesNo(text: string): boolean | undefined {
  const s = text.trim().toLowerCase();
  return yes.has(s) ? true : no.has(s) ? false : undefined;
}

/** Is this a yes word? */
export const isYes = (text: string): boolean => parseYesNo(text) === true;
