/**
 * Starts an SCB fetch as the service's statistics job: the client at the configured address
 * (the server's option, else SCB_URL, else SCB's), progress as requests answered of those
 * expected, and the fetch core doing the rest, all or nothing.
 */
import { fetchScbFacts } from "../../../facts/fetch/scb-facts.js";
import { todayInSweden } from "../../../lang/dates.js";
import { scbRegionCodes } from "../../../statistics/places.js";
import { ScbClient, scbDefaultUrl, type ScbProgress } from "../../../statistics/scb/client.js";
import type { ServerContext } from "../../context.js";
import type { JobRequest } from "../../statistics-jobs.js";
import { statisticsPaths } from "./paths.js";
import type { ScbAsk } from "./scb-form.js";
import { clientOptions, startFetchJob } from "./start-job.js";

export function scbClient(ctx: ServerContext, onProgress?: (p: ScbProgress) => void): ScbClient {
  return new ScbClient(clientOptions(ctx, ctx.options.scbUrl ?? process.env.SCB_URL ?? scbDefaultUrl, onProgress));
}

export function startScbFetch(ctx: ServerContext, ask: ScbAsk, form: JobRequest["form"]) {
  const years = ask.years.map(String);
  const valueCodes = {
    ...ask.valueCodes,
    [ask.regionDimension]: scbRegionCodes(ask.places),
    [ask.timeDimension]: years,
  };
  const expected = 1 + scbClient(ctx).dataUrls(ask.table, valueCodes).length;
  const request: JobRequest = {
    service: "scb",
    asked: [ask.asked],
    where: ask.where,
    years: ask.years,
    key: ask.key,
    dryRun: ask.dryRun,
    form,
    formAction: statisticsPaths.scbFetch,
    formPage: statisticsPaths.scb,
  };
  return startFetchJob(ctx, request, expected, async (progress) => {
    const client = scbClient(ctx, (p) => {
      if (p.step === "metadata") progress({ step: "data", done: 1, expected });
      else progress({ step: p.done < p.total ? "data" : "import", done: 1 + p.done, expected: 1 + p.total });
    });
    return fetchScbFacts(ctx.workspace.store, client, {
      table: ask.table,
      places: ask.places,
      years,
      valueCodes: ask.valueCodes,
      codelists: {},
      regionDimension: ask.regionDimension,
      timeDimension: ask.timeDimension,
      key: ask.key,
      fetchedOn: todayInSweden(),
      commit: !ask.dryRun,
    });
  });
}
