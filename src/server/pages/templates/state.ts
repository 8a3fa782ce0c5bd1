/** The template editor's form: the text, the template being edited, and the preview's municipality and date. */
import { todayInSweden } from "../../../lang/dates.js";
import type { FormSource } from "../kit/form-source.js";

export interface EditorState {
  /** The template's whole text, as typed. */
  text: string;
  /** The id of the library's template being edited; "" for a new or uploaded one. */
  editing: string;
  kommun: string;
  /** YYYY-MM-DD; "" for today. */
  datum: string;
}

/** Line breaks as the browser sends them (CRLF) become "\n", so lines and columns match the file. */
export const normalizeText = (text: string) => text.replace(/\r\n?/g, "\n");

export function readEditor(src: FormSource): EditorState {
  const one = (k: string) => src.all(k).at(-1) ?? "";
  return {
    text: normalizeText(one("text")),
    editing: one("editing").trim(),
    kommun: one("kommun").trim(),
    datum: one("datum").trim(),
  };
}

/** The date the preview's draft is dated: the chosen one, else today. */
export const previewDate = (state: EditorState) => state.datum || todayInSweden();
