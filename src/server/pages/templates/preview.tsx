/**
 * The editor's live preview: the template as it stands in the text field (saved or not)
 * composed for the chosen municipality and shown as the draft form's preview shows a draft —
 * the places to fill in, the "kontrollera" items, the notes. A template with an error shows
 * its problems instead, each linked to its line.
 */
import { previewInputs } from "../../../compose/template-text.js";
import type { TemplateProblem } from "../../../compose/template-lint.js";
import type { TemplateTextCheck } from "../../../compose/template-text.js";
import { isMotioneraError, type DraftReview } from "../../../domain/errors.js";
import { errorProblems } from "../../../domain/field-problem.js";
import { explainError } from "../../../messages.sv.js";
import type { Workspace } from "../../../workspace.js";
import { sv } from "../../messages.sv.js";
import { nestHeadings, PreviewedDraft, PreviewFrame, PreviewHint } from "../draft/preview.js";
import { CheckContent, ProblemList } from "./problems.js";
import { templatePaths } from "./links.js";
import type { EditorState } from "./state.js";

const t = sv.staff.templates.preview;

export type TemplatePreview =
  | { kind: "hint"; text: string }
  | { kind: "template-errors"; errors: TemplateProblem[]; warnings: TemplateProblem[] }
  | { kind: "draft-errors"; texts: string[] }
  | { kind: "draft"; html: string; review: DraftReview; filled: string[] };

/** The preview of the editor's text; `check` when the caller has already checked it. */
export async function templatePreview(
  ws: Workspace,
  state: EditorState,
  check?: TemplateTextCheck,
): Promise<TemplatePreview> {
  if (!state.kommun) return { kind: "hint", text: sv.preview.chooseKommun };
  const checked = check ?? (await ws.checkTemplateText(state.text, state.editing || undefined));
  if (!checked.template) return { kind: "template-errors", errors: checked.errors, warnings: checked.warnings };
  const { values, filled } = previewInputs(checked.template, {}, t.fill);
  try {
    const composed = await ws.composeTemplateText(state.text, {
      municipality: state.kommun,
      authors: [{ name: sv.preview.placeholderSigner }],
      ...(state.datum ? { date: state.datum } : {}),
      inputs: values,
    });
    const { renderHtml } = await import("../../../render/html.js");
    const html = nestHeadings(renderHtml(composed.draft, { fragment: true }));
    return { kind: "draft", html, review: composed.review, filled };
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    return { kind: "draft-errors", texts: errorProblems(e).map((p) => explainError(p.details)) };
  }
}

export function TemplatePreviewContent({ model }: { model: TemplatePreview }) {
  switch (model.kind) {
    case "hint":
      return <PreviewHint text={model.text} />;
    case "template-errors":
      return (
        <div class="preview-errors">
          <p>{t.cannot}</p>
          <ProblemList errors={model.errors} warnings={[]} />
        </div>
      );
    case "draft-errors":
      return (
        <div class="preview-errors">
          <p>{t.draftProblems}</p>
          <ul>
            {model.texts.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </div>
      );
    case "draft":
      return (
        <PreviewedDraft
          notes={[sv.preview.placeholderNote, ...(model.filled.length > 0 ? [t.filled(model.filled)] : [])]}
          review={model.review}
          html={model.html}
        />
      );
  }
}

/**
 * The preview fragment: the preview, and the check of the same text, which the script moves
 * into "Kontroll" so it never describes an older text than the preview.
 */
export function TemplatePreviewFragment({ model, check }: { model: TemplatePreview; check: TemplateTextCheck }) {
  return (
    <>
      <TemplatePreviewContent model={model} />
      <template data-check-for-editor>
        <CheckContent check={check} />
      </template>
    </>
  );
}

export function TemplatePreviewPanel({ model }: { model: TemplatePreview }) {
  return (
    <PreviewFrame urlAttribute="data-template-preview-url" url={templatePaths.previewFragment} backTo="#mall-formular">
      <TemplatePreviewContent model={model} />
    </PreviewFrame>
  );
}
