/** GET /api/templates and /api/templates/{id}: what a client needs to fill a template. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { templateSummary } from "../../compose/template-summary.js";
import { frontMatterSchema, templateFactSchema } from "../../domain/template.js";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { defineRoute, problemResponses } from "./shared.js";

export const templateSchema = frontMatterSchema
  .extend({
    facts: z.array(
      templateFactSchema.extend({ label: z.string().openapi({ example: "Avtal med Mikamottagningen och KAST" }) }),
    ),
  })
  .openapi("Template", {
    description: "En mall: dess fält (inputs) och de uppgifter (facts) den citerar.",
    example: {
      id: "kast-avtal",
      kind: "motion",
      title: "Avtal med Mikamottagningen och KAST",
      description: "Motion om att kommunen tecknar ett långsiktigt avtal …",
      topics: ["prostitution", "KAST"],
      inputs: [
        {
          name: "committee",
          type: "string",
          label: "Ansvarig nämnd",
          required: false,
          default: "socialnämnden",
          maxLength: 300,
        },
      ],
      facts: [{ key: "mika_kast_agreement", required: false, label: "Avtal med Mikamottagningen och KAST" }],
      maxAge: "P5Y",
    },
  });

const listRoute = createRoute({
  method: "get",
  path: "/api/templates",
  tags: ["Mallar"],
  summary: "Alla mallar",
  responses: {
    200: {
      description: "Mallarna, med fält och uppgifter.",
      content: { "application/json": { schema: z.array(templateSchema) } },
    },
    ...problemResponses(503),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/api/templates/{id}",
  tags: ["Mallar"],
  summary: "En mall",
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: "id", in: "path" }, example: "kast-avtal" }),
    }),
  },
  responses: {
    200: { description: "Mallen.", content: { "application/json": { schema: templateSchema } } },
    ...problemResponses(404, 422),
  },
});

export function registerTemplates(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  defineRoute(app, listRoute, async (c) => {
    // The templates that can be used; asking for a broken one by id says what is wrong with it (422).
    const { templates } = (await ctx.workspace.templates()).usable();
    return c.json(templates.map(templateSummary), 200);
  });
  defineRoute(app, oneRoute, async (c) => {
    // An unknown id throws unknown_template: a 404 problem with the nearest ids.
    const tpl = (await ctx.workspace.templates()).get(c.req.valid("param").id);
    return c.json(templateSummary(tpl), 200);
  });
}
