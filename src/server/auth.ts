/**
 * Writes need `Authorization: Bearer <MOTIONERA_TOKEN>`. The token is compared in constant
 * time (hashes of equal length, timingSafeEqual); with no token configured, writes are refused.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app.js";
import { problemResponse, problems } from "./problem.js";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export const requireWriteToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.get("ctx").options.token;
  if (!expected) return problemResponse(c, problems.readOnly());
  const header = c.req.header("authorization") ?? "";
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m || !tokenMatches(m[1]!, expected)) {
    c.header("WWW-Authenticate", 'Bearer realm="motionera"');
    return problemResponse(c, problems.unauthorized());
  }
  await next();
};
