/**
 * What starting a Kolada and an SCB fetch share: the client's options (the address given, the
 * server's HTTP settings, the progress to report) and the job that runs the fetch core and
 * tells the service when the store changed.
 */
import type { ServerContext } from "../../context.js";
import type { JobRequest, JobWork } from "../../statistics-jobs.js";

/** The options of a statistics client at `baseUrl`, with the server's HTTP settings. */
export function clientOptions<P>(ctx: ServerContext, baseUrl: string, onProgress?: (p: P) => void) {
  return { baseUrl, ...ctx.options.statisticsHttp, ...(onProgress ? { onProgress } : {}) };
}

/** Starts the fetch as the service's statistics job; a committed fetch marks the workspace changed. */
export function startFetchJob(ctx: ServerContext, request: JobRequest, expected: number, fetch: JobWork) {
  return ctx.statisticsJobs.start(request, expected, async (progress) => {
    const report = await fetch(progress);
    if (report.committed) ctx.changed();
    return report;
  });
}
