/**
 * Who a request is: `Authorization: Bearer <secret>` names a caller when the secret is the
 * service's MOTIONERA_TOKEN (compared in constant time; one admin token, whichever the engine)
 * or a named token the store holds (looked up by the secret's SHA-256). A revoked token is
 * refused (401) like a wrong one. Each route asks for the role it needs (read < write < admin);
 * a token with a lower role gets 403 naming the role needed. The request then runs as the
 * caller (`actingAs`), so every write it makes is in the audit log under the token's name.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Actor } from "../domain/actor.js";
import { roleAllows, type TokenRole } from "../domain/api-token.js";
import { actingAs } from "../store/actor-context.js";
import { hashTokenSecret } from "../tokens/secret.js";
import type { AppEnv } from "./app.js";
import { problemResponse, problems } from "./problem.js";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** A caller a token names. */
export interface Caller {
  /** The named token's name; "" for MOTIONERA_TOKEN. */
  name: string;
  role: TokenRole;
  actor: Actor;
  /** SHA-256 (hex) of the secret: what a staff session's cookie is signed with. */
  hash: string;
}

/** What the request says about its token. `no-token`: one was sent to a service that takes none. */
export type Bearer =
  | { kind: "none" }
  | { kind: "valid"; caller: Caller }
  | { kind: "invalid" }
  | { kind: "revoked" }
  | { kind: "no-token" };

/** The caller a secret names now: MOTIONERA_TOKEN, a named token (revoked or not), or nobody. */
export async function callerOfSecret(
  c: Context<AppEnv>,
  secret: string,
): Promise<{ caller: Caller; revoked: boolean } | undefined> {
  const ctx = c.get("ctx");
  const env = ctx.options.token;
  if (env && tokenMatches(secret, env))
    return {
      caller: { name: "", role: "admin", actor: { kind: "env-token" }, hash: hashTokenSecret(env) },
      revoked: false,
    };
  const hash = hashTokenSecret(secret);
  const token = await ctx.workspace.store.tokenByHash(hash);
  if (!token) return undefined;
  return {
    caller: { name: token.name, role: token.role, actor: { kind: "token", name: token.name }, hash },
    revoked: token.revokedAt !== undefined,
  };
}

/** Whether the service takes tokens at all: MOTIONERA_TOKEN is set, or the store holds a named token in force. */
export async function takesTokens(c: Context<AppEnv>): Promise<boolean> {
  const ctx = c.get("ctx");
  if (ctx.options.token) return true;
  return (await ctx.workspace.store.tokens()).some((t) => t.revokedAt === undefined);
}

export async function bearerOf(c: Context<AppEnv>): Promise<Bearer> {
  const header = c.req.header("authorization");
  if (header === undefined) return { kind: "none" };
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  const found = m ? await callerOfSecret(c, m[1]!) : undefined;
  if (found) return found.revoked ? { kind: "revoked" } : { kind: "valid", caller: found.caller };
  return (await takesTokens(c)) ? { kind: "invalid" } : { kind: "no-token" };
}

/** The answer to a token that cannot be used: 401 with WWW-Authenticate, or 403 when the service takes none. */
export async function refuseBearer(c: Context<AppEnv>, bearer: Exclude<Bearer, { kind: "valid" }>): Promise<Response> {
  if (bearer.kind === "no-token" || !(await takesTokens(c))) return problemResponse(c, problems.readOnly());
  c.header("WWW-Authenticate", 'Bearer realm="motionera"');
  return problemResponse(c, bearer.kind === "revoked" ? problems.revoked() : problems.unauthorized());
}

/** Routes that need a token of at least `needs`; the request runs as its caller. */
export function requireRole(needs: TokenRole): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = await bearerOf(c);
    if (bearer.kind !== "valid") return refuseBearer(c, bearer);
    if (!roleAllows(bearer.caller.role, needs))
      return problemResponse(c, problems.roleTooLow(needs, bearer.caller.role));
    c.set("caller", bearer.caller);
    return actingAs(bearer.caller.actor, () => next());
  };
}

/** Fact and document writes. */
export const requireWriteToken = requireRole("write");

/** A token is optional (it lifts a campaign's limits), but one that is sent must be in force (never ignored). */
export const optionalToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bearer = await bearerOf(c);
  if (bearer.kind === "none") return next();
  if (bearer.kind !== "valid") return refuseBearer(c, bearer);
  c.set("caller", bearer.caller);
  return actingAs(bearer.caller.actor, () => next());
};
