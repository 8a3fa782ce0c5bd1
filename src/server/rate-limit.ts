/**
 * Per-client limits on the routes that draft documents (the costly ones): hono-rate-limiter
 * with its in-memory store, one window per minute, the client told when to come back
 * (`RateLimit` and `Retry-After` headers). The client is the peer's address, or the first
 * X-Forwarded-For address when the service is told it runs behind a proxy.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { AppEnv } from "./app.js";
import type { ServerContext } from "./context.js";
import { problemResponse, problems } from "./problem.js";

/** Who a request comes from, for the limits. */
export function clientKey(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // not on a Node socket (app.request in tests)
  }
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

/**
 * A limiter allowing `perMinute` requests a minute per client (0: no limit). Pages answer
 * with the Swedish 429 page, the API with problem+json.
 */
export function perClientLimit(ctx: ServerContext, perMinute: number, renderPage: (c: Context, status: number) => Response | Promise<Response>): MiddlewareHandler<AppEnv> {
  if (perMinute <= 0) return async (_c, next) => next();
  return rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    keyGenerator: (c) => clientKey(c, ctx.options.trustProxy),
    // The library has set RateLimit, RateLimit-Policy and Retry-After on the context.
    handler: (c) => (isApi(c.req.path) ? problemResponse(c, problems.tooManyRequests(perMinute)) : renderPage(c, 429)),
  });
}
