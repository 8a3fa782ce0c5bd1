/**
 * The JSON API under /api: one file per concern, each route declared with its zod schemas
 * (the OpenAPI document at /api/openapi.json is generated from them) and answered by the
 * same core functions the CLI calls. Errors are problem+json (../problem.ts).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { registerAudit } from "./audit.js";
import { registerConcordance } from "./concordance.js";
import { registerCorpus } from "./corpus.js";
import { registerDocs } from "./docs.js";
import { registerDrafts } from "./drafts.js";
import { registerSavedDrafts } from "./saved-drafts.js";
import { registerCampaigns } from "./campaigns.js";
import { registerFacts } from "./facts.js";
import { registerFilings } from "./filings.js";
import { registerFactKeys } from "./fact-keys.js";
import { registerFactsImport } from "./facts-import.js";
import { registerMunicipalities } from "./municipalities.js";
import { registerTemplates } from "./templates.js";

export function registerApi(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  registerTemplates(app, ctx);
  registerMunicipalities(app, ctx);
  registerFacts(app, ctx);
  registerFactsImport(app, ctx);
  registerFactKeys(app, ctx);
  // Before registerCorpus: /api/corpus/concordance is not a record's id.
  registerConcordance(app, ctx);
  registerCorpus(app, ctx);
  registerDrafts(app, ctx);
  registerSavedDrafts(app, ctx);
  registerCampaigns(app, ctx);
  registerFilings(app, ctx);
  registerAudit(app, ctx);
  registerDocs(app, ctx);
}
