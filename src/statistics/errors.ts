/**
 * What can go wrong when asking a statistics service (Kolada, SCB), as a kind the surfaces
 * word for the user (src/cli/messages.sv.ts). The service's own text, if any, is kept as `detail`.
 */
export type StatisticsService = "kolada" | "scb";

export type StatisticsFailure =
  /** No answer: no network, the host not found, the connection refused or dropped (after retries). */
  | "offline"
  /** No answer within the timeout (after retries). */
  | "timeout"
  /** 429 Too Many Requests until the retries ran out, or a Retry-After longer than we wait. */
  | "rate_limited"
  /** 5xx until the retries ran out. */
  | "server"
  /** 404: the id asked for (KPI, table) does not exist. */
  | "not_found"
  /** 400 or another 4xx: the service refused the question. */
  | "refused"
  /** The answer was not JSON, or not in the shape the service documents. */
  | "malformed";

export class StatisticsError extends Error {
  constructor(
    readonly service: StatisticsService,
    readonly failure: StatisticsFailure,
    readonly url: string,
    readonly detail: { status?: number; attempts?: number; text?: string } = {},
  ) {
    const status = detail.status ? ` (HTTP ${detail.status})` : "";
    super(`${service} ${failure}: ${url}${status}${detail.text ? `: ${detail.text}` : ""}`);
    this.name = "StatisticsError";
  }
}

export const isStatisticsError = (e: unknown): e is StatisticsError => e instanceof StatisticsError;
