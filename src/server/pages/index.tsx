/**
 * The Swedish pages: the draft form, corpus search and records, municipalities, error pages,
 * and their stylesheet and script under /assets.
 *
 *   GET  /                         the draft form (?template=…&kommun=… and every field)
 *   POST /utkast                   preview (format=preview) or download (docx, pdf, md)
 *   GET  /kampanj, POST /kampanj   a campaign: the form (?visa=1 shows the selection); the zip
 *   GET  /fragment/fakta           the facts panel's content, for the script
 *   GET  /fragment/faktavaljare    the fact picker's list for a municipality, for the script
 *   POST /fragment/forhandsvisning the preview's content, for the script
 *   GET  /korpus, /korpus/:id      search; one record
 *   GET  /korpus/konkordans        the concordance (keyword in context) with its charts (concordance/)
 *   GET  /korpus/argument          who argued what on a topic (arguments/)
 *   GET  /kommun, /kommun/:name    all municipalities; one municipality
 *   GET  /personal …               staff sign-in and tools (staff/)
 *   GET  /personal/mallar …        the templates: list, editor, check, preview, save (templates/)
 *   GET  /personal/faktanycklar …  the fact-key catalog (fact-keys/)
 *   GET  /personal/uppgifter/ny    "Lägg till uppgift": a fact with its source (add-fact/)
 *   GET  /personal/statistik …     fetching Kolada's statistics as facts (statistics/)
 *   GET  /arenden …                filed documents: list, one with its history, calendar (arenden/)
 *   GET  /assets/:name             site.css, site.js, favicon.svg
 *   GET  /favicon.ico              a redirect to the favicon
 */
import type { Context } from "hono";
import type { ErrorDetails } from "../../domain/errors.js";
import { explainBrokenTemplate } from "../../messages.sv.js";
import { sv } from "../messages.sv.js";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { assetUrl, serveAsset } from "./frame/assets.js";
import { registerArgumentPages } from "./arguments/routes.js";
import { researchPaths } from "./concordance/paths.js";
import { registerConcordancePages } from "./concordance/routes.js";
import { registerCorpusPages } from "./corpus/routes.js";
import { registerDraftPages } from "./draft/routes.js";
import { registerSavedDraftPages } from "./saved-draft/routes.js";
import { registerCampaignPages } from "./campaign/routes.js";
import { sendErrorPage } from "./frame/error-page.js";
import { paths } from "./frame/links.js";
import { registerPlacePages } from "./place/pages.js";
import { registerStaffPages } from "./staff/routes.js";
import { registerFactKeyPages } from "./fact-keys/routes.js";
import { factKeyPaths } from "./fact-keys/paths.js";
import { addFactPaths } from "./add-fact/paths.js";
import { registerAddFactPages } from "./add-fact/routes.js";
import { statisticsPaths } from "./statistics/paths.js";
import { registerStatisticsPages } from "./statistics/routes.js";
import { staffPaths } from "./staff/tools.js";
import { templatePaths } from "./templates/links.js";
import { registerTemplatePages } from "./templates/routes.js";
import { registerFilingPages } from "./arenden/routes.js";
import { filingPaths } from "./arenden/paths.js";

export function registerPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.get("/assets/:name", (c) => serveAsset(c));
  // Browsers and tools that ask for /favicon.ico without reading the page's <link rel="icon">.
  app.get("/favicon.ico", (c) => c.redirect(assetUrl("favicon.svg"), 302));
  registerDraftPages(app, ctx);
  registerSavedDraftPages(app, ctx);
  registerCampaignPages(app, ctx);
  // Before the corpus pages: /korpus/konkordans and /korpus/argument are not records' ids.
  registerConcordancePages(app, ctx);
  registerArgumentPages(app, ctx);
  registerCorpusPages(app, ctx);
  registerPlacePages(app, ctx);
  registerStaffPages(app, ctx);
  registerTemplatePages(app, ctx);
  // After the staff pages: their CSRF guard and body limit run first.
  registerFactKeyPages(app, ctx);
  registerAddFactPages(app, ctx);
  registerStatisticsPages(app, ctx);
  registerFilingPages(app, ctx);

  // Other methods on the pages' addresses: 405 with the methods that work.
  const allowed: [string, string][] = [
    [paths.draft, "GET, HEAD"],
    [paths.download, "POST"],
    [paths.campaign, "GET, HEAD, POST"],
    [paths.factsFragment, "GET, HEAD"],
    [paths.pickerFragment, "GET, HEAD"],
    [paths.previewFragment, "POST"],
    [paths.corpus, "GET, HEAD"],
    [researchPaths.concordance, "GET, HEAD"],
    [researchPaths.arguments, "GET, HEAD"],
    [`${paths.corpus}/:id`, "GET, HEAD"],
    [paths.places, "GET, HEAD"],
    [`${paths.places}/:name`, "GET, HEAD"],
    [staffPaths.home, "GET, HEAD"],
    [staffPaths.signIn, "GET, HEAD, POST"],
    [staffPaths.signOut, "POST"],
    [templatePaths.list, "GET, HEAD"],
    [templatePaths.create, "GET, HEAD"],
    [templatePaths.upload, "POST"],
    [templatePaths.editor, "POST"],
    [`${templatePaths.editor}/:id`, "GET, HEAD"],
    [templatePaths.previewFragment, "POST"],
    [factKeyPaths.list, "GET, HEAD"],
    [factKeyPaths.add, "GET, HEAD, POST"],
    [factKeyPaths.editPattern, "GET, HEAD, POST"],
    [factKeyPaths.removePattern, "GET, HEAD, POST"],
    [addFactPaths.form, "GET, HEAD, POST"],
    [statisticsPaths.home, "GET, HEAD"],
    [statisticsPaths.fetch, "POST"],
    [statisticsPaths.job, "GET, HEAD"],
    [statisticsPaths.status, "GET, HEAD"],
    [statisticsPaths.scb, "GET, HEAD"],
    [statisticsPaths.scbFetch, "POST"],
    [filingPaths.list, "GET, HEAD, POST"],
    [filingPaths.calendar, "GET, HEAD"],
    [filingPaths.create, "GET, HEAD"],
    [filingPaths.one, "GET, HEAD"],
    [filingPaths.step, "POST"],
  ];
  for (const [path, allow] of allowed) {
    app.all(path, (c) => sendErrorPage(c, 405, { headers: { allow } }));
  }
}

/** The Swedish error page; a known error (database, template) says what it is and what to do. */
export function renderErrorPage(c: Context, status: number, details?: ErrorDetails): Response | Promise<Response> {
  switch (details?.code) {
    case "database_invalid":
      return sendErrorPage(c, status, sv.errors.database);
    case "database_locked":
      return sendErrorPage(c, status, sv.errors.databaseLocked);
    case "template_invalid":
      return sendErrorPage(c, status, {
        title: sv.errors.template.title,
        text: `${explainBrokenTemplate(details)} ${sv.errors.template.help}`,
      });
    default:
      return sendErrorPage(c, status);
  }
}
