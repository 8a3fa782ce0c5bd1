/**
 * The template pages (staff only; every post passes the CSRF guard of /personal/*):
 *
 *   GET  /personal/mallar                   the library, "Ny mall", "Ladda upp" (?sparad=id after a save)
 *   GET  /personal/mallar/ny?id=…&typ=…     the editor with the starter of a kind
 *   POST /personal/mallar/ladda-upp         an uploaded file in the editor (nothing saved)
 *   GET  /personal/mallar/redigera/:id      the editor with a template of the library
 *   POST /personal/mallar/redigera          Kontrollera, Förhandsgranska, Spara
 *   POST /personal/mallar/forhandsvisning   the editor's preview, for the script
 *
 * The routes translate; checking, composing and saving a template's text are the workspace's.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { maxTemplateBytes } from "../../../compose/template-library.js";
import { starterTemplate } from "../../../compose/template-starter.js";
import type { DocumentKind } from "../../../domain/draft.js";
import { documentKinds, templateIdPattern } from "../../../domain/template.js";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { sv } from "../../messages.sv.js";
import { sendErrorPage } from "../frame/error-page.js";
import { sendFragment, sendPage } from "../frame/layout.js";
import { sourceFromBody } from "../kit/form-source.js";
import type { FieldErrors } from "../kit/form.js";
import { staffOnly } from "../staff/routes.js";
import { TemplateEditorPage } from "./editor-page.js";
import { savedHref, templatePaths } from "./links.js";
import { listRows, TemplateListPage } from "./list-page.js";
import { templatePreview, TemplatePreviewFragment } from "./preview.js";
import { normalizeText, readEditor, type EditorState } from "./state.js";

const t = sv.staff.templates;

async function listPage(
  c: Context<AppEnv>,
  ctx: ServerContext,
  opts: { create?: { id: string; kind: string; errors: FieldErrors }; uploadErrors?: FieldErrors; saved?: string },
  status = 200,
): Promise<Response> {
  const lib = await ctx.workspace.templates();
  const { templates, broken } = lib.usable();
  const rows = listRows(templates, broken, (id) => lib.entry(id)?.kind ?? "");
  const savedTemplate = opts.saved ? templates.find((x) => x.frontMatter.id === opts.saved) : undefined;
  // The warnings of the template just saved (a template with an error is never saved).
  const stored = savedTemplate ? await ctx.workspace.templateText(savedTemplate.frontMatter.id) : undefined;
  const warnings = stored ? (await ctx.workspace.checkTemplateText(stored.text, stored.id)).warnings : [];
  return sendPage(
    c,
    <TemplateListPage
      rows={rows}
      saved={savedTemplate && { id: savedTemplate.frontMatter.id, title: savedTemplate.frontMatter.title, warnings }}
      create={opts.create ?? { id: "", kind: "motion", errors: new Map() }}
      uploadErrors={opts.uploadErrors ?? new Map()}
    />,
    status,
  );
}

/** The editor with `state`'s text checked and previewed; `refused` says why a save wrote nothing. */
async function editorPage(
  c: Context<AppEnv>,
  ctx: ServerContext,
  state: EditorState,
  status = 200,
  refused?: string,
): Promise<Response> {
  const check = await ctx.workspace.checkTemplateText(state.text, state.editing || undefined);
  const preview = await templatePreview(ctx.workspace, state, check);
  return sendPage(c, <TemplateEditorPage state={state} check={check} preview={preview} refused={refused} />, status);
}

const fresh = (text: string, editing = ""): EditorState => ({ text, editing, kommun: "", datum: "" });

/** An uploaded file's text, or why it cannot be read. */
async function uploadedText(file: unknown): Promise<{ text: string } | { error: string }> {
  if (!(file instanceof File) || file.size === 0) return { error: t.upload.noFile };
  if (file.size > maxTemplateBytes) return { error: t.upload.tooLarge(Math.ceil(file.size / 1024)) };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    return { text: normalizeText(text.replace(/^\uFEFF/, "")) };
  } catch {
    return { error: t.upload.notText };
  }
}

export function registerTemplatePages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.use(`${templatePaths.list}/*`, staffOnly);
  app.use(templatePaths.list, staffOnly);

  app.get(templatePaths.list, (c) => listPage(c, ctx, { saved: c.req.query("sparad") ?? "" }));

  app.get(templatePaths.create, async (c) => {
    const id = (c.req.query("id") ?? "").trim();
    const kind = c.req.query("typ") ?? "";
    const errors: FieldErrors = new Map();
    if (!templateIdPattern.test(id) || id.length > 100) errors.set("id", { text: t.create.badId });
    else if ((await ctx.workspace.templates()).ids().includes(id)) errors.set("id", { text: t.create.taken(id) });
    if (!(documentKinds as readonly string[]).includes(kind)) errors.set("typ", { text: t.create.badKind });
    if (errors.size > 0) return listPage(c, ctx, { create: { id, kind, errors: labelled(errors) } }, 422);
    return editorPage(c, ctx, fresh(starterTemplate(id, kind as DocumentKind)));
  });

  app.post(templatePaths.upload, async (c) => {
    const body = await c.req.parseBody();
    const got = await uploadedText(body.fil);
    if ("error" in got)
      return listPage(c, ctx, { uploadErrors: new Map([["fil", { text: got.error, label: t.upload.file }]]) }, 422);
    return editorPage(c, ctx, fresh(got.text));
  });

  app.get(`${templatePaths.editor}/:id`, async (c) => {
    const id = c.req.param("id");
    const stored = await ctx.workspace.templateText(id);
    if (!stored) return sendErrorPage(c, 404, t.notFound);
    return editorPage(c, ctx, fresh(normalizeText(stored.text), stored.id));
  });

  app.post(templatePaths.editor, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const state = readEditor(sourceFromBody(body));
    const action = sourceFromBody(body).all("atgard").at(-1) ?? "kontrollera";
    if (action !== "spara") return editorPage(c, ctx, state);
    const result = await ctx.workspace.saveTemplate(state.text, state.editing || undefined);
    if (result.saved) return c.redirect(savedHref(result.id), 303);
    const refused = "unwritable" in result ? t.saveRefused.unwritable(result.unwritable) : t.saveRefused.errors;
    return editorPage(c, ctx, state, "unwritable" in result ? 503 : 422, refused);
  });

  app.post(templatePaths.previewFragment, async (c) => {
    const state = readEditor(sourceFromBody(await c.req.parseBody({ all: true })));
    const check = await ctx.workspace.checkTemplateText(state.text, state.editing || undefined);
    const model = await templatePreview(ctx.workspace, state, check);
    return sendFragment(c, <TemplatePreviewFragment model={model} check={check} />);
  });
}

function labelled(errors: FieldErrors): FieldErrors {
  const labels: Record<string, string> = { id: t.create.id, typ: t.create.kind };
  return new Map([...errors].map(([k, e]) => [k, { ...e, label: labels[k] ?? k }]));
}
