/**
 * POST /api/facts/import: a CSV, JSON or Kolada file of facts for one key, all or nothing,
 * through the same core function as `motionera facts import` (multipart/form-data, token).
 * The body is read and the file checked on the import thread (upload.ts), within the
 * request's time limit.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { isMotioneraError } from "../../domain/errors.js";
import { partialDateSchema } from "../../domain/partial-date.js";
import { textLimits, tooLong, type LimitedField } from "../../domain/text-limits.js";
import { importFacts } from "../../facts/import/import-facts.js";
import { checkOnImportThread } from "../../threads/import-threads.js";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { problemResponse } from "../problem.js";
import { bearerSecurity, isTrue, problemAt, problemResponses } from "./shared.js";
import { importAnswer, registerUpload, uploadedFileSchema } from "./upload.js";

const text = (description: string, example?: string, limit?: LimitedField) =>
  z
    .string()
    .trim()
    .min(1)
    .max(limit ? textLimits[limit] : 500, limit ? tooLong(limit) : undefined)
    .optional()
    .openapi({ description, ...(example ? { example } : {}) });

const fields = {
  key: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .openapi({ description: "Faktanyckeln som värdena sparas under.", example: "population" }),
  sourceTitle: text("Källans titel (krävs utom för Kolada-filer).", "Folkmängd 31 december", "sourceTitle"),
  publisher: text("Källans utgivare (krävs utom för Kolada-filer).", "SCB", "sourcePublisher"),
  sourceDate: partialDateSchema.optional().openapi({ description: "Källans datum." }),
  asOf: partialDateSchema
    .optional()
    .openapi({ description: "Datum som värdena avser (krävs utom för Kolada-filer).", example: "2024" }),
  url: z.string().max(textLimits.url, tooLong("url")).url().optional(),
  municipalityColumn: text("Kolumnen eller fältet med kommunerna, om den inte hittas av sig själv."),
  valueColumn: text("Kolumnen eller fältet med värdena, om den inte hittas av sig själv."),
  dryRun: z
    .string()
    .max(10)
    .optional()
    .openapi({ description: "true: visa vad som skulle ändras utan att spara.", example: "true" }),
};

/** The form as the OpenAPI document describes it. */
const uploadSchema = z
  .object({
    file: z.instanceof(File).openapi({
      type: "string",
      format: "binary",
      description: "En .csv-fil (; , eller tab), en .json-fil (lista av objekt) eller ett sparat svar från Kolada.",
    }),
    ...fields,
  })
  .openapi("FactImportUpload");

/** The form as the import thread hands it over. */
const receivedSchema = z.object({ file: uploadedFileSchema, ...fields });

const plannedSchema = z.object({
  kind: z.enum(["new", "changed", "unchanged"]),
  line: z.number().int(),
  entry: z.number().int().optional(),
  subject: z.string(),
  subjectName: z.string(),
  asOf: z.string(),
  shown: z.string(),
  previous: z.object({ asOf: z.string().nullable(), shown: z.string(), id: z.string() }).optional(),
  record: z.boolean(),
});

const resultSchema = z
  .object({
    file: z.string(),
    key: z.string(),
    format: z.enum(["csv", "json", "kolada"]),
    source: z.object({
      title: z.string(),
      publisher: z.string(),
      date: z.string().nullable(),
      url: z.string().optional(),
    }),
    facts: z.array(plannedSchema),
    skipped: z.array(
      z.object({
        line: z.number().int(),
        entry: z.number().int().optional(),
        subject: z.string().optional(),
        reason: z.string(),
      }),
    ),
    counts: z.object({
      new: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.number().int(),
    }),
    recorded: z.number().int(),
    committed: z.boolean(),
  })
  .passthrough()
  .openapi("FactImportResult");

const route = createRoute({
  method: "post",
  path: "/api/facts/import",
  tags: ["Fakta"],
  summary: "Importera uppgifter ur en fil",
  description:
    "Varje rad kontrolleras mot faktakatalogen; ett enda fel avvisar hela filen (422, med rad och kolumn för " +
    "de första 100 felen och antalet fel) och inget sparas. Med dryRun visas vad som skulle bli nytt, ändrat " +
    "och oförändrat. En import i taget; filen läses och kontrolleras vid sidan av tjänsten och avbryts när " +
    "begärans tidsgräns nås (503). Kräver token.",
  security: bearerSecurity,
  request: { body: { required: true, content: { "multipart/form-data": { schema: uploadSchema } } } },
  responses: {
    200: {
      description: "Planen: vad som sparades (eller, med dryRun, skulle sparas).",
      content: { "application/json": { schema: resultSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415, 422, 503),
  },
});

export function registerFactsImport(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  registerUpload(app, ctx, route, receivedSchema, async (c, form, signal) => {
    const commit = !isTrue(form.dryRun);
    try {
      const result = await importFacts(
        ctx.workspace.store,
        {
          key: form.key,
          fileName: form.file.name.replace(/[\\/]/g, "_").slice(0, 200) || "fil",
          bytes: form.file.bytes,
          sourceTitle: form.sourceTitle,
          publisher: form.publisher,
          sourceDate: form.sourceDate,
          asOf: form.asOf,
          url: form.url,
          municipalityColumn: form.municipalityColumn,
          valueColumn: form.valueColumn,
          commit,
        },
        { check: checkOnImportThread(signal) },
      );
      if (commit && result.recorded > 0) ctx.changed();
      return importAnswer(c, result, 200, signal);
    } catch (e) {
      if (isMotioneraError(e) && (e.details.code === "input_invalid" || e.details.code === "fact_invalid"))
        return problemResponse(c, problemAt(e.details, e.details.field));
      throw e;
    }
  });
}
