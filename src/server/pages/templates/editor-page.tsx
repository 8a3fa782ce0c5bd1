/**
 * The template editor: the template's whole text (with line numbers and, with the script, the
 * caret's line and column), the municipality and date of the preview, "Kontrollera" (the
 * check's problems at their lines), "Förhandsgranska" and "Spara"; the preview beside it.
 */
import type { TemplateTextCheck } from "../../../compose/template-text.js";
import { sv } from "../../messages.sv.js";
import { Layout } from "../frame/layout.js";
import { control, Field, type FieldErrors, SubmitButton } from "../kit/form.js";
import { MunicipalityInput, MunicipalityList } from "../kit/parts.js";
import { editorIds } from "./ids.js";
import { templatePaths } from "./links.js";
import { CheckResult } from "./problems.js";
import { TemplatePreviewPanel, type TemplatePreview } from "./preview.js";
import type { EditorState } from "./state.js";

const t = sv.staff.templates;
const none: FieldErrors = new Map();

/** "1\n2\n…" for the gutter beside the text (the script keeps it in step as lines come and go). */
const lineNumbers = (text: string) =>
  Array.from({ length: text.split("\n").length }, (_, i) => String(i + 1)).join("\n");

export function TemplateEditorPage(props: {
  state: EditorState;
  check?: TemplateTextCheck | undefined;
  preview: TemplatePreview;
  /** Why the last "Spara" wrote nothing, in Swedish. */
  refused?: string | undefined;
}) {
  const { state, check, preview, refused } = props;
  const e = t.editor;
  const title = state.editing ? e.titleEdit(state.editing) : e.titleNew;
  const text = "text";
  return (
    <Layout title={title} section="none" bodyClass="template-editor-page">
      <p class="breadcrumb">
        <a href={templatePaths.list}>{e.back}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{e.intro}</p>
      {refused && (
        <div class="notice notice-error" role="alert">
          <p>{refused}</p>
        </div>
      )}
      <div class="draft-layout editor-layout">
        <div>
          <form
            method="post"
            action={templatePaths.editor}
            class="stack"
            id="mall-formular"
            novalidate
            data-template-editor
          >
            <input type="hidden" name="editing" value={state.editing} />
            <div class="field">
              <label for={editorIds.field(text)}>{e.text}</label>
              <p class="help" id={editorIds.help(text)}>
                {e.textHelp}
              </p>
              <div class="code-editor">
                <pre class="line-numbers" aria-hidden="true" data-line-numbers>
                  {lineNumbers(state.text)}
                </pre>
                <textarea
                  name={text}
                  rows={28}
                  wrap="off"
                  spellcheck={false}
                  autocapitalize="off"
                  autocomplete="off"
                  data-template-text
                  {...control(editorIds, text, none, true)}
                  aria-describedby={`${editorIds.help(text)} m-position`}
                >
                  {/* The parser drops one line break after <textarea>: this one, not the text's. */}
                  {`\n${state.text}`}
                </textarea>
              </div>
              <p class="editor-position" id="m-position" data-position-pattern={e.positionPattern} hidden></p>
            </div>
            <div class="editor-preview-fields">
              <Field ids={editorIds} k="kommun" label={e.kommun} help={e.kommunHelp} errors={none}>
                <MunicipalityInput value={state.kommun} attrs={control(editorIds, "kommun", none, true)} />
              </Field>
              <MunicipalityList />
              <Field ids={editorIds} k="datum" label={e.date} help={e.dateHelp} errors={none}>
                <input
                  type="date"
                  name="datum"
                  value={state.datum}
                  class="input-short"
                  {...control(editorIds, "datum", none, true)}
                />
              </Field>
            </div>
            <div class="actions">
              <div class="downloads">
                <SubmitButton name="atgard" value="kontrollera">
                  {e.check}
                </SubmitButton>
                <SubmitButton name="atgard" value="forhandsgranska" secondary>
                  {e.preview}
                </SubmitButton>
                <SubmitButton name="atgard" value="spara" attrs={{ "aria-describedby": "spara-hjalp" }}>
                  {e.save}
                </SubmitButton>
              </div>
              <p class="help" id="spara-hjalp">
                {e.saveHelp}
              </p>
            </div>
          </form>
          <CheckResult check={check} />
        </div>
        <TemplatePreviewPanel model={preview} />
      </div>
    </Layout>
  );
}
