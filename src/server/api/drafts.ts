/**
 * POST /api/drafts: a DraftRequest in, the document out, as DOCX, PDF, HTML, Markdown, an
 * HTML fragment for live previews, or the Draft itself as JSON. `format` in the body wins;
 * without it the Accept header chooses (anything, or nothing: DOCX).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import { draftRequestSchema } from "../../domain/draft-request.js";
import type { DraftReview, DraftWarning } from "../../domain/errors.js";
import { explainWarningWorded, type FactWording } from "../../messages.sv.js";
import { webFactWording } from "../fact-wording.js";
import { formats, mimeTypeOf, type Format } from "../../render/index.js";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { attachment, renderDraftFor, reviewHeaders } from "../drafting.js";
import { problemResponse, problems } from "../problem.js";
import { defineRoute, jsonBody, problemResponses } from "./shared.js";

export const draftFormats = [...formats, "html-fragment", "json"] as const;
type DraftFormat = (typeof draftFormats)[number];

export const draftBodySchema = draftRequestSchema
  .extend({
    format: z.enum(draftFormats).optional().openapi({
      description:
        "Svarets format; utan det väljer Accept-huvudet. html-fragment: bara <article>, för förhandsvisning.",
    }),
  })
  .openapi("DraftRequest", {
    description: "Vad som ska skrivas: mall, kommun, undertecknare, mallens fält och valda argument ur korpusen.",
    example: {
      template: "kast-avtal",
      municipality: "Lidingö",
      authors: [{ name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" }],
      date: "2026-11-24",
      inputs: { committee: "socialnämnden" },
      arguments: [],
      strict: false,
      format: "docx",
    },
  });

/** Every warning the core gives; the type check fails when the core adds one this list lacks. */
const warningCodes = [
  "fact_stale",
  "fact_optional_missing",
  "committee_default",
  "source_incomplete",
  "source_other_party",
  "several_interpellants",
] as const satisfies readonly DraftWarning["code"][];
const allCodesListed: Exclude<DraftWarning["code"], (typeof warningCodes)[number]> extends never ? true : false = true;
void allCodesListed;

const warningSchema = z
  .object({
    code: z.enum(warningCodes),
    message: z.string().openapi({ description: "Varningen på svenska, som den visas för användaren." }),
    addFact: z.string().optional().openapi({
      description: "För en gammal uppgift (fact_stale): adressen till formuläret Lägg till uppgift, ifyllt.",
    }),
  })
  .loose()
  .openapi("DraftWarning", {
    description:
      "En varning; fälten utöver code och message beror på code (t.ex. key, label, subjectName för fact_stale).",
  });

const reviewSchema = z
  .object({
    placeholders: z.array(z.string()).openapi({
      description: "Ställen som undertecknaren måste fylla i, i läsordning; i dokumentet står de som [FYLL I: …].",
      example: ["beslutets datum"],
    }),
    checks: z.array(warningSchema).openapi({
      description:
        "Det som undertecknaren ska kontrollera innan utkastet lämnas in (t.ex. gamla uppgifter, en källa " +
        "utan datum).",
    }),
  })
  .openapi("DraftReview", {
    description: "Att göra innan utkastet lämnas in: ställen att fylla i och saker att kontrollera.",
  });

const draftJsonSchema = z
  .object({
    draft: z
      .object({
        meta: z.record(z.string(), z.unknown()),
        blocks: z.array(z.unknown()),
        citations: z.array(z.unknown()),
        sources: z.array(z.unknown()),
      })
      .openapi({ description: "Dokumentträdet (Draft) som alla format skrivs från." }),
    warnings: z.array(warningSchema),
    review: reviewSchema,
    editable: z
      .object({
        markdown: z.string().openapi({
          description:
            "Texten att redigera: noterna som [^1], [^2] …, [FYLL I: …] och formulärets delar som ⟦underskrifter⟧. " +
            "Skickas tillbaka som editedMarkdown.",
        }),
        notes: z.array(z.string()).openapi({
          description: "Vilken källa varje notnummer i texten står för; skickas tillbaka som editedFrom.notes.",
        }),
        noteTexts: z.array(z.string()).openapi({
          description: "Vad varje notnummer i texten står för, som noten lyder (utgivare, ”titel”, datum).",
        }),
        edited: z.boolean().openapi({ description: "Utkastet skrevs från en redigerad text." }),
      })
      .openapi({ description: "Utkastets text som den redigeras (Redigera texten)." }),
  })
  .openapi("DraftJson");

/** A warning with its Swedish text, naming the web's form (and its address in addFact) for a fact to add. */
const withMessage = (wording: FactWording) => (w: DraftWarning) => ({
  ...w,
  message: explainWarningWorded(w, wording),
  ...(w.code === "fact_stale" && wording.kind === "web"
    ? { addFact: wording.href({ subject: w.subjectName, key: w.key }) }
    : {}),
});
const reviewJson = (r: DraftReview, wording: FactWording) => ({
  placeholders: r.placeholders,
  checks: r.checks.map(withMessage(wording)),
});

const binary = z.string().openapi({ type: "string", format: "binary" });
const docxType = mimeTypeOf("docx");

/** What Accept can ask for, in our order of preference when it allows several equally. */
const offered: [string, DraftFormat][] = [
  [docxType, "docx"],
  ["application/pdf", "pdf"],
  ["text/html", "html"],
  ["text/markdown", "md"],
  ["application/json", "json"],
];

/** The format an Accept header asks for (q-values, type/* and * / * honoured); undefined: none we have. */
export function negotiate(accept: string | undefined): DraftFormat | undefined {
  if (!accept?.trim()) return "docx";
  const ranges = accept
    .split(",")
    .map((part, i) => {
      const [range = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith("q="))?.slice(2) ?? "1");
      return { range, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.range && r.q > 0)
    .sort((a, b) => b.q - a.q || specificity(b.range) - specificity(a.range) || a.i - b.i);
  for (const { range } of ranges) {
    const hit = offered.find(
      ([type]) => range === "*/*" || range === type || (range.endsWith("/*") && type.startsWith(range.slice(0, -1))),
    );
    if (hit) return hit[1];
  }
  return undefined;
}
const specificity = (range: string) => (range === "*/*" ? 0 : range.endsWith("/*") ? 1 : 2);

const warningsHeader = {
  "X-Motionera-Warnings": {
    description:
      "Varningarna (gamla uppgifter, det som ska kontrolleras, valfria uppgifter som saknas) som en " +
      "JSON-lista med svenska texter, procentkodad (decodeURIComponent, sedan JSON.parse).",
    schema: { type: "string" as const },
  },
  "X-Motionera-Placeholders": {
    description:
      "Ställena som undertecknaren måste fylla i ([FYLL I: …] i dokumentet) som en JSON-lista, procentkodad " +
      "som X-Motionera-Warnings. Tom lista: inget att fylla i.",
    schema: { type: "string" as const },
  },
};

const createDraftRoute = (ctx: ServerContext) =>
  createRoute({
    method: "post",
    path: "/api/drafts",
    tags: ["Utkast"],
    summary: "Skriv ett utkast",
    description:
      "Fyller mallen med kommunens uppgifter (med källor) och svarar med dokumentet. Formatet väljs med " +
      "format i kroppen eller med Accept; utan båda blir det DOCX. Fel i mallens fält, okänd kommun eller " +
      "uppgifter som saknas ger 422; alla fel står i errors på en gång, vart och ett med fältets sökväg och " +
      "felkod (ett enda fel behåller sin egen problemtyp). Det som undertecknaren måste fylla i och " +
      "kontrollera står i review (JSON) och i huvudena X-Motionera-Placeholders och X-Motionera-Warnings. Med " +
      "strict: true ger en för gammal uppgift eller ett ställe att fylla i 422 " +
      "(draft-has-placeholders med placeholders). En redigerad text skickas som editedMarkdown (med " +
      "editedFrom: mall, kommun och notes ur svaret med format json); den ersätter mallens text, medan " +
      "undertecknare och datum fortfarande hämtas ur anropet. En trasig eller påhittad notmarkering ger 422 " +
      "med raden.",
    middleware: jsonBody(ctx),
    request: { body: { required: true, content: { "application/json": { schema: draftBodySchema } } } },
    responses: {
      200: {
        description: "Dokumentet (DOCX, PDF och Markdown som bilaga), eller utkastet som JSON.",
        headers: warningsHeader,
        content: {
          [docxType]: { schema: binary },
          "application/pdf": { schema: binary },
          "text/html": { schema: z.string() },
          "text/markdown": { schema: z.string() },
          "application/json": { schema: draftJsonSchema },
        },
      },
      ...problemResponses(400, 404, 406, 413, 415, 422),
    },
  });

export function registerDrafts(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  defineRoute(app, createDraftRoute(ctx), async (c) => {
    const { format: asked, ...request } = c.req.valid("json");
    const format = asked ?? negotiate(c.req.header("accept"));
    c.header("Vary", "Accept");
    c.header("Cache-Control", "no-store");
    if (!format) return problemResponse(c, problems.notAcceptable(offered.map(([type]) => type)));

    // A missing or stale fact is named by the service's form, not the command line's command.
    const wording = webFactWording(new URL(c.req.url).origin);
    if (format === "json") {
      const { draft, warnings, review, editable } = await ctx.workspace.compose(request, { wording });
      for (const [k, v] of Object.entries(reviewHeaders(warnings, review, wording))) c.header(k, v);
      const json = { draft, warnings: warnings.map(withMessage(wording)), review: reviewJson(review, wording) };
      return c.json({ ...json, editable }, 200);
    }

    const r = await renderDraftFor(ctx.workspace, request, format, ctx.render, { wording });
    const headers: Record<string, string> = {
      "Content-Type": r.contentType,
      ...reviewHeaders(r.warnings, r.review, wording),
    };
    if (isDownload(format)) headers["Content-Disposition"] = attachment(r.fileName);
    return c.body(typeof r.body === "string" ? r.body : new Uint8Array(r.body), 200, headers);
  });
}

const isDownload = (f: Format | "html-fragment"): boolean => f === "docx" || f === "pdf" || f === "md";
