/**
 * GET JSON from a public statistics service (Kolada, SCB) the way such services ask to be used:
 *
 * - paced: at most `pace.limit` requests per `pace.intervalMs`, counted over any window
 *   (p-throttle, strict), retries included;
 * - a timeout per attempt (headers and body alike);
 * - retried with exponential backoff (p-retry) on 429, on 5xx and on a connection that fails
 *   or drops, even in the middle of the body; a 429's Retry-After (seconds or a date) is waited
 *   out first, and one asking for longer than `maxRetryAfterMs` ends the retries;
 * - every answer checked with its zod schema: a body that is not JSON, or not the documented
 *   shape, is `malformed` and not retried (asking again gives the same answer);
 * - paging: `pages()` follows the service's next-page links, only within the same origin.
 *
 * Failures are StatisticsError with a kind the surfaces word for the user.
 */
import pRetry, { AbortError } from "p-retry";
import pThrottle from "p-throttle";
import type { z } from "../domain/zod.js";
import { StatisticsError, type StatisticsFailure, type StatisticsService } from "./errors.js";

export interface Pace {
  limit: number;
  intervalMs: number;
}

export interface HttpOptions {
  service: StatisticsService;
  pace: Pace;
  /** Per attempt, from the request to the last byte of the body. */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  retries?: number;
  /** The first backoff; each next one doubles, up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A 429 asking to wait longer than this is not waited for. */
  maxRetryAfterMs?: number;
}

export const httpDefaults = {
  timeoutMs: 30_000,
  retries: 4,
  minDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};

/** A failure worth another attempt (429, 5xx, a dropped or refused connection, a timeout). */
class Transient extends Error {
  constructor(
    readonly failure: StatisticsFailure,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(failure);
  }
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const notRetried = (
  failure: StatisticsFailure,
  service: StatisticsService,
  url: string,
  status?: number,
  text?: string,
) =>
  new AbortError(
    new StatisticsError(service, failure, url, { ...(status ? { status } : {}), ...(text ? { text } : {}) }),
  );

/** A problem+json (SCB) or plain text body, shortened for a message. */
function errorText(body: string): string | undefined {
  let text = body.trim();
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    text = [json.title, json.detail, json.message].filter((x) => typeof x === "string" && x).join(": ") || text;
  } catch {
    // not JSON: the text as it is
  }
  text = text.replace(/\s+/g, " ");
  return text ? text.slice(0, 200) : undefined;
}

export class StatisticsHttp {
  readonly options: Required<HttpOptions>;
  /** Attempts sent so far (retries counted): what the benchmark and tests read. */
  requests = 0;
  readonly #send: (url: string) => Promise<string>;

  constructor(options: HttpOptions) {
    this.options = { ...httpDefaults, ...options };
    const throttle = pThrottle({ limit: options.pace.limit, interval: options.pace.intervalMs, strict: true });
    this.#send = throttle((url: string) => this.#attempt(url));
  }

  /** One attempt: the body as text, or a Transient (retry) or an AbortError (do not). */
  async #attempt(url: string): Promise<string> {
    const { service, timeoutMs } = this.options;
    this.requests++;
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, {
        signal,
        headers: { accept: "application/json", "user-agent": "motionera (fakta med källa)" },
      });
    } catch {
      throw new Transient(signal.aborted ? "timeout" : "offline");
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel().catch(() => undefined);
      throw new Transient(
        res.status === 429 ? "rate_limited" : "server",
        res.status,
        retryAfterMs(res.headers.get("retry-after")),
      );
    }
    let body: string;
    try {
      body = await res.text();
    } catch {
      // The connection dropped (or timed out) in the middle of the body.
      throw new Transient(signal.aborted ? "timeout" : "offline", res.status);
    }
    if (res.status === 404) throw notRetried("not_found", service, url, 404, errorText(body));
    if (!res.ok) throw notRetried("refused", service, url, res.status, errorText(body));
    return body;
  }

  /** GETs `url` and checks the answer against `schema`. */
  async getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> {
    const { service, retries, minDelayMs, maxDelayMs, maxRetryAfterMs } = this.options;
    let attempts = 0;
    try {
      return await pRetry(
        async () => {
          attempts++;
          const body = await this.#send(url);
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            throw notRetried("malformed", service, url, undefined, "svaret är inte JSON");
          }
          const parsed = schema.safeParse(json);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            throw notRetried(
              "malformed",
              service,
              url,
              undefined,
              `${issue.path.join(".") || "svaret"}: ${issue.message}`,
            );
          }
          return parsed.data;
        },
        {
          retries,
          minTimeout: minDelayMs,
          maxTimeout: maxDelayMs,
          factor: 2,
          shouldRetry: async ({ error }) => {
            if (!(error instanceof Transient)) return false;
            if (error.retryAfterMs !== undefined) {
              if (error.retryAfterMs > maxRetryAfterMs) return false;
              // Retry-After first; the backoff p-retry adds comes on top, never before it.
              await sleep(error.retryAfterMs);
            }
            return true;
          },
        },
      );
    } catch (e) {
      if (e instanceof Transient) {
        throw new StatisticsError(service, e.failure, url, { ...(e.status ? { status: e.status } : {}), attempts });
      }
      throw e;
    }
  }

  /**
   * GETs `first` and every page after it: `next` reads the following page's URL from a page
   * (undefined, null or "" ends). A next URL on another origin is refused as malformed.
   */
  async *pages<S extends z.ZodType>(
    first: string,
    schema: S,
    next: (page: z.output<S>) => string | null | undefined,
  ): AsyncGenerator<{ url: string; page: z.output<S> }> {
    const origin = new URL(first).origin;
    const seen = new Set<string>();
    let url: string | undefined = first;
    while (url) {
      if (seen.has(url))
        throw new StatisticsError(this.options.service, "malformed", url, {
          text: "sidan hänvisar tillbaka till en tidigare sida",
        });
      seen.add(url);
      const page: z.output<S> = await this.getJson(url, schema);
      yield { url, page };
      const following = next(page);
      if (!following) return;
      const resolved: URL = new URL(following, url);
      if (resolved.origin !== origin)
        throw new StatisticsError(this.options.service, "malformed", url, {
          text: `nästa sida ligger på en annan adress (${resolved.origin})`,
        });
      url = resolved.href;
    }
  }
}
