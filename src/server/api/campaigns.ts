/**
 * POST /api/campaigns: a CampaignRequest in, a zip out (one draft per selected municipality
 * and the summary as CSV and JSON), streamed as it is made. Needs the bearer token: a
 * campaign over all 290 municipalities costs the server seconds of work.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { campaignRequestSchema, campaignZipStream, planFor, zipName } from "../../campaign/index.js";
import type { AppEnv } from "../app.js";
import { requireWriteToken } from "../auth.js";
import type { ServerContext } from "../context.js";
import { attachment } from "../drafting.js";
import { bearerSecurity, defineRoute, jsonBody, problemResponses } from "./shared.js";

const bodySchema = campaignRequestSchema.openapi("CampaignRequest", {
  description:
    "En mall för många kommuner: län (counties) och kommuner (municipalities) läggs ihop, villkoren (where) måste alla gälla; utan län och kommuner: alla 290. require: uppgifter varje utkast måste kunna citera (annars hoppas kommunen över och redovisas).",
  example: {
    template: "kast-avtal",
    counties: ["AB"],
    municipalities: [],
    where: ["mika_kast_agreement!=ja"],
    require: [],
    authors: [{ name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" }],
    date: "2026-11-24",
    inputs: {},
    formats: ["docx", "pdf"],
    strict: false,
  },
});

const route = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/campaigns",
    tags: ["Utkast"],
    summary: "Skriv samma utkast för många kommuner (zip)",
    description:
      "Väljer kommuner efter län, lista och villkor om uppgifterna (=, !=, <, >, <=, >=, saknas, finns) och svarar med en zip-fil: ett utkast per kommun och format, och sammanstallning.csv/.json med vad som skrevs, citerades, saknades eller hoppades över. Okänd mall, län, kommun eller faktanyckel, ett felaktigt villkor eller ett tomt urval ger 4xx innan något skrivs.",
    security: bearerSecurity,
    middleware: [requireWriteToken, ...jsonBody(ctx)],
    request: { body: { required: true, content: { "application/json": { schema: bodySchema } } } },
    responses: {
      200: { description: "Zip-filen.", content: { "application/zip": { schema: z.string().openapi({ type: "string", format: "binary" }) } } },
      ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    },
  });

export function registerCampaigns(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  defineRoute(app, route(ctx), async (c) => {
    const plan = await planFor(ctx.workspace, c.req.valid("json"));
    return new Response(campaignZipStream(plan, ctx.workspace, ctx.render), {
      status: 200,
      headers: { "content-type": "application/zip", "content-disposition": attachment(zipName(plan.settings.template, plan.settings.date)), "cache-control": "no-store" },
    });
  });
}
