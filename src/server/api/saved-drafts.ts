/**
 * Saved drafts over HTTP (issue 16): POST /api/drafts/saved saves the draft form's state as a new draft (an
 * unguessable id: the link to share), GET lists the caller's drafts, GET /api/drafts/saved/{id} gives one with
 * every version (who and when), POST …/versions saves a new version, POST …/duplicate copies it as the caller's,
 * GET …/facts says which cited facts changed since a version was saved (its facts then, the registry now).
 * Reading needs a token (read), saving the role write; every write is in the audit log under the token's name.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { actorName } from "../../domain/actor.js";
import { factSchema } from "../../domain/fact.js";
import {
  savedDraftIdSchema,
  savedDraftSchema,
  savedDraftStateSchema,
  type SavedDraft,
} from "../../domain/saved-draft.js";
import type { AppEnv } from "../app.js";
import { requireRole } from "../auth.js";
import type { ServerContext } from "../context.js";
import { webFactWording } from "../fact-wording.js";
import { problemResponse, problems } from "../problem.js";
import { citedChangesOf, requestOfSaved } from "../saved-draft-facts.js";
import { attachment, renderDraftFor, reviewHeaders } from "../drafting.js";
import { mimeTypeOf } from "../../render/index.js";
import {
  bearerSecurity,
  defineRoute,
  defineRoutesOnPath,
  jsonBody,
  problemResponses,
  type RouteContext,
} from "./shared.js";

const tags = ["Sparade utkast"];

const stateSchema = savedDraftStateSchema.openapi("SavedDraftState", {
  description:
    "Formulärets innehåll som det sparas: mall, kommun, undertecknarnas rader (som de skrevs), datum, mallens " +
    "fält och valda argument; editedMarkdown är den redigerade texten när texten har redigerats.",
  example: {
    template: "kast-avtal",
    kommun: "Lidingö",
    signers: [{ name: "Anna Andersson", party: "L", partyOther: "", role: "ledamot" }],
    date: "2026-12-03",
    inputs: { committee: "socialnämnden" },
    arguments: [],
  },
});

const draftOutSchema = savedDraftSchema.openapi("SavedDraft", {
  description:
    "Ett sparat utkast: id (länken att dela, 128 slumpbitar), vem som skapade det och när, och varje version " +
    "(nummer, när, av vem, factsAt: tidpunkten vars registrerade uppgifter ”som när utkastet sparades” avser).",
});

const summarySchema = z
  .object({
    id: savedDraftIdSchema,
    createdAt: z.string(),
    createdBy: z.string().openapi({ description: "Token-namnet (eller cli (användare), MOTIONERA_TOKEN)." }),
    versions: z.number().int(),
    lastSavedAt: z.string(),
    lastSavedBy: z.string(),
    template: z.string(),
    kommun: z.string(),
  })
  .openapi("SavedDraftSummary");

const idParam = z.object({
  id: savedDraftIdSchema.openapi({ param: { name: "id", in: "path" }, example: "p3Xb0Qm9yKc1hV7wE2rTzA" }),
});

const newBody = z
  .object({
    state: stateSchema,
    duplicatedFrom: savedDraftIdSchema.optional().openapi({ description: "Utkastet som det här är en kopia av." }),
  })
  .openapi("NewSavedDraft");

const versionBody = z.object({ state: stateSchema }).openapi("SavedDraftVersionBody");

const duplicateBody = z
  .object({ state: stateSchema.optional().openapi({ description: "Kopians innehåll; utan: den senaste versionens." }) })
  .openapi("DuplicateSavedDraft");

const factsQuery = z.object({
  version: z.coerce.number().int().min(1).optional().openapi({ description: "Versionen (standard: den senaste)." }),
});

const factChangeSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    subject: z.string(),
    subjectName: z.string(),
    before: factSchema.optional().openapi({ description: "Uppgiften som citerades när versionen sparades." }),
    after: factSchema.optional().openapi({ description: "Uppgiften som citeras nu." }),
  })
  .openapi("CitedFactChange");

const factsOutSchema = z
  .object({
    version: z.number().int(),
    factsAt: z.string(),
    changes: z.array(factChangeSchema).nullable().openapi({
      description: "De citerade uppgifter som skiljer; null när utkastet ännu inte går att skriva (fel i fälten).",
    }),
  })
  .openapi("SavedDraftFacts");

const createRoute_ = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/drafts/saved",
    tags,
    summary: "Spara ett utkast",
    description:
      "Sparar formulärets innehåll som ett nytt utkast med ett id som inte går att gissa; svaret har id:t " +
      "(länken /utkast/{id}). Kräver en token med rollen write.",
    security: bearerSecurity,
    middleware: [requireRole("write"), ...jsonBody(ctx)],
    request: { body: { required: true, content: { "application/json": { schema: newBody } } } },
    responses: {
      201: { description: "Det sparade utkastet.", content: { "application/json": { schema: draftOutSchema } } },
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  });

const listRoute = createRoute({
  method: "get",
  path: "/api/drafts/saved",
  tags,
  summary: "Mina sparade utkast",
  description: "Utkasten som tokenens namn har skapat eller sparat en version av, det senast sparade först.",
  security: bearerSecurity,
  middleware: [requireRole("read")],
  responses: {
    200: { description: "Utkasten.", content: { "application/json": { schema: z.array(summarySchema) } } },
    ...problemResponses(401, 403),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/api/drafts/saved/{id}",
  tags,
  summary: "Ett sparat utkast",
  description: "Utkastet med alla versioner (vem och när). Den som har länken och en token kan läsa det.",
  security: bearerSecurity,
  middleware: [requireRole("read")],
  request: { params: idParam },
  responses: {
    200: { description: "Utkastet.", content: { "application/json": { schema: draftOutSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const versionRoute = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/drafts/saved/{id}/versions",
    tags,
    summary: "Spara en ny version",
    description: "Sparar en ny version; de tidigare finns kvar. Kräver en token med rollen write.",
    security: bearerSecurity,
    middleware: [requireRole("write"), ...jsonBody(ctx)],
    request: {
      params: idParam,
      body: { required: true, content: { "application/json": { schema: versionBody } } },
    },
    responses: {
      201: {
        description: "Utkastet med den nya versionen.",
        content: { "application/json": { schema: draftOutSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  });

const duplicateRoute = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/drafts/saved/{id}/duplicate",
    tags,
    summary: "Duplicera ett utkast",
    description:
      "Gör en kopia (ett nytt utkast med ett nytt id) som den som anropar äger; originalet ändras inte. " +
      "Kräver en token med rollen write.",
    security: bearerSecurity,
    middleware: [requireRole("write"), ...jsonBody(ctx)],
    request: {
      params: idParam,
      body: { required: true, content: { "application/json": { schema: duplicateBody } } },
    },
    responses: {
      201: { description: "Kopian.", content: { "application/json": { schema: draftOutSchema } } },
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  });

const factsRoute = createRoute({
  method: "get",
  path: "/api/drafts/saved/{id}/facts",
  tags,
  summary: "Uppgifterna då och nu",
  description:
    "Skriver versionen med uppgifterna som de var registrerade när den sparades och med uppgifterna som de är " +
    "nu, och svarar med de citerade uppgifter som skiljer (värdet och datumet då och nu).",
  security: bearerSecurity,
  middleware: [requireRole("read")],
  request: { params: idParam, query: factsQuery },
  responses: {
    200: { description: "Skillnaderna.", content: { "application/json": { schema: factsOutSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const documentFormats = ["md", "html", "docx", "pdf"] as const;

const documentQuery = z.object({
  version: z.coerce.number().int().min(1).optional().openapi({ description: "Versionen (standard: den senaste)." }),
  facts: z.enum(["saved", "now"]).default("saved").openapi({
    description: "saved: uppgifterna som de var registrerade när versionen sparades; now: som de är nu.",
  }),
  format: z.enum(documentFormats).default("md").openapi({ description: "Dokumentets format." }),
});

const binary = z.string().openapi({ type: "string", format: "binary" });

const documentRoute = (ctx: ServerContext) =>
  createRoute({
    method: "get",
    path: "/api/drafts/saved/{id}/document",
    tags,
    summary: "Skriv ett sparat utkast",
    description:
      "Skriver versionen (mallens text, utan redigeringar) med uppgifterna som när den sparades eller som de är " +
      "nu. Fel i fälten (t.ex. ingen undertecknare) ger 422 som för POST /api/drafts. Räknas mot samma gräns " +
      "per minut som andra utkast.",
    security: bearerSecurity,
    middleware: [
      requireRole("read"),
      ctx.drafting.middleware((c) => problemResponse(c, problems.tooManyRequests(ctx.options.draftsPerMinute))),
    ],
    request: { params: idParam, query: documentQuery },
    responses: {
      200: {
        description: "Dokumentet.",
        content: {
          "text/markdown": { schema: z.string() },
          "text/html": { schema: z.string() },
          [mimeTypeOf("docx")]: { schema: binary },
          "application/pdf": { schema: binary },
        },
      },
      ...problemResponses(400, 401, 403, 404, 422, 429),
    },
  });

const summaryOf = (d: SavedDraft) => {
  const last = d.versions[d.versions.length - 1]!;
  return {
    id: d.id,
    createdAt: d.createdAt,
    createdBy: actorName(d.createdBy),
    versions: d.versions.length,
    lastSavedAt: last.savedAt,
    lastSavedBy: actorName(last.savedBy),
    template: last.state.template,
    kommun: last.state.kommun,
  };
};

export function registerSavedDrafts(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const store = () => ctx.workspace.store;
  const missing = (c: Parameters<typeof problemResponse>[0]) => problemResponse(c, problems.notFound("Utkastet"));
  const create = createRoute_(ctx);
  defineRoutesOnPath(app, [
    [
      create,
      async (c: RouteContext<typeof create>) => {
        const { state, duplicatedFrom } = c.req.valid("json");
        if (duplicatedFrom && !(await store().savedDraft(duplicatedFrom))) return missing(c);
        const draft = await store().createSavedDraft(state, duplicatedFrom ? { duplicatedFrom } : {});
        return c.json(draft, 201);
      },
    ],
    [
      listRoute,
      async (c: RouteContext<typeof listRoute>) => {
        const caller = c.get("caller")!;
        return c.json((await store().savedDrafts({ by: caller.actor })).map(summaryOf), 200);
      },
    ],
  ]);
  defineRoute(app, getRoute, async (c) => {
    const draft = await store().savedDraft(c.req.valid("param").id);
    return draft ? c.json(draft, 200) : missing(c);
  });
  const version = versionRoute(ctx);
  defineRoute(app, version, async (c) => {
    const draft = await store().addSavedDraftVersion(c.req.valid("param").id, c.req.valid("json").state);
    return draft ? c.json(draft, 201) : missing(c);
  });
  const duplicate = duplicateRoute(ctx);
  defineRoute(app, duplicate, async (c) => {
    const id = c.req.valid("param").id;
    const original = await store().savedDraft(id);
    if (!original) return missing(c);
    const state = c.req.valid("json").state ?? original.versions[original.versions.length - 1]!.state;
    return c.json(await store().createSavedDraft(state, { duplicatedFrom: id }), 201);
  });
  defineRoute(app, documentRoute(ctx), async (c) => {
    const draft = await store().savedDraft(c.req.valid("param").id);
    const { version: asked, facts, format } = c.req.valid("query");
    const version = draft && (asked ? draft.versions.find((v) => v.number === asked) : draft.versions.at(-1));
    if (!version) return missing(c);
    const request = await requestOfSaved(ctx.workspace, version.state, { placeholder: false });
    const wording = webFactWording(new URL(c.req.url).origin);
    const options = { ...(facts === "saved" ? { knownAt: version.factsAt } : {}), wording };
    const r = await renderDraftFor(ctx.workspace, request, format, ctx.render, options);
    const headers: Record<string, string> = {
      "Content-Type": r.contentType,
      ...reviewHeaders(r.warnings, r.review, wording),
    };
    if (format !== "html") headers["Content-Disposition"] = attachment(r.fileName);
    return c.body(typeof r.body === "string" ? r.body : new Uint8Array(r.body), 200, headers);
  });
  defineRoute(app, factsRoute, async (c) => {
    const draft = await store().savedDraft(c.req.valid("param").id);
    const asked = c.req.valid("query").version;
    const version = draft && (asked ? draft.versions.find((v) => v.number === asked) : draft.versions.at(-1));
    if (!version) return missing(c);
    const request = await requestOfSaved(ctx.workspace, version.state);
    const changes = await citedChangesOf(ctx.workspace, request, version.factsAt);
    return c.json({ version: version.number, factsAt: version.factsAt, changes: changes ?? null }, 200);
  });
}
