/**
 * "Who argued what": /korpus/argument?topic=… (an id or a label), &parti=… for one party. The
 * search index chooses the records on the topic; argument-groups.ts groups their arguments.
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

/** Arguments shown per party and stance when every party is shown, and when one is. */
const perPartyShown = 5;
const perPartyAll = 500;

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
    // One party ("-": records without a party) shows all its arguments; every party, the newest few of each.
    const parti = c.req.query("parti")?.trim().slice(0, 100);
    const party = parti === undefined || parti === "" ? undefined : parti === "-" ? "" : parti;
    const index = await ctx.searchIndex();
    const docs = [...documentsOf(index.filter({ topic: [topic.id] }), await ctx.workspace.store.documents())];
    const result = whoArguedWhat(topic.id, docs, {
      perParty: party === undefined ? perPartyShown : perPartyAll,
      ...(party !== undefined ? { party } : {}),
    });
    return sendPage(c, <ArgumentsPage topic={topic.id} party={party} result={result} />);
  });
}
