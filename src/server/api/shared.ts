/**
 * What every API route shares: the problem schema, the error responses each route declares,
 * JSON body checks (size, content type), and the 405 answer for methods a path does not take.
 */
import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import { z } from "../../domain/zod.js";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app.js";
import type { ServerContext } from "../context.js";
import { problemOf, problemResponse, problems, type Problem } from "../problem.js";
import type { ErrorDetails } from "../../domain/errors.js";

const addFactSchema = z.string().optional().openapi({
  description: "fact-missing och fact-stale: adressen till tjänstens formulär Lägg till uppgift, ifyllt.",
  example: "https://motionera.example/personal/uppgifter/ny?kommun=Pajala&nyckel=mika_kast_agreement",
});

export const fieldErrorSchema = z.object({
  path: z.string().openapi({ example: "authors/0/name" }),
  message: z.string(),
  code: z.string().optional().openapi({
    description: "Kärnans felkod när en kontroll hittade felet (t.ex. unknown_municipality).",
    example: "unknown_municipality",
  }),
  suggestions: z.array(z.string()).optional().openapi({ description: "Menade du: närmaste kända namn för fältet." }),
  addFact: addFactSchema,
});

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: "https://motionera.se/problem/unknown-municipality" }),
    title: z.string().openapi({ example: "Okänd kommun" }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().optional().openapi({ example: 'Okänd kommun: "Lidingoo". Menade du "Lidingö"? …' }),
    errors: z.array(fieldErrorSchema).optional(),
    suggestions: z.array(z.string()).optional(),
    addFact: addFactSchema,
    placeholders: z
      .array(z.string())
      .optional()
      .openapi({
        description: "draft-has-placeholders: ställena som utkastet fortfarande ber undertecknaren fylla i.",
        example: ["beslutets datum"],
      }),
  })
  .openapi("Problem", { description: "Fel enligt RFC 9457 (application/problem+json)." });

const problemText: Record<number, string> = {
  400: "Ogiltig begäran: fälten som är fel står i errors (med sökväg, t.ex. authors/0/name).",
  401: "Token saknas, är fel eller är återkallad (`Authorization: Bearer <token>`).",
  403: "Token har för låg roll (svaret namnger rollen som krävs), eller tjänsten tar inte emot tokens.",
  404: "Finns inte.",
  405: "Metoden stöds inte för sökvägen; se Allow.",
  406: "Inget av formaten i Accept kan levereras.",
  409: "Det som begärs krockar med det som finns (en nyckel som finns eller används).",
  413: "Begäran är för stor.",
  415: "Fel innehållstyp.",
  421: "Tjänsten svarar inte på värdnamnet i Host (se --allowed-hosts).",
  422: "Begäran går inte att utföra med de värden som angavs.",
  429: "För många utkast från klienten den här minuten; se Retry-After.",
  503: "Tidsgränsen nåddes, databasen kan inte läsas, eller tjänsten är upptagen (se Retry-After).",
};

/**
 * One example per status, made by the same functions that make the service's answers, so the
 * API documentation shows what each status really says (not one 422 for every status).
 */
const problemExamples: Record<number, Problem> = {
  // What POST /api/drafts answers for an empty signer's name (zod's Swedish message).
  400: problems.invalid([{ path: "authors/0/name", message: "För lite(t): förväntade string att ha >=1 tecken" }]),
  401: problems.unauthorized(),
  403: problems.roleTooLow("write", "read"),
  404: problems.notFound("Kommunen"),
  405: problems.methodNotAllowed(["GET"]),
  406: problems.notAcceptable(["application/json", "text/csv"]),
  409: problemOf({ code: "fact_key_exists", key: "antal_sexkopsbrott" }),
  413: problems.tooLarge(1024 * 1024),
  415: problems.unsupportedMediaType("application/json"),
  421: problems.hostNotAllowed(),
  422: problemOf({ code: "unknown_municipality", query: "Lidingoo", suggestions: ["Lidingö"] }),
  429: problems.tooManyRequests(120),
  503: problems.timeout(),
};

/** The problem responses a route declares in the OpenAPI document. */
export function problemResponses(...statuses: (keyof typeof problemText)[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: problemText[s] ?? "Fel",
        content: {
          "application/problem+json": {
            schema: problemSchema,
            ...(problemExamples[s] ? { example: problemExamples[s] } : {}),
          },
        },
      },
    ]),
  ) as Record<
    number,
    {
      description: string;
      content: { "application/problem+json": { schema: typeof problemSchema; example?: Problem } };
    }
  >;
}

/** Writes need a bearer token; the OpenAPI document names the scheme. */
export const bearerSecurity = [{ bearerAuth: [] as string[] }];

/** The token is optional (needed for more): no security requirement, or the bearer token. */
export const optionalBearerSecurity: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

/** The context a route's handler gets: validated input typed from the route's schemas. */
export type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, AppEnv>>[0];

const routingPath = (path: string) => path.replaceAll(/\/{(.+?)}/g, "/:$1");

/**
 * Registers a route and, right after it, the 405 answer for every other method on its path.
 * Handlers return plain Responses (files, problems) as well as JSON, so the handler type is
 * loosened here; its input stays typed from the route.
 */
export function defineRoute<R extends RouteConfig>(
  app: OpenAPIHono<AppEnv>,
  route: R,
  handler: (c: RouteContext<R>) => Response | Promise<Response>,
): void {
  app.openapi(route, handler as never);
  allowOnly(app, routingPath(route.path), [route.method.toUpperCase()]);
}

/** Several routes on one path (GET and POST, PATCH and DELETE): other methods get 405 once, after all of them. */
export function defineRoutesOnPath(
  app: OpenAPIHono<AppEnv>,
  routes: readonly [RouteConfig, (c: never) => Response | Promise<Response>][],
): void {
  for (const [route, handler] of routes) app.openapi(route, handler as never);
  allowOnly(
    app,
    routingPath(routes[0]![0].path),
    routes.map(([r]) => r.method.toUpperCase()),
  );
}

/** Other methods than `methods` on `path`: 405 with Allow (OPTIONS: 204 with Allow). */
export function allowOnly(app: OpenAPIHono<AppEnv>, path: string, methods: string[]): void {
  const allowed = methods.includes("GET") ? [...methods, "HEAD"] : methods;
  const allow = [...allowed, "OPTIONS"].join(", ");
  app.all(path, (c) => {
    if (c.req.method === "OPTIONS") return c.body(null, 204, { Allow: allow });
    c.header("Allow", allow);
    return problemResponse(c, problems.methodNotAllowed(allowed));
  });
}

/** A body must come with a matching Content-Type: 415 otherwise (before its bytes are read). */
export function requireContentType(pattern: RegExp, expected: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!pattern.test(c.req.header("content-type") ?? ""))
      return problemResponse(c, problems.unsupportedMediaType(expected));
    await next();
  };
}

/** JSON bodies: sent as JSON (415) and at most ctx.options.maxBodyBytes (413). */
export function jsonBody(ctx: ServerContext): MiddlewareHandler<AppEnv>[] {
  const limit = ctx.options.maxBodyBytes;
  return [
    requireContentType(/^application\/([\w.-]+\+)?json\s*(;|$)/i, "application/json"),
    bodyLimit({ maxSize: limit, onError: (c) => problemResponse(c, problems.tooLarge(limit)) }),
  ];
}

/** A core error as a problem, with the field path of the request part it came from. */
export function problemAt(details: ErrorDetails, path: string): Problem {
  const p = problemOf(details);
  return { ...p, errors: [{ path, message: p.detail ?? p.title }] };
}

/** Helpers below return either their result or a Problem to answer with. */
export function isProblem(x: object): x is Problem {
  return "type" in x && "status" in x && "title" in x && typeof (x as Problem).status === "number";
}

/** A query parameter that may be given several times or as a comma-separated list. */
export const listParam = (example: string) =>
  z
    .union([z.string().max(500), z.array(z.string().max(500)).max(50)])
    .optional()
    .openapi({
      type: "array",
      items: { type: "string" },
      example: [example],
      description: "Kan anges flera gånger eller som kommaseparerad lista.",
      param: { style: "form", explode: true },
    });

export const asList = (v: string | string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

/** "true"/"1"/"ja"/"on" as a query or form flag. */
export const isTrue = (v: string | undefined): boolean => v !== undefined && /^(true|1|ja|yes|on)$/i.test(v.trim());
