/**
 * POST /api/campaigns: a CampaignRequest in, a zip out (one draft per selected municipality
 * and the summary as CSV and JSON), streamed as it is made. A campaign costs what it makes:
 * without the bearer token each document counts against the client's drafting limit and a
 * campaign larger than --campaign-limit municipalities is refused; with the token any size
 * runs. Either way only --max-campaigns run at once (../campaign-admission.ts).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { campaignRequestSchema, campaignZipStream, planFor, zipName } from "../../campaign/index.js";
import type { AppEnv } from "../app.js";
import { optionalToken } from "../auth.js";
import { admitCampaign } from "../campaign-admission.js";
import type { ServerContext } from "../context.js";
import { attachment } from "../drafting.js";
import { webFactWording } from "../fact-wording.js";
import { problemResponse, problems } from "../problem.js";
import { defineRoute, jsonBody, optionalBearerSecurity, problemResponses } from "./shared.js";

const bodySchema = campaignRequestSchema.openapi("CampaignRequest", {
  description:
    "En mall för många kommuner: län (counties) och kommuner (municipalities) läggs ihop, villkoren (where) " +
    'måste alla gälla, med uppgiftens nyckel eller svenska namn ("Har en KAST-mottagning = nej"); != tar ' +
    "också med kommuner där uppgiften saknas; utan län och kommuner: alla 290. require: uppgifter varje utkast " +
    "måste kunna citera " +
    "(annars hoppas kommunen över och redovisas).",
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
    description: [
      "Väljer kommuner efter län, lista och villkor om uppgifterna (=, !=, <, >, <=, >=, saknas, finns) och svarar " +
        "med en zip-fil: ett utkast per kommun och format, och sammanstallning.csv/.json med vad som skrevs, " +
        "citerades, saknades eller hoppades över. Okänd mall, län, kommun eller faktanyckel, ett felaktigt villkor " +
        "eller ett tomt urval ger 4xx innan något skrivs.",
      "",
      `Utan token får en kampanj omfatta högst ${ctx.options.campaignLimit} kommuner` +
        `${ctx.options.draftsPerMinute > 0 ? ` och ${ctx.options.draftsPerMinute} dokument (kommuner × format)` : ""}` +
        ", och varje dokument räknas mot klientens gräns för utkast per minut (429 med Retry-After när de inte " +
        "ryms); större kampanjer kräver token (401). Med token räknas kampanjen inte mot gränsen. Högst " +
        `${ctx.options.maxCampaigns} ${ctx.options.maxCampaigns === 1 ? "kampanj" : "kampanjer"} görs samtidigt; ` +
        "nästa får 503 med Retry-After.",
    ].join("\n"),
    security: optionalBearerSecurity,
    middleware: [optionalToken, ...jsonBody(ctx)],
    request: { body: { required: true, content: { "application/json": { schema: bodySchema } } } },
    responses: {
      200: {
        description: "Zip-filen.",
        content: { "application/zip": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
      },
      ...problemResponses(400, 401, 403, 404, 413, 415, 422, 429, 503),
    },
  });

export function registerCampaigns(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  defineRoute(app, route(ctx), async (c) => {
    const plan = await planFor(ctx.workspace, c.req.valid("json"));
    const admission = admitCampaign(c, ctx, plan, c.get("caller") !== undefined);
    if (!admission.ok) {
      const r = admission.refusal;
      if (r.kind === "needs-token" && r.serviceHasToken) c.header("WWW-Authenticate", 'Bearer realm="motionera"');
      if (r.kind === "budget" || r.kind === "busy") c.header("Retry-After", String(r.retryAfter));
      return problemResponse(c, problems.campaignRefused(r));
    }
    return c.body(
      admission.stream(
        campaignZipStream(plan, ctx.workspace, {
          render: ctx.render,
          // The summary's texts name the service's form for a missing fact, not a command.
          wording: webFactWording(new URL(c.req.url).origin),
        }),
      ),
      200,
      {
        "content-type": "application/zip",
        "content-disposition": attachment(zipName(plan.settings.template, plan.settings.date)),
        "cache-control": "no-store",
      },
    );
  });
}
