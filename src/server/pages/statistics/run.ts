/**
 * Starts a Kolada fetch as the service's statistics job (statistics-jobs.ts): the client at
 * the configured address (the server's option, else KOLADA_URL, else Kolada's), its progress
 * counted as requests answered of those expected, and the fetch core (src/facts/fetch/) doing
 * the rest, all or nothing.
 */
import { fetchKoladaFacts } from "../../../facts/fetch/kolada-facts.js";
import { todayInSweden } from "../../../lang/dates.js";
import { KoladaClient, koladaDefaultUrl, type KoladaProgress } from "../../../statistics/kolada/client.js";
import { koladaPlaceIds } from "../../../statistics/places.js";
import type { ServerContext } from "../../context.js";
import type { JobRequest } from "../../statistics-jobs.js";
import type { FetchAsk } from "./form.js";
import { statisticsPaths } from "./paths.js";
import { clientOptions, startFetchJob } from "./start-job.js";

export function koladaClient(ctx: ServerContext, onProgress?: (p: KoladaProgress) => void): KoladaClient {
  return new KoladaClient(
    clientOptions(ctx, ctx.options.koladaUrl ?? process.env.KOLADA_URL ?? koladaDefaultUrl, onProgress),
  );
}

export function startKoladaFetch(ctx: ServerContext, ask: FetchAsk, form: JobRequest["form"]) {
  const expected = ask.kpis.length + koladaClient(ctx).dataUrls(ask.kpis, koladaPlaceIds(ask.places), ask.years).length;
  const request: JobRequest = {
    service: "kolada",
    asked: ask.kpis,
    where: ask.where,
    years: ask.years,
    gender: ask.gender,
    key: ask.key,
    dryRun: ask.dryRun,
    form,
    formAction: statisticsPaths.fetch,
    formPage: statisticsPaths.home,
  };
  return startFetchJob(ctx, request, expected, async (progress) => {
    let read = 0;
    const client = koladaClient(ctx, (p) => {
      if (p.step === "kpi") {
        read++;
        progress({ step: read < ask.kpis.length ? "meta" : "data", done: read, expected });
      } else {
        progress({ step: p.done < p.total ? "data" : "import", done: read + p.done, expected: read + p.total });
      }
    });
    return fetchKoladaFacts(ctx.workspace.store, client, {
      kpis: ask.kpis,
      places: ask.places,
      years: ask.years,
      gender: ask.gender,
      key: ask.key,
      fetchedOn: todayInSweden(),
      commit: !ask.dryRun,
    });
  });
}
