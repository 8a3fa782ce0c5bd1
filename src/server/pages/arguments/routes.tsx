/**
 * "Who argued what": /korpus/argument?topic=… (an id or a label). The search index chooses
 * the records on the topic; argument-groups.ts groups their arguments.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { whoArguedWhat } from "../../../corpus/argument-groups.js";
import { documentsOf } from "../../../corpus/concordance/index.js";
import { findTopic } from "../../../lang/find-topic.js";
import type { AppEnv } from "../../app.js";
import type { ServerContext } from "../../context.js";
import { researchPaths } from "../concordance/paths.js";
import { sv } from "../../messages.sv.js";
import { sendPage } from "../frame/layout.js";
import { ArgumentsPage } from "./view.js";

export function registerArgumentPages(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.get(researchPaths.arguments, async (c) => {
    const asked = (c.req.query("topic") ?? "").trim().slice(0, 100);
    const topic = asked ? findTopic(asked) : undefined;
    if (!topic)
      return sendPage(
        c,
        <ArgumentsPage error={asked ? sv.whoArgued.unknownTopic(asked) : undefined} />,
        asked ? 404 : 200,
      );
    const index = await ctx.searchIndex();
    const docs = [...documentsOf(index.filter({ topic: [topic.id] }), await ctx.workspace.store.documents())];
    return sendPage(c, <ArgumentsPage topic={topic.id} result={whoArguedWhat(topic.id, docs)} />);
  });
}
