/**
 * The concordance page's route: /korpus/konkordans. Registered before /korpus/:id, so the
 * address is never taken for a record's id.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { resolveFilters } from "../../../corpus/filters.js";
import { corpusConcordance, parsePattern } from "../../../corpus/concordance/index.js";
import { isMotioneraError } from "../../../domain/errors.js";
import { explainError } from "../../../messages.sv.js";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { sendPage } from "../frame/layout.js";
import { filterInput, linesPerPage, readParams } from "./params.js";
import { researchPaths } from "./paths.js";
import { ConcordancePage } from "./view.js";

export function registerConcordancePages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.get(researchPaths.concordance, async (c: Context) => {
    const params = readParams(new URL(c.req.url));
    let filters: ReturnType<typeof resolveFilters>;
    try {
      filters = resolveFilters(filterInput(params));
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      return sendPage(c, <ConcordancePage params={params} error={explainError(e.details)} />, 400);
    }
    const pattern = parsePattern(params.q, params.inflections);
    if (!pattern) return sendPage(c, <ConcordancePage params={params} />);
    const corpus = { index: await ctx.searchIndex(), documents: await ctx.workspace.store.documents() };
    const result = corpusConcordance(corpus, pattern, filters, {
      sort: params.sort,
      width: { words: params.context },
      offset: params.offset,
      limit: linesPerPage,
    });
    return sendPage(c, <ConcordancePage params={params} result={result} />);
  });
}
