/**
 * A failed fetch or search in Swedish, saying what to do: the services' failures
 * (StatisticsError), the core's own (a key, a gender), and anything else as unexpected.
 */
import { isMotioneraError } from "../../../domain/errors.js";
import { NotByGender } from "../../../facts/fetch/kolada-facts.js";
import { ScbSelectionAmbiguous } from "../../../facts/fetch/scb-facts.js";
import { explainError } from "../../../messages.sv.js";
import { StatisticsError } from "../../../statistics/errors.js";
import { sv } from "../../messages.sv.js";

const f = sv.staff.statistics.failure;

/** The message, and whether the failure was expected (an unexpected one goes to the log). */
export function explainFetchFailure(e: unknown, asked: readonly string[]): { text: string; expected: boolean } {
  if (e instanceof StatisticsError) {
    const attempts = e.detail.attempts ?? 1;
    const service = sv.staff.statistics.services[e.service] ?? e.service;
    const text = (() => {
      switch (e.failure) {
        case "offline":
          return f.offline(service, new URL(e.url).host);
        case "timeout":
          return f.timeout(service, attempts);
        case "rate_limited":
          return f.rate_limited(service, attempts);
        case "server":
          return f.server(service, e.detail.status, attempts);
        case "not_found":
          if (e.service === "kolada" && e.url.includes("/kpi/"))
            return f.kpiNotFound(e.detail.text ?? asked.join(", "));
          if (e.service === "scb" && e.url.includes("/tables/")) return f.tableNotFound(asked.join(", "));
          return f.notFound(service, e.url);
        case "refused":
          return f.refused(service, e.detail.status, e.detail.text, e.url);
        case "malformed":
          return f.malformed(service, e.detail.text, e.url);
      }
    })();
    return { text, expected: true };
  }
  if (e instanceof NotByGender) return { text: f.notByGender(e.kpi), expected: true };
  if (e instanceof ScbSelectionAmbiguous) {
    const dims = e.dimensions.map((d) => `${d.id} (${d.codes.join(", ")})`).join("; ");
    return { text: f.ambiguous(e.table, dims), expected: true };
  }
  if (isMotioneraError(e)) return { text: `${explainError(e.details)} ${f.nothingSaved}`, expected: true };
  return { text: f.unexpected, expected: false };
}
