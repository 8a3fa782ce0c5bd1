/** GET /api/municipalities (all 290, or those matching q) and /api/municipalities/{codeOrName}. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { allMunicipalities, findMunicipality } from "../../data/places.js";
import { isMotioneraError } from "../../domain/errors.js";
import { countySchema, municipalitySchema, type Place } from "../../domain/municipality.js";
import { fold } from "../../lang/normalize.js";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { problemOf, problemResponse } from "../problem.js";
import { defineRoute, problemResponses } from "./shared.js";

export const municipalityOutSchema = municipalitySchema
  .pick({ code: true, name: true, officialName: true, selfName: true })
  .extend({ county: countySchema.pick({ code: true, name: true, letter: true }) })
  .openapi("Municipality", {
    example: {
      code: "0186",
      name: "Lidingö",
      officialName: "Lidingö kommun",
      selfName: "Lidingö stad",
      county: { code: "01", name: "Stockholms län", letter: "AB" },
    },
  });
export type MunicipalityOut = z.infer<typeof municipalityOutSchema>;

export function municipalityOut(p: Place): MunicipalityOut {
  return {
    code: p.code,
    name: p.name,
    officialName: p.officialName,
    selfName: p.selfName,
    county: { code: p.county.code, name: p.county.name, letter: p.county.letter },
  };
}

export const codeOrNameParam = z.object({
  codeOrName: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: {
        name: "codeOrName",
        in: "path",
        description: "SCB-kod, namn (med eller utan å, ä, ö), genitiv eller officiellt namn.",
      },
      example: "lidingo",
    }),
});

/**
 * A municipality by anything findMunicipality accepts. Not found is 404 here (the path names
 * a resource), with the nearest names, not the 422 a draft request gets.
 */
export function placeOrProblem(query: string): Place | ReturnType<typeof problemOf> {
  try {
    return findMunicipality(query);
  } catch (e) {
    if (isMotioneraError(e) && e.details.code === "unknown_municipality") {
      const { errors: _errors, ...p } = problemOf(e.details);
      return { ...p, status: 404 };
    }
    throw e;
  }
}

const listRoute = createRoute({
  method: "get",
  path: "/api/municipalities",
  tags: ["Kommuner"],
  summary: "Kommunerna",
  description:
    "Alla 290 kommuner i kodordning, eller med q de vars namn börjar med q (först) eller innehåller q. " +
    "Jämförelsen bryr sig inte om versaler eller å, ä, ö.",
  request: { query: z.object({ q: z.string().max(100).optional().openapi({ example: "lid" }) }) },
  responses: {
    200: { description: "Kommunerna.", content: { "application/json": { schema: z.array(municipalityOutSchema) } } },
    ...problemResponses(400),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/api/municipalities/{codeOrName}",
  tags: ["Kommuner"],
  summary: "En kommun",
  request: { params: codeOrNameParam },
  responses: {
    200: { description: "Kommunen.", content: { "application/json": { schema: municipalityOutSchema } } },
    ...problemResponses(404),
  },
});

export function registerMunicipalities(app: OpenAPIHono<AppEnv>, _ctx: ServerContext): void {
  defineRoute(app, listRoute, (c) => {
    const all = allMunicipalities();
    const q = fold(c.req.valid("query").q ?? "");
    if (!q) return c.json(all.map(municipalityOut), 200);
    const starts = all.filter((p) => fold(p.name).startsWith(q) || p.code.startsWith(q));
    const contains = all.filter((p) => !starts.includes(p) && fold(p.name).includes(q));
    return c.json([...starts, ...contains].map(municipalityOut), 200);
  });
  defineRoute(app, oneRoute, (c) => {
    const place = placeOrProblem(c.req.valid("param").codeOrName);
    return "code" in place ? c.json(municipalityOut(place), 200) : problemResponse(c, place);
  });
}
