/**
 * GET /api/municipalities/{codeOrName}/facts: what the registry knows for one municipality
 * (the same as `motionera facts --json`); POST /api/facts: record a fact with its source.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { isMotioneraError } from "../../domain/errors.js";
import { factSchema, factValueSchema, sourceSchema } from "../../domain/fact.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import { textLimits, tooLong } from "../../domain/text-limits.js";
import { factRowsForPlace } from "../../facts/place-facts.js";
import { recordFact } from "../../facts/record-fact.js";
import { todayInSweden } from "../../lang/dates.js";
import type { AppEnv } from "../app.js";
import { requireWriteToken } from "../auth.js";
import type { ServerContext } from "../context.js";
import { problemResponse } from "../problem.js";
import { codeOrNameParam, municipalityOutSchema, placeOrProblem } from "./municipalities.js";
import { bearerSecurity, defineRoute, isTrue, jsonBody, problemAt, problemResponses } from "./shared.js";

const factOutSchema = factSchema.openapi("Fact");

const factRowSchema = z
  .object({
    scope: z
      .enum(["kommun", "lan", "land"])
      .openapi({ description: "Vem uppgiften gäller: kommunen, länet eller hela landet." }),
    subject: factSchema.shape.subject,
    subjectName: z.string().openapi({ example: "Lidingö" }),
    key: factSchema.shape.key,
    label: z.string().openapi({ example: "Avtal med Mikamottagningen och KAST" }),
    value: z.string().openapi({ description: "Värdet som det skrivs i en text.", example: "nej" }),
    asOf: factSchema.shape.asOf,
    age: z.string().nullable().openapi({ example: "2 år och 9 månader" }),
    note: z.string().optional(),
    source: sourceSchema,
    latest: z.boolean().openapi({ description: "Senaste värdet för nyckeln; äldre värden är historik." }),
    id: factSchema.shape.id,
    rawValue: factValueSchema,
  })
  .openapi("FactRow");

const placeFactsSchema = z
  .object({
    municipality: municipalityOutSchema
      .pick({ code: true, name: true, selfName: true })
      .extend({ county: z.object({ code: z.string(), name: z.string(), shortName: z.string(), letter: z.string() }) }),
    facts: z.array(factRowSchema),
  })
  .openapi("PlaceFacts");

/** A fact as a person types it; the value is read as the catalog's type for the key. */
export const factEntrySchema = z
  .object({
    subject: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "Kommun (namn eller kod), län (namn, kod eller bokstav) eller SE.", example: "Lidingö" }),
    key: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "Nyckel i faktakatalogen (motionera facts keys).", example: "mika_kast_agreement" }),
    value: z
      .string()
      .trim()
      .min(1)
      .max(textLimits.factText, tooLong("factText"))
      .openapi({ description: 'Värdet som text: "ja", "12 345", "7,5 procent", "2023-02-21".', example: "ja" }),
    asOf: partialDateSchema.openapi({
      description: "Datum (eller år, månad) som värdet avser.",
      example: "2025-06-30",
    }),
    source: sourceSchema.extend({ date: sourceSchema.shape.date.optional().default(null) }).openapi({
      example: {
        title: "Avtal om Mikamottagningen och KAST",
        publisher: "Lidingö stad",
        date: "2025-06-30",
        url: "https://lidingo.se/",
      },
    }),
    note: z.string().trim().min(1).max(textLimits.note, tooLong("note")).optional(),
  })
  .openapi("FactEntry");

const listRoute = createRoute({
  method: "get",
  path: "/api/municipalities/{codeOrName}/facts",
  tags: ["Fakta"],
  summary: "Uppgifter för en kommun",
  description:
    "Kommunens, länets och rikets uppgifter med värde, datum, ålder och källa: de senaste, eller med " +
    "history=true även äldre värden.",
  request: {
    params: codeOrNameParam,
    query: z.object({
      history: z
        .enum(["true", "false", "1", "0"])
        .optional()
        .openapi({ description: "Ta med äldre värden.", example: "true" }),
    }),
  },
  responses: {
    200: { description: "Uppgifterna.", content: { "application/json": { schema: placeFactsSchema } } },
    ...problemResponses(400, 404),
  },
});

const addRoute = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/facts",
    tags: ["Fakta"],
    summary: "Lägg till en uppgift",
    description:
      "Kontrolleras mot faktakatalogen (nyckel, typ, vem den kan gälla) och sparas med källa; äldre värden " +
      "blir historik. Kräver token.",
    security: bearerSecurity,
    // The token first: a caller without one never has its body read.
    middleware: [requireWriteToken, ...jsonBody(ctx)],
    request: { body: { required: true, content: { "application/json": { schema: factEntrySchema } } } },
    responses: {
      201: { description: "Den sparade uppgiften.", content: { "application/json": { schema: factOutSchema } } },
      ...problemResponses(400, 401, 403, 413, 415, 422),
    },
  });

/** The core's field names for a fact entry → the request body's. */
const bodyField: Record<string, string> = { värde: "value", subject: "subject", asOf: "asOf" };

export function registerFacts(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  defineRoute(app, listRoute, async (c) => {
    const place = placeOrProblem(c.req.valid("param").codeOrName);
    if (!("code" in place)) return problemResponse(c, place);
    const all = isTrue(c.req.valid("query").history);
    const rows = factRowsForPlace(await ctx.workspace.facts(), place, todayInSweden());
    const facts = rows
      .filter((r) => all || r.latest)
      .map(({ fact, ...r }) => ({ ...r, id: fact.id, rawValue: fact.value }));
    return c.json(
      { municipality: { code: place.code, name: place.name, selfName: place.selfName, county: place.county }, facts },
      200,
    );
  });

  defineRoute(app, addRoute(ctx), async (c) => {
    const entry = c.req.valid("json");
    try {
      const { fact } = await recordFact(ctx.workspace.store, {
        subject: entry.subject,
        key: entry.key,
        value: entry.value,
        asOf: entry.asOf,
        source: entry.source,
        ...(entry.note ? { note: entry.note } : {}),
      });
      ctx.changed();
      return c.json(fact, 201);
    } catch (e) {
      // The core names fields as the CLI does; point at the body's own fields instead.
      if (!isMotioneraError(e)) throw e;
      const d = e.details;
      if (d.code === "unknown_municipality" || d.code === "unknown_county")
        return problemResponse(c, problemAt(d, "subject"));
      if (d.code === "fact_invalid") return problemResponse(c, problemAt(d, bodyField[d.field] ?? d.field));
      throw e;
    }
  });
}
