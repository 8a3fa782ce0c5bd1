/**
 * Worker-thread entry for imports (a WorkerPool's worker; see import-threads.ts): runs the
 * import jobs (import-jobs.ts) off the thread that answers requests. A job's MotioneraError
 * travels as its details; the files of a parsed form come back transferred, not copied.
 */
import "../domain/zod.js";
import { isMotioneraError } from "../domain/errors.js";
import type { ImportJob, ImportResult } from "./import-jobs.js";
import { resultTransfer, runImportJob } from "./import-jobs.js";
import { serveJobs } from "./serve-jobs.js";

serveJobs<ImportJob, ImportResult, void>({
  async setup() {},
  job: (_setup, job) => runImportJob(job),
  details: (e) => (isMotioneraError(e) ? e.details : undefined),
  transfer: resultTransfer,
});
