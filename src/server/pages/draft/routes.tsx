/**
 * The draft form's routes: GET / (the form; template change, more rows and "Ta bort" are
 * GETs that keep what was typed), POST /utkast (preview or download), and the two fragments
 * the script fetches (facts panel, preview).
 */
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { draftDownload, renderDraftFor } from "../../drafting.js";
import { webFactWording } from "../../fact-wording.js";
import { findMunicipality } from "../../../data/places.js";
import { isMotioneraError } from "../../../domain/errors.js";
import type { Place } from "../../../domain/municipality.js";
import { todayInSweden } from "../../../lang/dates.js";
import type { Format } from "../../../render/index.js";
import { errorProblems } from "../../../domain/field-problem.js";
import type { FieldErrors } from "../kit/form.js";
import { sourceFromBody, sourceFromQuery } from "../kit/form-source.js";
import { checkForm, errorsOf, sortErrors } from "./check.js";
import { readForm, type FormState } from "./state.js";
import { DraftPage } from "./page.js";
import { takesArguments } from "../../../compose/check-draft.js";
import { argumentGroups } from "../../../corpus/argument-groups.js";
import { factLines, FactsPanelContent } from "./facts-panel.js";
import { FactPickerList, pickerLines, takesFactReferences } from "./fact-picker.js";
import { sendFragment, sendPage } from "../frame/layout.js";
import { draftHref, paths } from "../frame/links.js";
import { savedFactParam } from "../add-fact/paths.js";
import { savedFactFor } from "../add-fact/saved-notice.js";
import { PreviewContent, previewFor, type PreviewModel } from "./preview.js";
import { formGuards } from "../frame/guards.js";
import { sv } from "../../messages.sv.js";
import { sendErrorPage } from "../frame/error-page.js";
import { BrokenTemplates } from "../kit/parts.js";
import type { Child } from "hono/jsx";
import { defaultSaveControls, knownAtOf } from "../saved-draft/form-hooks.js";
import { settleEdits, startEditing } from "./edit-text.js";

const downloadFormats: readonly Format[] = ["docx", "pdf", "md"];

/** The nearest municipality names for a name that is none (empty for a known or empty name). */
function suggestionsFor(kommun: string): string[] {
  if (!kommun) return [];
  try {
    findMunicipality(kommun);
    return [];
  } catch (e) {
    if (isMotioneraError(e) && e.details.code === "unknown_municipality") return e.details.suggestions;
    throw e;
  }
}

function placeOf(kommun: string): Place | undefined {
  if (!kommun) return undefined;
  try {
    return findMunicipality(kommun);
  } catch (e) {
    if (isMotioneraError(e)) return undefined;
    throw e;
  }
}

/** The templates that can be used (a broken one is left out and named on the page). */
async function defaults(ctx: ServerContext) {
  const lib = await ctx.workspace.templates();
  const { templates: all, broken } = lib.usable();
  return { lib, all, broken, opts: { defaultTemplate: all[0]?.frontMatter.id ?? "", today: todayInSweden() } };
}

/** What a page built on the form adds to it (a saved draft's page); without: the form's own saving controls. */
export interface FormExtras {
  beforeForm?: Child;
  formEnd?: Child;
  /** The preview with only the facts recorded by this instant (a saved draft "as when saved"). */
  knownAt?: string | undefined;
  /** Where the form posts, when not /utkast (a saved draft's page keeps the user on it). */
  formAction?: string | undefined;
}

export async function renderForm(
  c: Context<AppEnv>,
  ctx: ServerContext,
  state: FormState,
  errors: FieldErrors,
  status: number,
  preview?: PreviewModel,
  savedKey?: string,
  extras?: FormExtras,
): Promise<Response> {
  const ws = ctx.workspace;
  const { lib, all, broken } = await defaults(ctx);
  if (all.length === 0)
    return sendErrorPage(c, 503, { ...sv.templateFaults.noneUsable, children: <BrokenTemplates broken={broken} /> });
  let template = all.find((x) => x.frontMatter.id === state.template);
  if (!template) {
    try {
      lib.get(state.template);
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      errors = new Map([...errorsOf(errorProblems(e), state, undefined), ...errors]);
    }
    template = all[0]!;
    state = { ...state, template: template.frontMatter.id };
  }
  errors = sortErrors(errors, template);
  // Edits made for another template or municipality are asked about before they go.
  const settled = await settleEdits(ws, state);
  state = settled.state;
  if (settled.conflict) preview = { kind: "hint", text: sv.editText.conflict.heading };
  const place = placeOf(state.kommun);
  const registry = extras?.knownAt ? (await ws.facts()).recordedBy(extras.knownAt) : await ws.facts();
  const lines = place ? factLines(registry, template, place, todayInSweden()) : undefined;
  const groups = takesArguments(template)
    ? argumentGroups(template.frontMatter.topics, await ws.store.documents())
    : null;
  const knownAt = extras?.knownAt;
  const model = preview ?? (await previewFor(ws, state, knownAt ? { knownAt } : {}));
  // The editor shows the text as composing read it: its note marks numbered as the notes are.
  if (model.kind === "draft" && model.editable?.edited)
    state = {
      ...state,
      editedMarkdown: model.editable.markdown,
      editedFrom: { ...state.editedFrom, notes: model.editable.notes },
    };
  const picker = takesFactReferences(template) ? pickerLines(await ws.catalog(), await ws.facts(), place) : undefined;
  return sendPage(
    c,
    <DraftPage
      templates={all}
      broken={broken}
      template={template}
      state={state}
      errors={errors}
      place={place}
      factLines={lines}
      groups={groups}
      preview={model}
      picker={picker}
      savedFact={savedFactFor(savedKey, await ws.catalog(), place)}
      beforeForm={extras?.beforeForm}
      formEnd={extras?.formEnd ?? (await defaultSaveControls(c, knownAt))}
      formAction={extras?.formAction}
      editConflict={settled.conflict}
    />,
    status,
  );
}

export function registerDraftPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  for (const path of [paths.download, paths.previewFragment]) app.use(path, ...formGuards(ctx));

  app.get(paths.draft, async (c) => {
    const { opts } = await defaults(ctx);
    const state = readForm(sourceFromQuery(new URL(c.req.url).searchParams), opts);
    return renderForm(c, ctx, state, new Map(), 200, undefined, c.req.query(savedFactParam));
  });

  app.post(paths.download, (c) => postDraftForm(c, ctx));
  // After a form error the address is /utkast; going there again starts the form afresh.
  app.get(paths.download, (c) => c.redirect(paths.draft, 303));

  app.get(paths.factsFragment, async (c) => {
    const { lib, opts } = await defaults(ctx);
    const kommun = (c.req.query("kommun") ?? "").trim();
    let template: ReturnType<typeof lib.get>;
    try {
      template = lib.get(c.req.query("template") || opts.defaultTemplate);
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      return sendFragment(c, <FactsPanelContent kommun={kommun} />, 404);
    }
    const place = placeOf(kommun);
    const lines = place ? factLines(await ctx.workspace.facts(), template, place, todayInSweden()) : undefined;
    const suggestions = place ? [] : suggestionsFor(kommun);
    const returnTo = draftHref({ template: template.frontMatter.id, kommun });
    return sendFragment(
      c,
      <FactsPanelContent kommun={kommun} place={place} lines={lines} suggestions={suggestions} returnTo={returnTo} />,
    );
  });

  app.get(paths.pickerFragment, async (c) => {
    const place = placeOf((c.req.query("kommun") ?? "").trim());
    const lines = pickerLines(await ctx.workspace.catalog(), await ctx.workspace.facts(), place);
    return sendFragment(c, <FactPickerList lines={lines} place={place} />);
  });

  app.post(paths.previewFragment, async (c) => {
    const { opts } = await defaults(ctx);
    const src = sourceFromBody(await c.req.parseBody({ all: true }));
    const state = readForm(src, opts);
    const knownAt = knownAtOf(src);
    const model = await previewFor(ctx.workspace, state, knownAt ? { knownAt } : {});
    return sendFragment(c, <PreviewContent model={model} />);
  });
}

/**
 * The draft form posted: "Förhandsgranska" (the form again with its preview), "Redigera texten",
 * or a download. `around` gives what surrounds the form (a saved draft's page: its panel, its
 * controls and its own address, so the user stays on it); the facts' instant comes from the form.
 */
export async function postDraftForm(
  c: Context<AppEnv>,
  ctx: ServerContext,
  around?: (state: FormState, knownAt: string | undefined) => Promise<FormExtras>,
): Promise<Response> {
  const { opts } = await defaults(ctx);
  const body = await c.req.parseBody({ all: true });
  const src = sourceFromBody(body);
  let state = readForm(src, opts);
  const knownAt = knownAtOf(src);
  const extras = { ...(around ? await around(state, knownAt) : {}), knownAt };
  const format = src.all("format").at(-1) ?? "preview";
  // "Redigera texten": the form again, with the composed text in its editor.
  if (src.all("editText").length > 0) state = await startEditing(ctx.workspace, state);
  const settled = await settleEdits(ctx.workspace, state);
  if (settled.conflict) return renderForm(c, ctx, state, new Map(), 200, undefined, undefined, extras);
  state = settled.state;
  const checked = await checkForm(state, ctx.workspace, knownAt ? { knownAt } : {});
  if (!checked.request)
    return renderForm(
      c,
      ctx,
      state,
      checked.errors,
      422,
      { kind: "hint", text: sv.preview.fixErrors },
      undefined,
      extras,
    );
  if (!(downloadFormats as readonly string[]).includes(format))
    return renderForm(c, ctx, state, new Map(), 200, undefined, undefined, extras);
  try {
    const wording = webFactWording(new URL(c.req.url).origin);
    const r = await renderDraftFor(ctx.workspace, checked.request, format as Format, ctx.render, {
      ...(knownAt ? { knownAt } : {}),
      wording,
    });
    return draftDownload(c, r, wording);
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    // A template fault found only when drafting (at render time) is shown like any other.
    const errors = errorsOf(errorProblems(e), state, checked.template);
    return renderForm(c, ctx, state, errors, 422, { kind: "hint", text: sv.preview.fixErrors }, undefined, extras);
  }
}
