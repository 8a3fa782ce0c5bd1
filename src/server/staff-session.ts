/**
 * Staff sign-in for the pages that write (fact keys, statistics fetches, templates): the
 * browser cannot send `Authorization: Bearer`, so the service's write token is typed once
 * into a form and exchanged for a signed, HttpOnly, SameSite=Strict cookie.
 *
 * The cookie holds only its expiry time, signed with a key derived from the token (HMAC):
 * every service process with the same token accepts it, and changing the token ends every
 * session at once. A request with the right Bearer header counts as signed in too.
 */
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import type { AppEnv } from "./app.js";
import { bearerOf, tokenMatches } from "./auth.js";

export const staffCookie = "motionera_personal";
/** How long a sign-in lasts. */
export const staffSessionSeconds = 12 * 60 * 60;

/** The cookie's signing key: never the token itself, and different for every token. */
const signingKey = (token: string) =>
  createHash("sha256").update("motionera staff session\0", "utf8").update(token, "utf8").digest("hex");

const isHttps = (c: Context<AppEnv>) =>
  new URL(c.req.url).protocol === "https:" ||
  (c.get("ctx").options.trustProxy && c.req.header("x-forwarded-proto") === "https");

/** Whether this request comes from signed-in staff (a valid cookie, or the token as Bearer). */
export async function isStaff(c: Context<AppEnv>): Promise<boolean> {
  const token = c.get("ctx").options.token;
  if (!token) return false;
  if (bearerOf(c) === "valid") return true;
  const value = await getSignedCookie(c, signingKey(token), staffCookie);
  if (!value) return false;
  const expires = Number(/^v1\.(\d+)$/.exec(value)?.[1]);
  return Number.isFinite(expires) && expires > Date.now();
}

/** What a sign-in attempt comes to. */
export type SignIn = "signed-in" | "wrong-token" | "no-token";

/** Checks the typed token and, when it is right, sets the session cookie. */
export async function signIn(c: Context<AppEnv>, typed: string): Promise<SignIn> {
  const token = c.get("ctx").options.token;
  if (!token) return "no-token";
  if (!tokenMatches(typed.trim(), token)) return "wrong-token";
  await setSignedCookie(c, staffCookie, `v1.${Date.now() + staffSessionSeconds * 1000}`, signingKey(token), {
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
 * For the staff pages: signed-in staff go on; anyone else is sent to the sign-in page (a GET)
 * or shown it with a 401 (a form post, whose data cannot survive a redirect).
 */
export function requireStaff(refuse: (c: Context<AppEnv>) => Response | Promise<Response>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (await isStaff(c)) return next();
    return refuse(c);
  };
}
