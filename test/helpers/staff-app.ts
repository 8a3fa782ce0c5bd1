/**
 * For tests of staff pages through `app.request`: a posted form (same-origin, as a browser sends
 * it) and `signedIn(app, token)`, the session cookie of a staff sign-in.
 */

/** The origin the app serves in tests; a form posted from it passes the CSRF guard. */
export const origin = "http://localhost";

interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A form posted with the fields (a list: the field repeated); headers override the origin or add a cookie. */
export function formPost(fields: Record<string, string | string[]>, headers: Record<string, string> = {}): RequestInit {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", origin, ...headers } };
}

/** `{ cookie }` as headers when there is one. */
export const withCookie = (cookie: string): Record<string, string> => (cookie ? { cookie } : {});

/** The cookie ("name=value") a response sets, or "". */
export const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";

/** Signs in as staff with the token (and `till`, where to go next, if given); the session cookie. */
export async function signedIn(app: Requester, token: string, till?: string): Promise<string> {
  const res = await app.request("/personal/logga-in", formPost({ token, ...(till ? { till } : {}) }));
  const cookie = cookieOf(res);
  if (!cookie) throw new Error(`staff sign-in failed: ${res.status}`);
  return cookie;
}
