/**
 * The argument corpus: search with filters (several values per filter, a year range) and facets,
 * sorted by relevance or date; one record and the export as CSV/JSON/JSON Lines, both without
 * the names of the files records were imported from (public-record.ts); and import of uploaded
 * files (the same core functions as `motionera corpus …`).
 *
 * The fixed paths (search, export, import) are registered before /api/corpus/{id}, so
 * "search" is never taken for an id and GET /api/corpus/import is a 405, not a 404.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { exportFormats, type ExportFormat } from "../../corpus/export-formats.js";
import { resolveFilters, type FilterInput } from "../../corpus/filters.js";
import { publicRecord } from "../../corpus/public-record.js";
import type { ImportOutcome } from "../../corpus/import/import-files.js";
import { overrideKeys, parseOverrides, type Overrides } from "../../corpus/import/overrides.js";
import { searchSorts, type SearchFilters } from "../../corpus/search/index.js";
import { corpusDocumentSchema, corpusKinds, type CorpusDocument } from "../../domain/corpus-document.js";
import { isMotioneraError } from "../../domain/errors.js";
import { parseNameValue } from "../../lang/name-value.js";
import { nearest } from "../../lang/nearest.js";
import { explainError, explainReadProblem, riksdagenTexts } from "../../messages.sv.js";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { attachment } from "../drafting.js";
import { problemResponse, problems, type Problem } from "../problem.js";
import { readOnImportThread } from "../../threads/import-threads.js";
import {
  asList,
  bearerSecurity,
  defineRoute,
  isProblem,
  isTrue,
  listParam,
  problemAt,
  problemResponses,
  problemSchema,
} from "./shared.js";
import { importAnswer, registerUpload, uploadedFileSchema } from "./upload.js";

// ── Schemas ──────────────────────────────────────────────────────────────────

export const corpusRecordSchema = corpusDocumentSchema.openapi("CorpusDocument");

/** A record as anyone may read it: `imported` without the file's name, no source reference naming a file. */
const publicRecordSchema = corpusDocumentSchema
  .extend({
    imported: z
      .object({ at: z.string().datetime(), format: z.string() })
      .optional()
      .openapi({ description: "När och i vilket format dokumentet importerades (inte filens namn)." }),
  })
  .openapi("PublicCorpusDocument");

/** A record in a JSON or JSON Lines export: the public record with the topics' Swedish names beside their ids. */
const exportedRecordSchema = publicRecordSchema
  .extend({
    topicLabels: z
      .array(z.string())
      .openapi({ description: "Ämnena på svenska, i samma ordning som topics.", example: ["sexköp"] }),
  })
  .openapi("ExportedCorpusDocument");

const year = z.coerce.number().int().min(1900).max(2100);

export const filterQuery = {
  kind: listParam("debattartikel").openapi({
    description: `Dokumenttyp: ${corpusKinds.join(", ")}. Flera värden: något av dem.`,
  }),
  party: listParam("L").openapi({
    description: "Parti (S, V, …). Upprepa eller skriv med komma för flera: party=S&party=V ger dokument av S eller V.",
  }),
  kommun: listParam("Lidingö").openapi({ description: "Kommun, namn eller kod. Flera värden: någon av dem." }),
  lan: listParam("AB").openapi({ description: "Län, namn, bokstav eller kod. Flera värden: något av dem." }),
  topic: listParam("sexkop").openapi({ description: "Ämne, id eller namn. Flera värden: något av dem." }),
  from: year.optional().openapi({ description: "Första år (ingår).", example: 2018 }),
  to: year.optional().openapi({ description: "Sista år (ingår).", example: 2024 }),
  sort: z
    .enum(searchSorts)
    .optional()
    .openapi({
      description:
        "relevance (standard; utan sökord nyaste först), newest (nyaste först) eller oldest (äldsta först); " +
        "odaterade dokument sist vid datumordning.",
      example: "newest",
    }),
};

const searchQuery = z.object({
  q: z.string().max(500).optional().openapi({
    description: 'Fritext; "fraser" inom citattecken. Tom: alla dokument filtren släpper igenom, nyaste först.',
    example: "sexköp",
  }),
  ...filterQuery,
  limit: z.coerce.number().int().min(0).max(100).default(20).openapi({
    type: "integer",
    minimum: 0,
    maximum: 100,
    default: 20,
    description: "Träffar att visa (0: bara antal och facetter).",
  }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .openapi({ type: "integer", minimum: 0, default: 0, description: "Träffar att hoppa över." }),
});

const placeRef = z.object({ code: z.string(), name: z.string() });
const facetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
const searchHitSchema = z
  .object({
    id: z.string(),
    score: z.number(),
    title: z.string(),
    kind: z.string(),
    date: z.string().nullable(),
    municipality: placeRef.nullable(),
    county: placeRef.nullable(),
    parties: z.array(z.string()),
    authors: z.array(z.object({ name: z.string(), party: z.string().optional(), role: z.string().optional() })),
    outlet: z.string().optional(),
    topics: z.array(z.string()),
    snippet: z.object({
      text: z.string(),
      marks: z
        .array(z.tuple([z.number().int(), z.number().int()]))
        .openapi({ description: "[start, slut) i text att markera." }),
    }),
    citation: z.string(),
  })
  .openapi("SearchHit");
const searchResultSchema = z
  .object({
    query: z.string(),
    filters: z
      .record(z.string(), z.union([z.array(z.string()), z.number()]))
      .openapi({ description: "Filtren som koder och id:n, som indexet använder dem." }),
    total: z.number().int(),
    hits: z.array(searchHitSchema),
    facets: z.object({
      kind: z.array(facetValueSchema),
      party: z.array(facetValueSchema),
      municipality: z.array(facetValueSchema),
      county: z.array(facetValueSchema),
      year: z.array(facetValueSchema),
      topic: z.array(facetValueSchema),
    }),
    relaxed: z
      .boolean()
      .optional()
      .openapi({ description: "Inget dokument hade alla orden; träffarna har några av dem." }),
  })
  .openapi("SearchResult");

const exportQuery = z.object({
  format: z
    .enum(exportFormats)
    .optional()
    .openapi({
      description:
        "csv, json eller jsonl. Utan format väljs det ur Accept (text/csv, application/json, application/jsonl " +
        "eller application/x-ndjson); annars csv.",
      example: "csv",
    }),
  q: searchQuery.shape.q,
  ...filterQuery,
  fullText: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .openapi({ description: "Ta med importerade dokuments fulltext (JSON, JSON Lines)." }),
});

const importOutcomeSchema = z
  .union([
    z.object({
      file: z.string(),
      ok: z.literal(true),
      action: z.enum(["added", "updated", "unchanged"]),
      dryRun: z.boolean(),
      record: corpusRecordSchema,
      note: z
        .string()
        .optional()
        .openapi({ description: "Till exempel: en dokumentlista ger bara metadata, inte dokumentets text." }),
    }),
    z.object({
      file: z.string(),
      ok: z.literal(false),
      error: z.string().openapi({ example: "filen är tom eller innehåller ingen text" }),
    }),
  ])
  .openapi("ImportOutcome");
const importResultSchema = z
  .object({ dryRun: z.boolean(), results: z.array(importOutcomeSchema) })
  .openapi("ImportResult");

const uploadFields = {
  dryRun: z
    .string()
    .max(10)
    .optional()
    .openapi({ description: "true: visa vad som skulle sparas utan att spara.", example: "false" }),
  set: z
    .union([z.string().max(2000), z.array(z.string().max(2000)).max(20)])
    .optional()
    .openapi({
      type: "array",
      items: { type: "string" },
      description: `Uppgifter som gäller alla filerna, "nyckel=värde"; nycklar: ${overrideKeys.join(", ")}.`,
      example: "kommun=Lidingö",
    }),
};

/** The form as the OpenAPI document describes it. */
const uploadSchema = z
  .object({
    files: z.union([z.instanceof(File), z.array(z.instanceof(File)).max(100)]).openapi({
      type: "array",
      items: { type: "string", format: "binary" },
      description:
        "En eller flera filer: .txt, .md, .docx eller .pdf; riksdagens dokumentstatus- och dokumentlista-filer " +
        "(JSON); TEI-XML från riksdagskorpusen (interpellationer, motioner) och ParlaMint-SE (ett dokument per " +
        "anförande); en .zip med sådana filer. En fil kan ge flera dokument (fil.zip/post.json, lista.json#2).",
    }),
    ...uploadFields,
  })
  .openapi("ImportUpload");

/** The form as the import thread hands it over. */
const receivedSchema = z.object({
  files: z.union([uploadedFileSchema, z.array(uploadedFileSchema).max(100)]),
  ...uploadFields,
});

// ── Routes ───────────────────────────────────────────────────────────────────

const searchRoute = createRoute({
  method: "get",
  path: "/api/corpus/search",
  tags: ["Korpus"],
  summary: "Sök i korpusen",
  description:
    "Svensk fritextsökning (böjningsformer, prefix, stavfel, fraser) med filter; facetterna räknas över alla träffar.",
  request: { query: searchQuery },
  responses: {
    200: { description: "Träffarna och facetterna.", content: { "application/json": { schema: searchResultSchema } } },
    ...problemResponses(400, 422),
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/api/corpus/export",
  tags: ["Korpus"],
  summary: "Exportera korpusen",
  description:
    "Dokumenten som CSV (en rad vardera, med BOM för Excel), JSON eller JSON Lines; med q och filter bara de " +
    "som matchar, i sökningens ordning (sort). Ämnena står med sina svenska namn bredvid id:na (CSV: " +
    "topic_labels och topics; JSON: topicLabels och topics). Filnamn från importen ingår inte.",
  request: { query: exportQuery },
  responses: {
    200: {
      description: "Filen (Content-Disposition: attachment).",
      content: {
        "text/csv": { schema: z.string() },
        "application/json": { schema: z.array(exportedRecordSchema) },
        "application/jsonl": { schema: z.string() },
      },
    },
    ...problemResponses(400, 422),
  },
});

const importRoute = createRoute({
  method: "post",
  path: "/api/corpus/import",
  tags: ["Korpus"],
  summary: "Importera filer",
  description:
    "Varje fil läses, taggas automatiskt och kontrolleras för sig; de som lyckas sparas tillsammans. 200 när " +
    "alla lyckades, 207 när några misslyckades, 422 när alla misslyckades. En import i taget; filerna läses " +
    "vid sidan av tjänsten och importen avbryts när begärans tidsgräns nås (503). Kräver token.",
  security: bearerSecurity,
  request: { body: { required: true, content: { "multipart/form-data": { schema: uploadSchema } } } },
  responses: {
    200: {
      description: "Alla filer importerades (eller skulle ha importerats, med dryRun).",
      content: { "application/json": { schema: importResultSchema } },
    },
    207: {
      description: "Några filer kunde inte importeras; se results.",
      content: { "application/json": { schema: importResultSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415, 503),
    422: {
      description: "Ingen fil kunde importeras; results säger varför för var och en.",
      content: {
        "application/problem+json": { schema: problemSchema.extend({ results: z.array(importOutcomeSchema) }) },
      },
    },
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/api/corpus/{id}",
  tags: ["Korpus"],
  summary: "Ett dokument",
  description:
    "Hela posten: beteckning, utskott, beslut om att-satserna, undertecknare med partier, källans adress, " +
    "fulltext där databasen har den. Filnamn från importen ingår inte.",
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(200)
        .openapi({ param: { name: "id", in: "path" }, example: "2023-02-21-lidingo-debattartikel-l" }),
    }),
  },
  responses: {
    200: { description: "Dokumentet.", content: { "application/json": { schema: publicRecordSchema } } },
    ...problemResponses(404),
  },
});

// ── Helpers ──────────────────────────────────────────────────────────────────

type FilterParams = { [K in "kind" | "party" | "kommun" | "lan" | "topic"]?: string | string[] } & {
  from?: number;
  to?: number;
};

/** Query filters → the index's codes; an unknown name is a problem at its parameter. */
export function filtersOf(q: FilterParams): SearchFilters | Problem {
  const input: FilterInput = {};
  for (const k of ["kind", "party", "kommun", "lan", "topic"] as const) {
    const v = asList(q[k]);
    if (v) input[k] = v;
  }
  if (q.from !== undefined) input.from = q.from;
  if (q.to !== undefined) input.to = q.to;
  try {
    return resolveFilters(input);
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    const d = e.details;
    if (d.code === "unknown_municipality") return problemAt(d, "kommun");
    if (d.code === "unknown_county") return problemAt(d, "lan");
    if (d.code === "input_invalid") return problemAt(d, d.field);
    throw e;
  }
}

/** The export format an Accept header asks for, when the query names none; CSV otherwise. */
export function formatFromAccept(accept: string | undefined): ExportFormat {
  const wanted = (accept ?? "")
    .split(",")
    .map((part) => {
      const [type = "", ...params] = part.split(";").map((x) => x.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith("q="))?.slice(2) ?? 1);
      return { type, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const byType: Record<string, ExportFormat> = {
    "text/csv": "csv",
    "application/json": "json",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/x-jsonlines": "jsonl",
  };
  for (const w of wanted) if (byType[w.type]) return byType[w.type]!;
  return "csv";
}

const exportTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};

/** An uploaded file's name, safe to write in a folder of our own: no folders, no control characters. */
export function safeFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (!base || base === "." || base === "..") return "fil";
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, 200 - ext.length) + ext;
}

/** "key=value" fields → overrides; a malformed or unknown one is a 400/422 at "set". */
function overridesOf(sets: string[]): Overrides | Problem {
  const raw: Record<string, string> = {};
  for (const [i, s] of sets.entries()) {
    const nv = parseNameValue(s);
    if (!nv) return problems.invalid([{ path: `set/${i}`, message: `"${s}": skriv nyckel=värde` }]);
    raw[nv.name] = nv.value;
  }
  try {
    return parseOverrides(raw);
  } catch (e) {
    if (!isMotioneraError(e)) throw e;
    if (e.details.code === "unknown_input") {
      const known = overrideKeys.join(", ");
      return {
        ...problemAt(e.details, "set"),
        title: "Okänd nyckel",
        detail: `Okänd nyckel "${e.details.field}" i set; nycklarna är: ${known}.`,
      };
    }
    return problemAt(e.details, "set");
  }
}

type ImportResult =
  | {
      file: string;
      ok: true;
      action: "added" | "updated" | "unchanged";
      dryRun: boolean;
      record: CorpusDocument;
      note?: string;
    }
  | { file: string; ok: false; error: string };

/** As `motionera corpus import --json`. */
function resultOf(o: ImportOutcome, dryRun: boolean): ImportResult {
  if (o.ok)
    return {
      file: o.file,
      ok: true,
      action: o.action,
      dryRun,
      record: o.record,
      ...(o.metadataOnly ? { note: riksdagenTexts.metadataOnlyRecord } : {}),
    };
  return {
    file: o.file,
    ok: false,
    error: o.problem.kind === "read" ? explainReadProblem(o.problem.problem) : explainError(o.problem.details),
  };
}

// ── Registration ─────────────────────────────────────────────────────────────

export function registerCorpus(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  defineRoute(app, searchRoute, async (c) => {
    const q = c.req.valid("query");
    const filters = filtersOf(q);
    if (isProblem(filters)) return problemResponse(c, filters);
    const index = await ctx.searchIndex();
    const text = q.q ?? "";
    const result = index.search({
      text,
      filters,
      limit: q.limit,
      offset: q.offset,
      ...(q.sort ? { sort: q.sort } : {}),
    });
    return c.json({ query: text, filters, ...result }, 200);
  });

  defineRoute(app, exportRoute, async (c) => {
    const q = c.req.valid("query");
    const filters = filtersOf(q);
    if (isProblem(filters)) return problemResponse(c, filters);
    const all = await ctx.workspace.store.documents();
    let docs: readonly CorpusDocument[] = all;
    const text = q.q?.trim() ?? "";
    const sorted = q.sort && q.sort !== "relevance";
    if (text || Object.keys(filters).length > 0 || sorted) {
      const index = await ctx.searchIndex();
      const ids =
        text || sorted
          ? index.searchIds({ text, filters, ...(q.sort ? { sort: q.sort } : {}) })
          : index.filter(filters);
      const byId = new Map(all.map((d) => [d.id, d]));
      docs = ids.map((id) => byId.get(id)).filter((d): d is CorpusDocument => d !== undefined);
    }
    const { exportDocuments } = await import("../../corpus/export.js");
    const format = q.format ?? formatFromAccept(c.req.header("accept"));
    const body = exportDocuments(docs.map(publicRecord), format, { fullText: isTrue(q.fullText) });
    return c.body(body, 200, {
      "Content-Type": exportTypes[format],
      "Content-Disposition": attachment(`motionera-korpus.${format}`),
      "X-Motionera-Count": String(docs.length),
    });
  });

  registerUpload(app, ctx, importRoute, receivedSchema, async (c, form, signal) => {
    const files = Array.isArray(form.files) ? form.files : [form.files];
    if (files.length === 0) return problemResponse(c, problems.invalid([{ path: "files", message: "minst en fil" }]));
    const overrides = overridesOf(asList(form.set) ?? []);
    if (isProblem(overrides)) return problemResponse(c, overrides);
    const dryRun = isTrue(form.dryRun);
    // Read and tagged on the import thread, one file at a time, from their bytes: nothing is written to disk.
    const inputs = files.map((f) => ({ name: safeFileName(f.name), bytes: f.bytes }));
    // The CLI's import: a write per batch, the index file following each (import-batches.ts); each outcome kept
    // only as the answer's result.
    const { importInBatches } = await import("../../corpus/import/import-batches.js");
    const results: ImportResult[] = [];
    try {
      await importInBatches(ctx.workspace.store, inputs, {
        dryRun,
        overrides,
        read: readOnImportThread(signal),
        onOutcome: (o) => results.push(resultOf(o, dryRun)),
      });
    } finally {
      if (!dryRun) ctx.changed();
    }
    const failed = results.filter((r) => !r.ok).length;
    if (failed === results.length) {
      const p: Problem & { results: ImportResult[] } = {
        type: "https://motionera.se/problem/import-failed",
        title: "Ingen fil kunde importeras",
        status: 422,
        detail: results.map((r) => (r.ok ? "" : `${r.file}: ${r.error}`)).join("; "),
        results,
      };
      return problemResponse(c, p);
    }
    return importAnswer(c, { dryRun, results }, failed > 0 ? 207 : 200, signal);
  });

  defineRoute(app, oneRoute, async (c) => {
    const id = c.req.valid("param").id.trim();
    const doc = await ctx.workspace.store.document(id);
    if (doc) return c.json(publicRecord(doc), 200);
    const ids = (await ctx.workspace.store.documents()).map((d) => d.id);
    const suggestions = nearest(id, ids, 3);
    return problemResponse(c, {
      ...problems.notFound(`Dokumentet "${id}"`),
      ...(suggestions.length
        ? {
            detail: `Dokumentet "${id}" finns inte. Menade du ${suggestions.map((s) => `"${s}"`).join(" eller ")}?`,
            suggestions,
          }
        : {}),
    });
  });
}
