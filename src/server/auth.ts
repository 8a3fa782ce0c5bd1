/**
 * Writes need `Authorization: Bearer <MOTIONERA_TOKEN>`. The token is compared in constant
 * time (hashes of equal length, timingSafeEqual); with no token configured, writes are refused.
 * Campaigns take the token when they carry one (a large campaign needs it), and go on without.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app.js";
import { problemResponse, problems } from "./problem.js";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * What the request says about the token: none given, the right one, a wrong one (or a
 * malformed header), or one given to a service that has none.
 */
export type Bearer = "none" | "valid" | "invalid" | "no-token";

export function bearerOf(c: Context<AppEnv>): Bearer {
  const header = c.req.header("authorization");
  if (header === undefined) return "none";
  const expected = c.get("ctx").options.token;
  if (!expected) return "no-token";
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m && tokenMatches(m[1]!, expected) ? "valid" : "invalid";
}

/** The answer to a token that cannot be used: 401 with WWW-Authenticate, or 403 when the service has no token. */
export function refuseBearer(c: Context<AppEnv>, bearer: "none" | "invalid" | "no-token"): Response {
  if (bearer === "no-token" || !c.get("ctx").options.token) return problemResponse(c, problems.readOnly());
  c.header("WWW-Authenticate", 'Bearer realm="motionera"');
  return problemResponse(c, problems.unauthorized());
}

export const requireWriteToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bearer = bearerOf(c);
  if (bearer !== "valid") return refuseBearer(c, bearer);
  await next();
};

/** A token is optional, but one that is sent must be right (a wrong one is never ignored). */
export const optionalWriteToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bearer = bearerOf(c);
  if (bearer === "invalid" || bearer === "no-token") return refuseBearer(c, bearer);
  await next();
};
