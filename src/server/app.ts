/**
 * The Hono application: middleware (security headers, body limits, timeouts, CSRF for form
 * posts), the JSON API under /api with its OpenAPI document, and the Swedish pages. Routes
 * only translate between HTTP and the core; there is no business logic here.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { timeout } from "hono/timeout";
import type { Workspace } from "../workspace.js";
import { registerApi } from "./api/index.js";
import { ServerContext, defaultServerOptions, type ServerOptions } from "./context.js";
import { registerPages, renderErrorPage } from "./pages/index.js";
import { paths } from "./pages/links.js";
import { perClientLimit } from "./rate-limit.js";
import { RenderPoolClosedError } from "../render/render-pool.js";
import { fieldErrors, problemFromError, problemResponse, problems } from "./problem.js";

export type AppEnv = { Variables: { ctx: ServerContext } };

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

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
  app.use("*", timeout(ctx.options.requestTimeoutMs, () => new HTTPException(503, { message: "timeout" })));

  // A trivial route: the ceiling the load benchmark compares the real routes with.
  app.get("/healthz", (c) => c.json({ status: "ok" }));

  // Drafting costs a core for tens of milliseconds: limited per client (429 + Retry-After).
  const drafts = perClientLimit(ctx, ctx.options.draftsPerMinute, renderErrorPage);
  app.on("POST", ["/api/drafts", "/api/campaigns", paths.download, paths.campaign], drafts);
  app.on("POST", paths.previewFragment, perClientLimit(ctx, ctx.options.previewsPerMinute, renderErrorPage));

  registerApi(app, ctx);
  registerPages(app, ctx);

  app.notFound((c) => (isApi(c.req.path) ? problemResponse(c, problems.notFound("Resursen")) : renderErrorPage(c, 404)));
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 503 && err.message === "timeout") return isApi(c.req.path) ? problemResponse(c, problems.timeout()) : renderErrorPage(c, 503);
      if (status === 413) return isApi(c.req.path) ? problemResponse(c, problems.tooLarge(ctx.options.maxBodyBytes)) : renderErrorPage(c, 413);
      if (status === 400 && /json/i.test(err.message)) return problemResponse(c, problems.malformedJson());
      if (status === 403 && /csrf|origin/i.test(err.message)) return renderErrorPage(c, 403);
      if (status < 500) return isApi(c.req.path) ? problemResponse(c, { type: "about:blank", title: err.message || "Fel i begäran", status }) : renderErrorPage(c, status);
    }
    // Stopping: drafts still waiting for a writer thread are told to come back, not logged as faults.
    if (err instanceof RenderPoolClosedError) return isApi(c.req.path) ? problemResponse(c, problems.stopping()) : renderErrorPage(c, 503);
    const p = problemFromError(err);
    if (p.status >= 500) console.error(`motionera serve: ${c.req.method} ${c.req.path}:`, err);
    return isApi(c.req.path) ? problemResponse(c, p) : renderErrorPage(c, p.status);
  });
  return app;
}
