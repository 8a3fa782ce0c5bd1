/** The live preview: the draft as our HTML writer renders it, or what stops it. */
import { raw } from "hono/html";
import { renderDraftFor } from "../../drafting.js";
import { isMotioneraError, type DraftReview } from "../../../domain/errors.js";
import type { Workspace } from "../../../workspace.js";
import { sv } from "../../messages.sv.js";
import { ReviewBox } from "./review.js";
import { errorProblems } from "../../../domain/field-problem.js";
import { ErrorLinks, type FieldErrors } from "../kit/form.js";
import { checkForm, draftIds, errorsOf } from "./check.js";
import type { FormState } from "./state.js";

export type PreviewModel =
  | { kind: "draft"; html: string; placeholder: boolean; review: DraftReview }
  | { kind: "hint"; text: string }
  | { kind: "errors"; errors: FieldErrors };

/**
 * Our writer's headings start at h1; inside the page they sit under "Förhandsvisning" (h2),
 * so each level moves down two. The writer escapes all text, so a tag is always a tag.
 */
export function nestHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-4])(?=[\s>])/g, (_, slash: string, n: string) => `<${slash}h${Number(n) + 2}`);
}

export async function previewFor(ws: Workspace, state: FormState): Promise<PreviewModel> {
  if (!state.kommun) return { kind: "hint", text: sv.preview.chooseKommun };
  const checked = await checkForm(state, ws, { placeholderSigner: sv.preview.placeholderSigner });
  if (!checked.request) return { kind: "errors", errors: checked.errors };
  try {
    const r = await renderDraftFor(ws, checked.request, "html-fragment");
    const placeholder =
      checked.request.authors.length === 1 && checked.request.authors[0]!.name === sv.preview.placeholderSigner;
    return { kind: "draft", html: nestHeadings(String(r.body)), placeholder, review: r.review };
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    return { kind: "errors", errors: errorsOf(errorProblems(e), state, checked.template) };
  }
}

export function PreviewContent({ model }: { model: PreviewModel }) {
  switch (model.kind) {
    case "hint":
      return <p class="preview-hint">{model.text}</p>;
    case "errors":
      return (
        <div class="preview-errors">
          <p>{sv.preview.cannot}</p>
          <ErrorLinks ids={draftIds} errors={model.errors} />
        </div>
      );
    case "draft":
      return (
        <>
          {model.placeholder && <p class="preview-note">{sv.preview.placeholderNote}</p>}
          <ReviewBox review={model.review} id="granska" />
          {/* The same list for the facts panel: the script moves it there
              (without script the page renders it in place). */}
          <template data-review-for-facts>
            <ReviewBox review={model.review} id="granska-fakta" />
          </template>
          {raw(model.html)}
        </>
      );
  }
}

export function PreviewPanel({ model, url }: { model: PreviewModel; url: string }) {
  return (
    <section class="preview-panel" aria-labelledby="forhandsvisning-rubrik" tabindex={0}>
      <div class="preview-head">
        <h2 id="forhandsvisning-rubrik">{sv.preview.heading}</h2>
        <p class="preview-status" data-preview-status aria-hidden="true"></p>
      </div>
      <div
        id="forhandsvisning"
        class="preview"
        aria-live="polite"
        data-preview-url={url}
        data-loading={sv.preview.loading}
        data-failed={sv.preview.failed}
      >
        <PreviewContent model={model} />
      </div>
    </section>
  );
}
