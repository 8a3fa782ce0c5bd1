/**
 * Per-client limits on the routes that draft documents (the costly ones): hono-rate-limiter
 * with its in-memory store, one window per minute, the client told when to come back
 * (`RateLimit` and `Retry-After` headers). The client is the peer's address, or the first
 * X-Forwarded-For address when the service is told it runs behind a proxy.
 *
 * The drafting budget counts documents, not requests: a single draft costs one, a campaign
 * one per document it will make (municipalities × formats), charged to the same store.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { MemoryStore, rateLimiter } from "hono-rate-limiter";
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
const windowMs = 60_000;

/**
 * A limiter allowing `perMinute` requests a minute per client (0: no limit). Pages answer
 * with the Swedish 429 page, the API with problem+json.
 */
export function perClientLimit(
  ctx: ServerContext,
  perMinute: number,
  renderPage: (c: Context, status: number) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return new DraftBudget(ctx, perMinute).middleware(renderPage);
}

/** Whether more documents fit in a client's minute, or when the client may try again. */
export type Charge = { ok: true } | { ok: false; retryAfter: number };

/**
 * Documents a client may draft per minute. The middleware charges one per request (the
 * request itself); `charge` adds what a request costs beyond that, all or nothing.
 */
export class DraftBudget {
  readonly #store = new MemoryStore<AppEnv>();

  constructor(
    private readonly ctx: ServerContext,
    readonly perMinute: number,
  ) {}

  middleware(renderPage: (c: Context, status: number) => Response | Promise<Response>): MiddlewareHandler<AppEnv> {
    const perMinute = this.perMinute;
    if (perMinute <= 0) return async (_c, next) => next();
    return rateLimiter<AppEnv>({
      windowMs,
      limit: perMinute,
      standardHeaders: "draft-7",
      store: this.#store,
      keyGenerator: (c) => clientKey(c, this.ctx.options.trustProxy),
      // The library has set RateLimit, RateLimit-Policy and Retry-After on the context.
      handler: (c) =>
        isApi(c.req.path) ? problemResponse(c, problems.tooManyRequests(perMinute)) : renderPage(c, 429),
    });
  }

  /**
   * Whether `extra` more documents fit in the current minute of the client of `c`; when not,
   * the RateLimit headers say what is left and the answer when the minute is over. Charges
   * nothing. Without a limit everything fits.
   */
  fits(c: Context, extra: number): Charge {
    if (this.perMinute <= 0 || extra <= 0) return { ok: true };
    const { used, resetSeconds } = this.#usage(c);
    if (used + extra <= this.perMinute) return { ok: true };
    this.#headers(c, Math.max(0, this.perMinute - used), resetSeconds);
    return { ok: false, retryAfter: resetSeconds };
  }

  /** Charges `extra` more documents to the client of `c` (after `fits`), and sets the RateLimit headers. */
  charge(c: Context, extra: number): void {
    if (this.perMinute <= 0 || extra <= 0) return;
    const key = clientKey(c, this.ctx.options.trustProxy);
    for (let i = 0; i < extra; i++) this.#store.increment(key);
    const { used, resetSeconds } = this.#usage(c);
    this.#headers(c, Math.max(0, this.perMinute - used), resetSeconds);
  }

  /** What the client has used of its current minute, and the seconds until the minute is over. */
  #usage(c: Context): { used: number; resetSeconds: number } {
    const now = Date.now();
    const info = this.#store.get(clientKey(c, this.ctx.options.trustProxy));
    const live = info?.resetTime && info.resetTime.getTime() > now ? info : undefined;
    return {
      used: live?.totalHits ?? 0,
      resetSeconds: Math.max(1, Math.ceil(((live?.resetTime?.getTime() ?? now + windowMs) - now) / 1000)),
    };
  }

  #headers(c: Context, remaining: number, reset: number): void {
    c.header("RateLimit-Policy", `${this.perMinute};w=${windowMs / 1000}`);
    c.header("RateLimit", `limit=${this.perMinute}, remaining=${remaining}, reset=${reset}`);
  }
}
