/**
 * An optional Host allow-list against DNS rebinding: a page on another site whose name has
 * been pointed at this service's address sends its requests with its own name in Host; the
 * service answers only the names it is told (`--allowed-hosts`). Without a list every Host is
 * answered. `/healthz` and `/readyz` are always answered (load balancers probe by address; they
 * tell nothing but whether the process and its database answer).
 */
import type { MiddlewareHandler } from "hono";
import { parseHost, type HostRule } from "../domain/allowed-host.js";
import type { AppEnv } from "./app.js";
import { problemResponse, problems } from "./problem.js";

export function hostAllowList(allowed: readonly string[]): MiddlewareHandler<AppEnv> {
  const rules = allowed.map(parseHost).filter((r): r is HostRule => r !== undefined);
  if (rules.length === 0) return async (_c, next) => next();
  return async (c, next) => {
    if (c.req.path === "/healthz" || c.req.path === "/readyz") return next();
    // The Node adapter builds the URL from the Host header; a request without one gets the listening address.
    const url = new URL(c.req.url);
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    const ok = rules.some((r) => r.hostname === url.hostname && (r.port === undefined || r.port === port));
    if (!ok) return problemResponse(c, problems.hostNotAllowed());
    await next();
  };
}
