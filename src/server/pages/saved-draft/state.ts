/** The draft form's state and a saved draft's: the same fields, and the edited text kept beside them. */
import type { SavedDraftState } from "../../../domain/saved-draft.js";
import { lastValue, type FormSource } from "../kit/form-source.js";
import type { FormState } from "../draft/state.js";

/** The field of the edited text ("Redigera texten"), when the form has one. */
export const editedMarkdownField = "editedMarkdown";

/** What is saved: the form as read, and the edited text when the form sends one (or the state holds it). */
export function savedStateOf(state: FormState, src: FormSource): SavedDraftState {
  const held = (state as FormState & { editedMarkdown?: unknown }).editedMarkdown;
  const edited = typeof held === "string" ? held : lastValue(src, editedMarkdownField);
  return {
    template: state.template,
    kommun: state.kommun,
    signers: state.signers.map((r) => ({ name: r.name, party: r.party, partyOther: r.partyOther, role: r.role })),
    date: state.date,
    inputs: { ...state.inputs },
    arguments: [...state.arguments],
    ...(edited ? { editedMarkdown: edited } : {}),
  };
}

/** The form prefilled from a saved state (the edited text too, for a form that takes it). */
export function formStateOf(saved: SavedDraftState): FormState {
  return {
    template: saved.template,
    kommun: saved.kommun,
    signers: saved.signers.length
      ? saved.signers.map((r) => ({ ...r }))
      : [{ name: "", party: "", partyOther: "", role: "" }],
    date: saved.date,
    inputs: { ...saved.inputs },
    arguments: [...saved.arguments],
    ...(saved.editedMarkdown !== undefined ? { editedMarkdown: saved.editedMarkdown } : {}),
  };
}
