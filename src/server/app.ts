/**
 * The Hono application: middleware (security headers, the Host allow-list, body limits,
 * timeouts, CSRF for form posts), the JSON API under /api with its OpenAPI document, and the
 * Swedish pages. Routes only translate between HTTP and the core; there is no business logic here.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { timeout } from "hono/timeout";
import type { Workspace } from "../workspace.js";
import { registerApi } from "./api/index.js";
import { ServerContext, defaultServerOptions, type ServerOptions } from "./context.js";
import { registerPages, renderErrorPage } from "./pages/index.js";
import { paths } from "./pages/frame/links.js";
import { perClientLimit } from "./rate-limit.js";
import { RenderPoolClosedError } from "../render/render-pool.js";
import { isMotioneraError } from "../domain/errors.js";
import { hostAllowList } from "./allowed-hosts.js";
import { compressResponses } from "./compression.js";
import type { Caller } from "./auth.js";
import { logError } from "./log.js";
import { webFactWording } from "./fact-wording.js";
import { fieldErrors, problemFromError, problemResponse, problems } from "./problem.js";

/** `caller`: who the request's token names, set by the routes that take one (auth.ts). */
export type AppEnv = { Variables: { ctx: ServerContext; caller: Caller | undefined } };

/** Paths answered in JSON and problem+json, not pages: the API and the probes. */
const isApi = (path: string) => path === "/api" || path.startsWith("/api/") || path === "/readyz";

export function createApp(workspace: Workspace, options: ServerOptions = {}): OpenAPIHono<AppEnv> {
  const ctx = new ServerContext(workspace, { ...defaultServerOptions, ...options });
  const app = new OpenAPIHono<AppEnv>({
    // Invalid input in any validated part of a request: 400 with the path of every field at fault.
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(c, problems.invalid(fieldErrors(result.error)));
      return undefined;
    },
  });

  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });
  // Brotli or gzip where the client accepts it (compression.ts); outermost, so errors are compressed too.
  app.use("*", compressResponses());
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "same-origin",
    }),
  );
  app.use("*", hostAllowList(ctx.options.allowedHosts));
  app.use(
    "*",
    timeout(ctx.options.requestTimeoutMs, () => new HTTPException(503, { message: "timeout" })),
  );

  // A trivial route: the ceiling the load benchmark compares the real routes with.
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  // Whether this process can serve: its store answers (on PostgreSQL, while listening, from the
  // revision it holds; else one query). A database that cannot be reached: 503 with the problem,
  // so a load balancer takes this process out of rotation until it can.
  app.get("/readyz", async (c) => {
    await ctx.workspace.store.revision();
    return c.json({ status: "ok" });
  });

  // Drafting costs a core for tens of milliseconds: limited per client (429 + Retry-After).
  // Each request costs one document here; a campaign is charged the rest of its documents
  // when it is admitted (campaign-admission.ts), from the same budget.
  app.on(
    "POST",
    ["/api/drafts", "/api/campaigns", paths.download, paths.campaign],
    ctx.drafting.middleware(renderErrorPage),
  );
  // One budget for every live preview: the draft form's and the template editor's.
  app.on(
    "POST",
    [paths.previewFragment, paths.templatePreviewFragment],
    perClientLimit(ctx, ctx.options.previewsPerMinute, renderErrorPage),
  );

  registerApi(app, ctx);
  registerPages(app, ctx);

  app.notFound((c) =>
    isApi(c.req.path) ? problemResponse(c, problems.notFound("Resursen")) : renderErrorPage(c, 404),
  );
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 503 && err.message === "timeout")
        return isApi(c.req.path) ? problemResponse(c, problems.timeout()) : renderErrorPage(c, 503);
      if (status === 413)
        return isApi(c.req.path)
          ? problemResponse(c, problems.tooLarge(ctx.options.maxBodyBytes))
          : renderErrorPage(c, 413);
      if (status === 400 && /json/i.test(err.message)) return problemResponse(c, problems.malformedJson());
      if (status === 403 && /csrf|origin/i.test(err.message)) return renderErrorPage(c, 403);
      if (status < 500)
        return isApi(c.req.path)
          ? problemResponse(c, { type: "about:blank", title: err.message || "Fel i begäran", status })
          : renderErrorPage(c, status);
    }
    // Stopping: drafts still waiting for a writer thread are told to come back, not logged as faults.
    if (err instanceof RenderPoolClosedError)
      return isApi(c.req.path) ? problemResponse(c, problems.stopping()) : renderErrorPage(c, 503);
    // The service names its own form for a missing fact, never the command line.
    const p = problemFromError(err, webFactWording(new URL(c.req.url).origin));
    // The operator's log: one line with the code for a known error, the stack for an unexpected one.
    if (p.status >= 500 || (isMotioneraError(err) && err.details.code === "template_invalid")) logError(c, err);
    if (isApi(c.req.path)) return problemResponse(c, p);
    return isMotioneraError(err) ? renderErrorPage(c, p.status, err.details) : renderErrorPage(c, p.status);
  });
  return app;
}
