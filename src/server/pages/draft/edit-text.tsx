/**
 * "Redigera texten" on the draft form: the body in a textarea (the form field `editedMarkdown`,
 * so it works without script), "Återställ texten", and the step that says which edits a change
 * of template or municipality would discard before it discards them. The core reads and checks
 * the edited text (compose/edited-body.ts); this is only its place on the page.
 */
import { editedParagraphs, textStart } from "../../../compose/edited-body.js";
import { findMunicipality } from "../../../data/places.js";
import { isMotioneraError } from "../../../domain/errors.js";
import type { Workspace } from "../../../workspace.js";
import { sv } from "../../messages.sv.js";
import { control, Err, fieldClass, Help, Label, SubmitButton, type FieldErrors } from "../kit/form.js";
import { checkForm, draftIds } from "./check.js";
import { isEdited, type FormState } from "./state.js";

const t = sv.editText;
const ids = draftIds;
const k = "editedMarkdown";

/** What a change of template or municipality would discard of an edited text. */
export interface EditConflict {
  template: boolean;
  kommun: boolean;
  /** The paragraphs the user wrote or changed, and the template's paragraphs the user deleted. */
  changed: string[];
  removed: string[];
  /** What the text was edited for: the template's title and the municipality. */
  fromTemplate: string;
  fromKommun: string;
}

function samePlace(a: string, b: string): boolean {
  try {
    return findMunicipality(a).code === findMunicipality(b).code;
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    return a.trim().toLowerCase() === b.trim().toLowerCase();
  }
}

const noEdits = (state: FormState): FormState => ({
  ...state,
  editedMarkdown: "",
  editedFrom: { template: "", kommun: "", notes: [] },
});

/** The template's text for the form as it was when the text was edited ("" when it cannot be composed). */
async function originalText(ws: Workspace, state: FormState): Promise<string> {
  const before = noEdits({ ...state, template: state.editedFrom.template, kommun: state.editedFrom.kommun });
  const checked = await checkForm(before, ws, { placeholderSigner: sv.preview.placeholderSigner });
  if (!checked.request) return "";
  try {
    return (await ws.compose(checked.request)).editable.markdown;
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    return "";
  }
}

/**
 * The form with its edits settled against its template and municipality: unchanged when they
 * are the ones the text was edited for; without the edits when nothing was really edited; else
 * with the conflict the page asks about before anything is discarded.
 */
export async function settleEdits(
  ws: Workspace,
  state: FormState,
): Promise<{ state: FormState; conflict?: EditConflict }> {
  const from = state.editedFrom;
  if (!isEdited(state) || !from.template) return { state };
  const template = state.template !== from.template;
  const kommun = !samePlace(state.kommun, from.kommun);
  if (!template && !kommun) return { state };
  const original = await originalText(ws, state);
  const { changed, removed } = editedParagraphs(state.editedMarkdown, original);
  if (original !== "" && changed.length === 0 && removed.length === 0) return { state: noEdits(state) };
  const lib = await ws.templates();
  let fromTemplate = from.template;
  try {
    fromTemplate = lib.get(from.template).frontMatter.title;
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
  }
  return { state, conflict: { template, kommun, changed, removed, fromTemplate, fromKommun: from.kommun } };
}

const excerpt = (paragraph: string) => textStart(paragraph, 90);

/** The question before edits are discarded; its buttons belong to the draft form (form="utkast"). */
export function EditConflictPanel({ conflict }: { conflict: EditConflict }) {
  const c = t.conflict;
  const changed = conflict.template && conflict.kommun ? "both" : conflict.template ? "template" : "kommun";
  const what = { both: c.templateAndKommun, template: c.template, kommun: c.kommun }[changed];
  return (
    <section class="edit-conflict" aria-labelledby="andringar-rubrik" data-edit-conflict>
      <h2 id="andringar-rubrik">{c.heading}</h2>
      <p>{`${what} ${c.intro(changed)}`}</p>
      <ul>
        {conflict.changed.map((p) => (
          <li>{c.changed(excerpt(p))}</li>
        ))}
        {conflict.removed.map((p) => (
          <li>{c.removed(excerpt(p))}</li>
        ))}
      </ul>
      <div class="edit-conflict-actions">
        <button type="submit" form="utkast" name="discardEdits" value="1" class="button" formnovalidate>
          {c.discard}
        </button>
        <button type="submit" form="utkast" name="keepEdits" value="1" class="button secondary" formnovalidate>
          {c.keep(conflict.fromTemplate, conflict.fromKommun)}
        </button>
      </div>
    </section>
  );
}

/** The text's place in the form: the button that opens the editor, or the editor with its hidden origin. */
export function EditTextFieldset(props: {
  state: FormState;
  errors: FieldErrors;
  /** What each note number of the text stands for (from the preview's composition), when known. */
  noteTexts?: string[] | undefined;
}) {
  const { state, errors, noteTexts } = props;
  if (!isEdited(state))
    return (
      <fieldset class="group edit-text">
        <legend>{t.legend}</legend>
        <p class="help" id="redigera-hjalp">
          {t.startHelp}
        </p>
        <SubmitButton
          name="editText"
          value="1"
          secondary
          attrs={{ "aria-describedby": "redigera-hjalp", formnovalidate: "", "data-action": "edit-text" }}
        >
          {t.start}
        </SubmitButton>
      </fieldset>
    );
  const rows = Math.min(40, Math.max(12, state.editedMarkdown.split("\n").length + 2));
  return (
    <fieldset class="group edit-text" data-edit-text>
      <legend>{t.legend}</legend>
      <div class={fieldClass(k, errors)}>
        <Label ids={ids} k={k} label={t.label} />
        <Help ids={ids} k={k} text={t.help} />
        <Err ids={ids} k={k} errors={errors} />
        <textarea name={k} rows={rows} spellcheck lang="sv" data-edited-text {...control(ids, k, errors, true)}>
          {state.editedMarkdown}
        </textarea>
      </div>
      {noteTexts && noteTexts.length > 0 && (
        <details class="edit-text-notes">
          <summary>{t.notesSummary(noteTexts.length)}</summary>
          <ul>
            {noteTexts.map((text, i) => (
              <li>
                <code>{`[^${i + 1}]`}</code> {text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <input type="hidden" name="editedFrom.template" value={state.editedFrom.template} />
      <input type="hidden" name="editedFrom.kommun" value={state.editedFrom.kommun} />
      <input type="hidden" name="editedFrom.notes" value={state.editedFrom.notes.join(" ")} />
      <p class="help" id="aterstall-hjalp">
        {t.resetHelp}
      </p>
      <SubmitButton
        name="resetText"
        value="1"
        secondary
        attrs={{ "aria-describedby": "aterstall-hjalp", formnovalidate: "", "data-action": "reset-text" }}
      >
        {t.reset}
      </SubmitButton>
    </fieldset>
  );
}

/**
 * "Redigera texten" pressed: the form with the composed body in its editor, made for the form's
 * template and municipality (unchanged when the form cannot be composed yet: its errors show).
 */
export async function startEditing(ws: Workspace, state: FormState): Promise<FormState> {
  const checked = await checkForm(state, ws, { placeholderSigner: sv.preview.placeholderSigner });
  if (!checked.request) return state;
  try {
    const { editable } = await ws.compose(checked.request);
    return {
      ...state,
      editedMarkdown: editable.markdown,
      editedFrom: { template: state.template, kommun: state.kommun, notes: editable.notes },
    };
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    return state;
  }
}
