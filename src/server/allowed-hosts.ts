/**
 * An optional Host allow-list against DNS rebinding: a page on another site whose name has
 * been pointed at this service's address sends its requests with its own name in Host; the
 * service answers only the names it is told (`--allowed-hosts`). Without a list every Host is
 * answered. `/healthz` is always answered (load balancers probe by address; it tells nothing).
 */
import type { MiddlewareHandler } from "hono";
import { z } from "../domain/zod.js";
import type { AppEnv } from "./app.js";
import { problemResponse, problems } from "./problem.js";

/** One allowed host: a name or address, optionally with a port ("motionera.example", "[::1]:8787"). */
interface HostRule {
  hostname: string;
  port?: string;
}

/** "name", "name:port", "[v6]", "[v6]:port", "*" is not accepted: a list names hosts. */
export const allowedHostSchema = z
  .string()
  .trim()
  .min(1)
  .max(260)
  .refine((s) => parseHost(s) !== undefined, { message: "ange ett värdnamn eller en adress, eventuellt med port (motionera.example, 127.0.0.1:8787, [::1])" });

/** Host as URL parsing reads it, so the request's Host and the list compare alike (case, IDN, IPv6). */
function parseHost(s: string): HostRule | undefined {
  if (!s || /[/?#@\s*]/.test(s)) return undefined;
  try {
    const u = new URL(`http://${s}`);
    if (!u.hostname) return undefined;
    const explicitPort = /:(\d+)$/.exec(s)?.[1];
    return { hostname: u.hostname, ...(explicitPort !== undefined ? { port: String(Number(explicitPort)) } : {}) };
  } catch {
    return undefined;
  }
}

/** "a,b, c" (the option or MOTIONERA_ALLOWED_HOSTS) → the names. */
export function splitHosts(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function hostAllowList(allowed: readonly string[]): MiddlewareHandler<AppEnv> {
  const rules = allowed.map(parseHost).filter((r): r is HostRule => r !== undefined);
  if (rules.length === 0) return async (_c, next) => next();
  return async (c, next) => {
    if (c.req.path === "/healthz") return next();
    // The Node adapter builds the URL from the Host header; a request without one gets the listening address.
    const url = new URL(c.req.url);
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    const ok = rules.some((r) => r.hostname === url.hostname && (r.port === undefined || r.port === port));
    if (!ok) return problemResponse(c, problems.hostNotAllowed());
    await next();
  };
}
