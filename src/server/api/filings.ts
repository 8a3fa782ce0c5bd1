/**
 * Filed documents (ärenden) over HTTP: GET /api/filings lists them with status, deadline and
 * days left (the rows of `motionera arenden --json`), GET /api/filings/{id} gives one with its
 * whole history, POST /api/filings records a filed motion or interpellation, POST
 * /api/filings/{id}/steps a step or a correction. Writes need a token with the write role and
 * are recorded under its name, like the CLI's under the OS user.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { findMunicipality } from "../../data/places.js";
import { filingSchema, newFilingEventSchema, newFilingSchema } from "../../domain/filing.js";
import { corpusAuthorSchema, placeRefSchema } from "../../domain/corpus-document.js";
import { isoDateSchema } from "../../domain/partial-date.js";
import { filingToChange } from "../../store/filing-writes.js";
import type { AppEnv } from "../app.js";
import { requireRole } from "../auth.js";
import type { ServerContext } from "../context.js";
import { filingRows } from "../filing-lists.js";
import { bearerSecurity, defineRoutesOnPath, jsonBody, problemResponses, type RouteContext } from "./shared.js";

const tags = ["Ärenden"];
const filingOutSchema = filingSchema.openapi("Filing");

const filingRowSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["motion", "interpellation"]),
    title: z.string(),
    municipality: placeRefSchema,
    signers: z.array(corpusAuthorSchema),
    dnr: z.string(),
    filed: z.string(),
    body: z.string(),
    status: z.enum(["inlamnad", "remitterad", "besvarad", "beslutad"]),
    closed: z.boolean(),
    rule: z.enum(["year-mark", "next-meeting"]),
    due: z.string().nullable(),
    lastMeetingBefore: z.string().nullable(),
    daysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
  })
  .openapi("FilingDeadline");

const filingBodySchema = newFilingSchema
  .omit({ municipality: true })
  .extend({ municipality: z.string().trim().min(1).max(100).openapi({ example: "Lidingö" }) })
  .openapi("FilingInput", {
    example: {
      kind: "motion",
      title: "Fler elever ska klara grundskolan",
      municipality: "Lidingö",
      signers: [{ name: "Eva Ek", party: "V" }],
      filed: { kind: "filed", date: "2026-03-02", dnr: "KS 2026/0101", body: "kommunfullmäktige" },
    },
  });

const stepBodySchema = newFilingEventSchema.openapi("FilingStepInput", {
  example: { step: { kind: "referred", date: "2026-03-20", committee: "barn- och ungdomsnämnden" } },
});

const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: "id", in: "path" }, example: "2026-03-02-fler-elever-ska-klara-grundskolan" }),
});

const listRoute = createRoute({
  method: "get",
  path: "/api/filings",
  tags,
  summary: "Ärendena med tidsfrister",
  description:
    "Inlämnade motioner och interpellationer med läge, tidsfrist, dagar kvar och om de är försenade – samma rader " +
    "som `motionera arenden --json`. Öppna ärenden först, det som förfaller först överst.",
  request: {
    query: z.object({
      kommun: z.string().max(100).optional().openapi({ example: "Lidingö" }),
      undertecknare: z.string().max(200).optional().openapi({ example: "Eva Ek" }),
      parti: z.string().max(100).optional().openapi({ example: "V" }),
      idag: isoDateSchema.optional().openapi({ description: "Dagen dagarna räknas från (standard: i dag)." }),
    }),
  },
  responses: {
    200: { description: "Ärendena.", content: { "application/json": { schema: z.array(filingRowSchema) } } },
    ...problemResponses(400, 422),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/api/filings/{id}",
  tags,
  summary: "Ett ärende med historik",
  description: "Varje steg som det registrerades, med rättelser, vem som registrerade det och när.",
  request: { params: idParam },
  responses: {
    200: { description: "Ärendet.", content: { "application/json": { schema: filingOutSchema } } },
    ...problemResponses(404),
  },
});

const addRoute = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/filings",
    tags,
    summary: "Markera som inlämnad",
    description:
      "Registrerar en inlämnad motion eller interpellation (datum, diarienummer, organ). Id:t blir datum och " +
      "rubrik. Kräver en token med rollen write.",
    security: bearerSecurity,
    middleware: [requireRole("write"), ...jsonBody(ctx)],
    request: { body: { required: true, content: { "application/json": { schema: filingBodySchema } } } },
    responses: {
      201: { description: "Det registrerade ärendet.", content: { "application/json": { schema: filingOutSchema } } },
      ...problemResponses(400, 401, 403, 413, 415, 422),
    },
  });

const stepRoute = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/filings/{id}/steps",
    tags,
    summary: "Lägg till ett steg",
    description:
      "Remitterad, besvarad eller beslutad – eller, med corrects, en rättelse av ett tidigare steg (historiken " +
      "behålls). Kräver en token med rollen write.",
    security: bearerSecurity,
    middleware: [requireRole("write"), ...jsonBody(ctx)],
    request: {
      params: idParam,
      body: { required: true, content: { "application/json": { schema: stepBodySchema } } },
    },
    responses: {
      200: { description: "Ärendet med steget.", content: { "application/json": { schema: filingOutSchema } } },
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  });

export function registerFilings(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const store = () => ctx.workspace.store;
  const add = addRoute(ctx);
  const step = stepRoute(ctx);
  defineRoutesOnPath(app, [
    [
      listRoute,
      async (c: RouteContext<typeof listRoute>) => c.json(await filingRows(store(), c.req.valid("query")), 200),
    ],
    [
      add,
      async (c: RouteContext<typeof add>) => {
        const { municipality, ...rest } = c.req.valid("json");
        const place = findMunicipality(municipality);
        const filing = await store().addFiling({ ...rest, municipality: { code: place.code, name: place.name } });
        ctx.changed();
        return c.json(filing, 201);
      },
    ],
  ]);
  defineRoutesOnPath(app, [
    [
      oneRoute,
      async (c: RouteContext<typeof oneRoute>) =>
        c.json(filingToChange(await store().filings(), c.req.valid("param").id), 200),
    ],
  ]);
  defineRoutesOnPath(app, [
    [
      step,
      async (c: RouteContext<typeof step>) => {
        const filing = await store().addFilingEvent(c.req.valid("param").id, c.req.valid("json"));
        ctx.changed();
        return c.json(filing, 200);
      },
    ],
  ]);
}
