/**
 * The fact-key catalog over HTTP: GET /api/fact-keys lists the database's keys; POST adds one,
 * PATCH /api/fact-keys/{key} changes fields (null clears one), DELETE removes a key nothing
 * uses. Writes need the token, like POST /api/facts. The same rules as `motionera facts keys`.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { factDefinitionSchema } from "../../domain/fact-key.js";
import type { AppEnv } from "../app.js";
import { requireRole } from "../auth.js";
import type { ServerContext } from "../context.js";
import { bearerSecurity, defineRoutesOnPath, jsonBody, problemResponses, type RouteContext } from "./shared.js";

const factKeyOutSchema = factDefinitionSchema.openapi("FactKey");

/** Read by the core (fact_key_invalid names the field, with "did you mean"), so any object passes here. */
const factKeyBodySchema = z.record(z.string(), z.unknown()).openapi("FactKeyInput", {
  description:
    "En faktanyckels fält (som FactKey). Vid ändring: bara fälten som ändras; null tar bort ett valfritt fält.",
  example: {
    key: "snow_clearing_cost",
    label: "Kostnad för snöröjning",
    description: "Kronor per invånare.",
    type: "number",
    scopes: ["kommun"],
  },
});

const keyParam = z.object({
  key: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "key", in: "path" }, example: "population" }),
});

const listRoute = createRoute({
  method: "get",
  path: "/api/fact-keys",
  tags: ["Fakta"],
  summary: "Faktanycklarna",
  description: "Databasens faktakatalog: varje nyckel med etikett, beskrivning, typ, omfattning och hur den skrivs.",
  responses: {
    200: { description: "Nycklarna.", content: { "application/json": { schema: z.array(factKeyOutSchema) } } },
  },
});

const addRoute = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/fact-keys",
    tags: ["Fakta"],
    summary: "Lägg till en faktanyckel",
    description: "Kontrolleras hela; en nyckel som redan finns ger 409. Kräver en token med rollen admin.",
    security: bearerSecurity,
    middleware: [requireRole("admin"), ...jsonBody(ctx)],
    request: { body: { required: true, content: { "application/json": { schema: factKeyBodySchema } } } },
    responses: {
      201: { description: "Den sparade nyckeln.", content: { "application/json": { schema: factKeyOutSchema } } },
      ...problemResponses(400, 401, 403, 409, 413, 415, 422),
    },
  });

const editRoute = (ctx: ServerContext) =>
  createRoute({
    method: "patch",
    path: "/api/fact-keys/{key}",
    tags: ["Fakta"],
    summary: "Ändra en faktanyckel",
    description:
      "En typ som registrerade värden inte har vägras (409) med värdena uppräknade. Kräver en token med rollen admin.",
    security: bearerSecurity,
    middleware: [requireRole("admin"), ...jsonBody(ctx)],
    request: {
      params: keyParam,
      body: { required: true, content: { "application/json": { schema: factKeyBodySchema } } },
    },
    responses: {
      200: { description: "Nyckeln som den nu är.", content: { "application/json": { schema: factKeyOutSchema } } },
      ...problemResponses(400, 401, 403, 409, 413, 415, 422),
    },
  });

const removeRoute = createRoute({
  method: "delete",
  path: "/api/fact-keys/{key}",
  tags: ["Fakta"],
  summary: "Ta bort en faktanyckel",
  description:
    "En nyckel som uppgifter, mallar eller härledda nycklar använder vägras (409), med användningarna. " +
    "Kräver en token med rollen admin.",
  security: bearerSecurity,
  middleware: [requireRole("admin")],
  request: { params: keyParam },
  responses: {
    200: { description: "Den borttagna nyckeln.", content: { "application/json": { schema: factKeyOutSchema } } },
    ...problemResponses(401, 403, 409, 422),
  },
});

export function registerFactKeys(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  const add = addRoute(ctx);
  const edit = editRoute(ctx);
  defineRoutesOnPath(app, [
    [listRoute, async (c: RouteContext<typeof listRoute>) => c.json((await ctx.workspace.catalog()).list(), 200)],
    [
      add,
      async (c: RouteContext<typeof add>) => {
        const def = await ctx.workspace.addFactKey(c.req.valid("json"));
        ctx.changed();
        return c.json(def, 201);
      },
    ],
  ]);
  defineRoutesOnPath(app, [
    [
      edit,
      async (c: RouteContext<typeof edit>) => {
        const def = await ctx.workspace.editFactKey(c.req.valid("param").key, c.req.valid("json"));
        ctx.changed();
        return c.json(def, 200);
      },
    ],
    [
      removeRoute,
      async (c: RouteContext<typeof removeRoute>) => {
        const def = await ctx.workspace.removeFactKey(c.req.valid("param").key);
        ctx.changed();
        return c.json(def, 200);
      },
    ],
  ]);
}
