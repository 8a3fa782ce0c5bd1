/**
 * A failed fetch or search in Swedish, saying what to do: the services' failures
 * (StatisticsError), the core's own (a key, a gender), and anything else as unexpected.
 */
import { isMotioneraError } from "../../../domain/errors.js";
import { NotByGender } from "../../../facts/fetch/kolada-facts.js";
import { explainError } from "../../../messages.sv.js";
import { StatisticsError } from "../../../statistics/errors.js";
import { sv } from "../../messages.sv.js";

const f = sv.staff.statistics.failure;

/**
 * The core's "this KPI has no key yet" (FactKeyNeeded, which is to go once a fetch registers
 * its key itself), read by its shape so that this page does not depend on it.
 */
function keyNeeded(e: unknown): { key: string; label: string } | undefined {
  if (!(e instanceof Error) || e.name !== "FactKeyNeeded") return undefined;
  const d = (e as Error & { definition?: { key?: unknown; label?: unknown } }).definition;
  return typeof d?.key === "string" ? { key: d.key, label: typeof d.label === "string" ? d.label : d.key } : undefined;
}

/** The message, and whether the failure was expected (an unexpected one goes to the log). */
export function explainFetchFailure(e: unknown, kpis: readonly string[]): { text: string; expected: boolean } {
  if (e instanceof StatisticsError) {
    const attempts = e.detail.attempts ?? 1;
    const text = (() => {
      switch (e.failure) {
        case "offline":
          return f.offline(new URL(e.url).host);
        case "timeout":
          return f.timeout(attempts);
        case "rate_limited":
          return f.rate_limited(attempts);
        case "server":
          return f.server(e.detail.status, attempts);
        case "not_found":
          return e.url.includes("/kpi/") ? f.kpiNotFound(e.detail.text ?? kpis.join(", ")) : f.notFound(e.url);
        case "refused":
          return f.refused(e.detail.status, e.detail.text, e.url);
        case "malformed":
          return f.malformed(e.detail.text, e.url);
      }
    })();
    return { text, expected: true };
  }
  const needed = keyNeeded(e);
  if (needed) return { text: f.keyNeeded(needed.key, needed.label), expected: true };
  if (e instanceof NotByGender) return { text: f.notByGender(e.kpi), expected: true };
  if (isMotioneraError(e)) return { text: `${explainError(e.details)} ${f.nothingSaved}`, expected: true };
  return { text: f.unexpected, expected: false };
}
