/**
 * The audit log and the named tokens over HTTP: GET /api/audit (newest first; filtered by
 * municipality or fact id) needs a token with the role write or admin; GET /api/tokens (names,
 * roles, dates; never a hash) needs admin. Tokens are made and revoked with `motionera tokens`.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { apiTokenSchema, shownToken } from "../../domain/api-token.js";
import { auditEntrySchema } from "../../domain/audit.js";
import { auditListDefault, auditListMax } from "../../store/audit-writes.js";
import type { AppEnv } from "../app.js";
import { requireRole } from "../auth.js";
import type { ServerContext } from "../context.js";
import { problemResponse } from "../problem.js";
import { placeOrProblem } from "./municipalities.js";
import { bearerSecurity, defineRoute, isProblem, problemResponses, type RouteContext } from "./shared.js";

const auditEntryOutSchema = auditEntrySchema.openapi("AuditEntry", {
  description:
    "En skrivning: när (at), vem (actor: token med namn, kommandoraden med användare, eller MOTIONERA_TOKEN), " +
    "vad (action), hur många saker (count), deras id:n (högst 1000) och kommunkoderna (subjects) den rörde.",
  example: {
    seq: 12,
    at: "2026-11-24T18:20:00.000Z",
    actor: { kind: "token", name: "redaktionen" },
    action: "fact.add",
    count: 1,
    ids: ["0186.population.2025"],
    subjects: ["0186"],
  },
});

const auditQuery = z.object({
  municipality: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "Kommunens namn eller SCB-kod: bara ändringar som rör den.", example: "Lidingö" }),
  fact: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "En uppgifts id: ändringen som registrerade den.", example: "0186.population.2025" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(auditListMax)
    .optional()
    .openapi({ description: `Högst så många (standard ${auditListDefault}).`, example: 20 }),
});

const auditRoute = createRoute({
  method: "get",
  path: "/api/audit",
  tags: ["Ändringslogg"],
  summary: "Ändringsloggen",
  description:
    "Varje skrivning till databasen, nyast först, med vem som gjorde den och när. Kräver en token med rollen " +
    "write eller admin.",
  security: bearerSecurity,
  middleware: [requireRole("write")],
  request: { query: auditQuery },
  responses: {
    200: { description: "Ändringarna.", content: { "application/json": { schema: z.array(auditEntryOutSchema) } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const tokenOutSchema = apiTokenSchema.omit({ hash: true }).openapi("ApiToken", {
  description: "En namngiven token (hemligheten och dess kontrollsumma visas aldrig).",
});

const tokensRoute = createRoute({
  method: "get",
  path: "/api/tokens",
  tags: ["Ändringslogg"],
  summary: "Namngivna tokens",
  description:
    "Alla namngivna tokens med roll, när och av vem de skapades och när de återkallades. Kräver rollen admin. " +
    "Tokens skapas och återkallas med motionera tokens.",
  security: bearerSecurity,
  middleware: [requireRole("admin")],
  responses: {
    200: { description: "Tokens.", content: { "application/json": { schema: z.array(tokenOutSchema) } } },
    ...problemResponses(401, 403),
  },
});

export function registerAudit(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  defineRoute(app, auditRoute, async (c: RouteContext<typeof auditRoute>) => {
    const q = c.req.valid("query");
    let subject: string | undefined;
    if (q.municipality !== undefined) {
      const place = placeOrProblem(q.municipality);
      if (isProblem(place)) return problemResponse(c, place);
      subject = place.code;
    }
    const entries = await ctx.workspace.store.audit({
      ...(subject !== undefined ? { subject } : {}),
      ...(q.fact !== undefined ? { fact: q.fact } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
    return c.json(entries, 200);
  });
  defineRoute(app, tokensRoute, async (c: RouteContext<typeof tokensRoute>) =>
    c.json((await ctx.workspace.store.tokens()).map(shownToken), 200),
  );
}
