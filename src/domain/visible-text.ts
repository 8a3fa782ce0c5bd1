/**
 * What a reader will see of a user's text. The documents drop characters XML forbids (C0
 * controls, U+FFFE/U+FFFF, lone surrogates) and private-use characters (they mark citations
 * inside the composed Markdown); a value made only of those, or of white space, is no value.
 * Checked at the boundary, so "**{{name}} lämnar …**" never ends up as "** lämnar …**".
 */
import { xmlSafe } from "./xml-safe.js";

const privateUse = /[\uE000-\uF8FF]/g;

/** The text without the characters the documents would drop. */
export function visibleText(s: string): string {
  return xmlSafe(s).replace(privateUse, "");
}

/** Whether anything but white space would be left to see. */
export function hasVisibleText(s: string): boolean {
  return visibleText(s).trim().length > 0;
}

export const invisibleTextMessage = "måste innehålla synlig text";
