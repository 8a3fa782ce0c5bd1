/**
 * The researcher's concordance and "who argued what" in the API:
 *
 *   GET /api/corpus/concordance          keyword in context, sorted and paged, with counts per year and party
 *   GET /api/corpus/concordance/export   every line as CSV or JSON Lines
 *   GET /api/corpus/arguments            a topic's arguments by stance and party, with citations
 *
 * Registered before /api/corpus/{id}, so these paths are never taken for a record's id.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { whoArguedWhat } from "../../corpus/argument-groups.js";
import {
  concordanceExportFormats,
  concordanceSorts,
  corpusConcordance,
  documentsOf,
  exportConcordance,
  maxLines,
  parsePattern,
  textFields,
  type ConcordanceExportFormat,
} from "../../corpus/concordance/index.js";
import { topicIds, topicLabel } from "../../domain/vocabulary.js";
import { findTopic } from "../../lang/find-topic.js";
import { z } from "../../domain/zod.js";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { attachment } from "../drafting.js";
import { problemResponse, problems } from "../problem.js";
import { filterQuery, filtersOf } from "./corpus.js";
import { defineRoute, isProblem, isTrue, problemResponses } from "./shared.js";

// ── Schemas ──────────────────────────────────────────────────────────────────

const flag = z.enum(["true", "false", "1", "0"]).optional();

/** The search's filters, without its own order (a concordance has its own). */
const { sort: _searchSort, ...filterParams } = filterQuery;

const patternQuery = {
  q: z.string().trim().min(1).max(200).openapi({
    description: "Ordet eller frasen (flera ord i följd; citattecken behövs inte).",
    example: "sexköpare",
  }),
  inflections: flag.openapi({
    description: "true: alla böjningsformer (svensk stamning: sexköpare, sexköparen, sexköparna); annars exakt form.",
    example: "true",
  }),
  sort: z.enum(concordanceSorts).default("date").openapi({
    description:
      "date: nyaste dokument först; left: efter orden före nyckelordet (närmast först); right: efter orden efter.",
  }),
  context: z.coerce.number().int().min(1).max(30).default(8).openapi({
    type: "integer",
    minimum: 1,
    maximum: 30,
    default: 8,
    description: "Ord på var sida om nyckelordet (högst 80 tecken).",
  }),
  ...filterParams,
};

const concordanceQuery = z.object({
  ...patternQuery,
  limit: z.coerce.number().int().min(0).max(500).default(50).openapi({
    type: "integer",
    minimum: 0,
    maximum: 500,
    default: 50,
    description: "Rader att visa (0: bara antal och fördelning).",
  }),
  offset: z.coerce.number().int().min(0).max(maxLines).default(0).openapi({ type: "integer", minimum: 0, default: 0 }),
});

const exportQuery = z.object({
  format: z.enum(concordanceExportFormats).default("csv").openapi({ example: "csv" }),
  ...patternQuery,
});

const lineSchema = z
  .object({
    left: z.string().openapi({ description: "Vänster kontext (… där den kortats).", example: "… ska möta varje" }),
    keyword: z.string().openapi({ description: "Träffen som den står i texten.", example: "sexköpare" }),
    right: z.string().openapi({ example: "med ett samtal …" }),
    documentId: z.string(),
    title: z.string(),
    kind: z.string(),
    date: z.string().nullable(),
    parties: z.array(z.string()),
    field: z.enum(textFields).openapi({
      description:
        "Texten raden kommer från: fulltexten, eller (utan fulltext) titel, sammanfattning, att-sats, fråga, argument.",
    }),
  })
  .openapi("ConcordanceLine");

const countsSchema = z
  .object({
    years: z
      .array(z.object({ year: z.number().int(), occurrences: z.number().int(), documents: z.number().int() }))
      .openapi({ description: "Varje år från det första till det sista med förekomster (äldst först; 0 ingår)." }),
    undated: z.number().int().openapi({ description: "Förekomster i odaterade dokument." }),
    parties: z
      .array(
        z.object({
          party: z.string().openapi({ description: '"S", ett lokalt partis namn, eller "" utan parti.' }),
          label: z.string(),
          occurrences: z.number().int(),
          documents: z.number().int(),
        }),
      )
      .openapi({ description: "Flest förekomster först; ett dokument med flera partier räknas för vart och ett." }),
  })
  .openapi("ConcordanceCounts");

const concordanceSchema = z
  .object({
    query: z.string(),
    inflections: z.boolean(),
    sort: z.enum(concordanceSorts),
    filters: z.record(z.string(), z.union([z.array(z.string()), z.number()])),
    total: z.number().int().openapi({ description: "Alla förekomster." }),
    documents: z.number().int().openapi({ description: "Dokument med minst en förekomst." }),
    kept: z.number().int(),
    truncated: z.boolean().openapi({
      description:
        `Fler än ${maxLines} förekomster: sortering, sidor och export gäller de ${maxLines} första; ` +
        "antalen gäller alla.",
    }),
    lines: z.array(lineSchema),
    counts: countsSchema,
  })
  .openapi("Concordance");

const argumentsQuery = z.object({
  topic: z.string().trim().min(1).max(100).openapi({ description: "Ämnet (id eller namn).", example: "sexkop" }),
  party: z.string().trim().max(100).optional().openapi({
    description: 'Bara ett parti ("S", ett lokalt partis namn; tomt: dokument utan parti).',
    example: "V",
  }),
  perParty: z.coerce.number().int().min(0).max(500).default(20).openapi({
    type: "integer",
    minimum: 0,
    maximum: 500,
    default: 20,
    description: "Argument per parti och ställning (de nyaste); total säger hur många partiet har.",
  }),
  kind: filterQuery.kind,
  kommun: filterQuery.kommun,
  lan: filterQuery.lan,
  from: filterQuery.from,
  to: filterQuery.to,
});

const citedSchema = z.object({
  ref: z.string().openapi({ description: 'Argumentet som ett utkast anger det ("dokument#n").' }),
  claim: z.string(),
  type: z.string(),
  documentId: z.string(),
  title: z.string(),
  kind: z.string(),
  date: z.string().nullable(),
  citation: z.string().openapi({ description: "Källhänvisningen på svenska." }),
});

const argumentsSchema = z
  .object({
    topic: z.enum(topicIds),
    label: z.string(),
    documents: z.number().int(),
    stances: z.array(
      z.object({
        stance: z.enum(["for", "against"]),
        count: z.number().int(),
        parties: z.array(z.object({ party: z.string(), arguments: z.array(citedSchema), total: z.number().int() })),
      }),
    ),
  })
  .openapi("WhoArguedWhat");

// ── Routes ───────────────────────────────────────────────────────────────────

const concordanceRoute = createRoute({
  method: "get",
  path: "/api/corpus/concordance",
  tags: ["Korpus"],
  summary: "Konkordans (nyckelord i kontext)",
  description:
    "Varje förekomst av ett ord eller en fras i dokumenten som filtren släpper igenom, med vänster och höger " +
    "kontext, sorterad och i sidor, och antal förekomster per år och parti över alla.",
  request: { query: concordanceQuery },
  responses: {
    200: { description: "Raderna och fördelningen.", content: { "application/json": { schema: concordanceSchema } } },
    ...problemResponses(400, 422),
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/api/corpus/concordance/export",
  tags: ["Korpus"],
  summary: "Exportera en konkordans",
  description:
    "Alla rader (i vald sortering) som CSV (med BOM för Excel) eller JSON Lines: left, keyword, right, " +
    "document_id, title, date, party.",
  request: { query: exportQuery },
  responses: {
    200: {
      description: "Filen (Content-Disposition: attachment).",
      content: { "text/csv": { schema: z.string() }, "application/jsonl": { schema: z.string() } },
    },
    ...problemResponses(400, 422),
  },
});

const argumentsRoute = createRoute({
  method: "get",
  path: "/api/corpus/arguments",
  tags: ["Korpus"],
  summary: "Vem argumenterade vad",
  description:
    "Argumenten i dokumenten om ett ämne, grupperade efter ställning (för, emot) och parti, vart och ett med " +
    "sitt dokument, datum och källhänvisning.",
  request: { query: argumentsQuery },
  responses: {
    200: { description: "Argumenten.", content: { "application/json": { schema: argumentsSchema } } },
    ...problemResponses(400, 422),
  },
});

const exportTypes: Record<ConcordanceExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};

// ── Registration ─────────────────────────────────────────────────────────────

export function registerConcordance(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  /** The concordance the query asks for, or the problem to answer with. */
  async function run(q: z.infer<typeof exportQuery> | z.infer<typeof concordanceQuery>, page?: [number, number]) {
    const filters = filtersOf(q);
    if (isProblem(filters)) return { problem: filters };
    const inflections = isTrue(q.inflections);
    const pattern = parsePattern(q.q, inflections);
    if (!pattern) return { problem: problems.invalid([{ path: "q", message: "minst ett ord" }]) };
    const corpus = { index: await ctx.searchIndex(), documents: await ctx.workspace.store.documents() };
    const result = corpusConcordance(corpus, pattern, filters, {
      sort: q.sort,
      width: { words: q.context },
      ...(page ? { offset: page[0], limit: page[1] } : {}),
    });
    return { filters, inflections, result };
  }

  defineRoute(app, concordanceRoute, async (c) => {
    const q = c.req.valid("query");
    const r = await run(q, [q.offset, q.limit]);
    if (r.problem) return problemResponse(c, r.problem);
    return c.json({ query: q.q, inflections: r.inflections, sort: q.sort, filters: r.filters, ...r.result }, 200);
  });

  defineRoute(app, exportRoute, async (c) => {
    const q = c.req.valid("query");
    const r = await run(q);
    if (r.problem) return problemResponse(c, r.problem);
    return c.body(exportConcordance(r.result.lines, q.format), 200, {
      "Content-Type": exportTypes[q.format],
      "Content-Disposition": attachment(`motionera-konkordans.${q.format}`),
      "X-Motionera-Count": String(r.result.lines.length),
    });
  });

  defineRoute(app, argumentsRoute, async (c) => {
    const q = c.req.valid("query");
    const topic = findTopic(q.topic);
    const { party: _party, perParty: _perParty, ...rest } = q;
    const filters = filtersOf(rest);
    if (isProblem(filters)) return problemResponse(c, filters);
    if (!topic) return problemResponse(c, problems.invalid([{ path: "topic", message: "okänt ämne" }]));
    const index = await ctx.searchIndex();
    const docs = [...documentsOf(index.filter(filters), await ctx.workspace.store.documents())];
    const w = whoArguedWhat(topic.id, docs, {
      perParty: q.perParty,
      ...(q.party !== undefined ? { party: q.party } : {}),
    });
    return c.json({ ...w, topic: topic.id, label: topicLabel(topic.id) }, 200);
  });
}
