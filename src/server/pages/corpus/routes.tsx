/**
 * The corpus pages' routes: /korpus (search) and /korpus/:id (one record; its URL may carry the
 * search it was reached from, for the way back).
 */
import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { searchWithOpenFacets } from "../../../corpus/facet-search.js";
import { resolveFilters } from "../../../corpus/filters.js";
import { publicRecord } from "../../../corpus/public-record.js";
import { templateSharingMostTopics } from "../../../compose/template-choice.js";
import { isDocumentId } from "../../../domain/corpus-document.js";
import { isMotioneraError } from "../../../domain/errors.js";
import { explainError } from "../../../messages.sv.js";
import { sv } from "../../messages.sv.js";
import { sendErrorPage } from "../frame/error-page.js";
import { sendPage } from "../frame/layout.js";
import { paths } from "../frame/links.js";
import { filterInput, pageSize, readParams } from "./search-params.js";
import { SearchPage } from "./search-view.js";
import { RecordPage } from "./record-view.js";

export function registerCorpusPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.get(paths.corpus, async (c: Context) => {
    const params = readParams(new URL(c.req.url));
    if (params.invalid)
      return sendPage(c, <SearchPage params={params} error={sv.corpus.invalidValues(params.invalid)} />, 400);
    let filters: ReturnType<typeof resolveFilters>;
    try {
      filters = resolveFilters(filterInput(params));
    } catch (e) {
      if (!isMotioneraError(e)) throw e;
      return sendPage(c, <SearchPage params={params} error={explainError(e.details)} />, 400);
    }
    const index = await ctx.searchIndex();
    const query = { text: params.q, filters, limit: pageSize, offset: params.offset, sort: params.sort };
    const result = searchWithOpenFacets(index, query);
    return sendPage(c, <SearchPage params={params} result={result} />);
  });

  app.get(`${paths.corpus}/:id`, async (c) => {
    const id = c.req.param("id");
    const doc = isDocumentId(id) ? await ctx.workspace.store.document(id) : undefined;
    if (!doc) return sendErrorPage(c, 404, { title: sv.errors.pages[404]!.title, text: sv.record.notFound(id) });
    // "Använd i ett utkast" opens the template that shares most topics with the document.
    const best = templateSharingMostTopics((await ctx.workspace.templates()).all(), doc);
    const search = readParams(new URL(c.req.url));
    const registry = await ctx.workspace.facts();
    return sendPage(
      c,
      <RecordPage doc={publicRecord(doc)} registry={registry} template={best?.frontMatter.id} search={search} />,
    );
  });
}
