/** The live preview: the draft as our HTML writer renders it, or what stops it. */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { renderDraftFor } from "../../drafting.js";
import { isMotioneraError, type DraftReview } from "../../../domain/errors.js";
import type { DraftOptions, Workspace } from "../../../workspace.js";
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

/** `options.knownAt`: with only the facts recorded by then (a saved draft "as when it was saved"). */
export async function previewFor(ws: Workspace, state: FormState, options: DraftOptions = {}): Promise<PreviewModel> {
  if (!state.kommun) return { kind: "hint", text: sv.preview.chooseKommun };
  const checked = await checkForm(state, ws, { placeholderSigner: sv.preview.placeholderSigner, ...options });
  if (!checked.request) return { kind: "errors", errors: checked.errors };
  try {
    const r = await renderDraftFor(ws, checked.request, "html-fragment", undefined, options);
    const placeholder =
      checked.request.authors.length === 1 && checked.request.authors[0]!.name === sv.preview.placeholderSigner;
    return { kind: "draft", html: nestHeadings(String(r.body)), placeholder, review: r.review };
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    return { kind: "errors", errors: errorsOf(errorProblems(e), state, checked.template) };
  }
}

/** A draft as a preview shows it: the notes, the review's list, what else goes first, the draft. */
export function PreviewedDraft(props: { notes: string[]; review: DraftReview; html: string; children?: Child }) {
  return (
    <>
      {props.notes.map((note) => (
        <p class="preview-note">{note}</p>
      ))}
      <ReviewBox review={props.review} id="granska" />
      {props.children}
      {raw(props.html)}
    </>
  );
}

export const PreviewHint = ({ text }: { text: string }) => <p class="preview-hint">{text}</p>;

export function PreviewContent({ model }: { model: PreviewModel }) {
  switch (model.kind) {
    case "hint":
      return <PreviewHint text={model.text} />;
    case "errors":
      return (
        <div class="preview-errors">
          <p>{sv.preview.cannot}</p>
          <ErrorLinks ids={draftIds} errors={model.errors} />
        </div>
      );
    case "draft":
      return (
        <PreviewedDraft
          notes={model.placeholder ? [sv.preview.placeholderNote] : []}
          review={model.review}
          html={model.html}
        >
          {/* The same list for the facts panel: the script moves it there
              (without script the page renders it in place). */}
          <template data-review-for-facts>
            <ReviewBox review={model.review} id="granska-fakta" />
          </template>
        </PreviewedDraft>
      );
  }
}

/**
 * The preview's panel: its heading, the status the script sets, and the preview that the
 * script refreshes from the URL in `urlAttribute`.
 */
export function PreviewFrame(props: { urlAttribute: string; url: string; backTo: string; children: Child }) {
  return (
    <section class="preview-panel" aria-labelledby="forhandsvisning-rubrik" tabindex={0}>
      <div class="preview-head">
        <h2 id="forhandsvisning-rubrik">{sv.preview.heading}</h2>
        <p class="preview-status" data-preview-status aria-hidden="true"></p>
        <a class="narrow-only" href={props.backTo}>
          {sv.preview.backToForm}
        </a>
      </div>
      <div
        id="forhandsvisning"
        class="preview"
        aria-live="polite"
        {...{ [props.urlAttribute]: props.url }}
        data-loading={sv.preview.loading}
        data-failed={sv.preview.failed}
      >
        {props.children}
      </div>
    </section>
  );
}

export function PreviewPanel({ model, url }: { model: PreviewModel; url: string }) {
  return (
    <PreviewFrame urlAttribute="data-preview-url" url={url} backTo="#utkast">
      <PreviewContent model={model} />
    </PreviewFrame>
  );
}
