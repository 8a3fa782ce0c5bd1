/**
 * Staff sign-in for the pages that write (fact keys, statistics fetches, templates): the
 * browser cannot send `Authorization: Bearer`, so a token (MOTIONERA_TOKEN or a named admin
 * token) is typed once into a form and exchanged for a signed, HttpOnly, SameSite=Strict cookie.
 *
 * The cookie holds its expiry time and the token's name, signed (HMAC-SHA256) with a key
 * derived from the SHA-256 of the token's secret, which the store keeps: every service process
 * accepts it, a revoked token's sessions end at once (its name no longer names a token in
 * force), and changing MOTIONERA_TOKEN ends its sessions. A request with the right Bearer
 * header counts as signed in too. The staff pages need the admin role, adding a fact the write role;
 * they run as the caller.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { roleAllows, type TokenRole } from "../domain/api-token.js";
import { actingAs } from "../store/actor-context.js";
import { hashTokenSecret } from "../tokens/secret.js";
import type { AppEnv } from "./app.js";
import { bearerOf, callerOfSecret, type Caller } from "./auth.js";

export const staffCookie = "motionera_personal";
/** How long a sign-in lasts. */
export const staffSessionSeconds = 12 * 60 * 60;

/** The cookie's signing key: never the token itself, and different for every token. */
const signingKey = (hash: string) =>
  createHash("sha256").update("motionera staff session\0", "utf8").update(hash, "utf8").digest();

const signature = (hash: string, body: string) =>
  createHmac("sha256", signingKey(hash)).update(body).digest("base64url");

/** "v2.<expires>.<signature>.<name>" (the name last: it may hold dots; "" for MOTIONERA_TOKEN). */
function cookieValue(caller: Caller, expires: number): string {
  const body = `v2.${expires}.${caller.name}`;
  return `v2.${expires}.${signature(caller.hash, body)}.${caller.name}`;
}

const isHttps = (c: Context<AppEnv>) =>
  new URL(c.req.url).protocol === "https:" ||
  (c.get("ctx").options.trustProxy && c.req.header("x-forwarded-proto") === "https");

/** The caller a session cookie names, if it is signed by a token in force and not expired. */
async function sessionCaller(c: Context<AppEnv>): Promise<Caller | undefined> {
  const value = getCookie(c, staffCookie);
  const m = value ? /^v2\.(\d+)\.([A-Za-z0-9_-]+)\.(.*)$/.exec(value) : null;
  if (!m) return undefined;
  const [, expiresText, given, name] = m as unknown as [string, string, string, string];
  if (!(Number(expiresText) > Date.now())) return undefined;
  const ctx = c.get("ctx");
  let caller: Caller | undefined;
  if (name === "") {
    const env = ctx.options.token;
    if (env) caller = { name: "", role: "admin", actor: { kind: "env-token" }, hash: hashTokenSecret(env) };
  } else {
    const token = (await ctx.workspace.store.tokens()).find((t) => t.name === name && t.revokedAt === undefined);
    if (token) caller = { name, role: token.role, actor: { kind: "token", name }, hash: token.hash };
  }
  if (!caller) return undefined;
  const expected = Buffer.from(signature(caller.hash, `v2.${expiresText}.${name}`));
  const got = Buffer.from(given);
  return expected.length === got.length && timingSafeEqual(expected, got) ? caller : undefined;
}

/** Signed in (a valid cookie, or a token as Bearer) with at least the role `needs`: who; else undefined. */
export async function signedInCaller(c: Context<AppEnv>, needs: TokenRole): Promise<Caller | undefined> {
  const bearer = await bearerOf(c);
  const caller = bearer.kind === "valid" ? bearer.caller : await sessionCaller(c);
  return caller && roleAllows(caller.role, needs) ? caller : undefined;
}

/** Signed-in staff (a valid cookie, or an admin token as Bearer): who; else undefined. */
export const staffCaller = (c: Context<AppEnv>): Promise<Caller | undefined> => signedInCaller(c, "admin");

/** Whether this request comes from signed-in staff. */
export async function isStaff(c: Context<AppEnv>): Promise<boolean> {
  return (await staffCaller(c)) !== undefined;
}

/** What a sign-in attempt comes to. */
export type SignIn = "signed-in" | "wrong-token" | "role-too-low" | "no-token";

/**
 * Checks the typed token and, when it is a token in force with at least the role `needs` (admin
 * for the staff pages, write for adding a fact), sets the session cookie.
 */
export async function signIn(c: Context<AppEnv>, typed: string, needs: TokenRole = "admin"): Promise<SignIn> {
  const found = await callerOfSecret(c, typed.trim());
  if (!found || found.revoked) {
    const ctx = c.get("ctx");
    const any = ctx.options.token || (await ctx.workspace.store.tokens()).some((t) => t.revokedAt === undefined);
    return any ? "wrong-token" : "no-token";
  }
  if (!roleAllows(found.caller.role, needs)) return "role-too-low";
  setCookie(c, staffCookie, cookieValue(found.caller, Date.now() + staffSessionSeconds * 1000), {
    path: "/",
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    maxAge: staffSessionSeconds,
  });
  return "signed-in";
}

export function signOut(c: Context<AppEnv>): void {
  deleteCookie(c, staffCookie, { path: "/", secure: isHttps(c) });
}

/** Where to go after signing in: a path on this site only (never another host). */
export function safeReturnPath(given: string | undefined, fallback: string): string {
  if (!given?.startsWith("/") || given.startsWith("//") || given.includes("\\")) return fallback;
  return given;
}

/**
 * For the staff pages: signed-in staff go on, as themselves (their writes logged under their
 * token's name); anyone else is sent to the sign-in page (a GET) or shown it with a 401 (a form
 * post, whose data cannot survive a redirect).
 */
export function requireStaff(refuse: (c: Context<AppEnv>) => Response | Promise<Response>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = await staffCaller(c);
    if (!caller) return refuse(c);
    c.set("caller", caller);
    return actingAs(caller.actor, () => next());
  };
}
