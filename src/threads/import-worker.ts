/**
 * Worker-thread entry for imports (a WorkerPool's worker; see import-threads.ts): runs the
 * import jobs (import-jobs.ts) off the thread that answers requests. A job's MotioneraError
 * travels as its details; the files of a parsed form come back transferred, not copied.
 *
 * On Linux the thread lowers its own scheduling priority (a nice value is per thread there):
 * on a busy machine the thread that answers requests gets a core before an import does.
 * Elsewhere setpriority would lower the whole process, so it is left alone.
 */
import { setPriority } from "node:os";
import "../domain/zod.js";
import { isMotioneraError } from "../domain/errors.js";
import type { ImportJob, ImportResult } from "./import-jobs.js";
import { resultTransfer, runImportJob } from "./import-jobs.js";
import { serveJobs } from "./serve-jobs.js";

/** The import thread's nice value on Linux (0 is normal, 19 the lowest priority). */
const importThreadNice = 10;

serveJobs<ImportJob, ImportResult, void>({
  async setup() {
    if (process.platform === "linux") setPriority(importThreadNice);
  },
  job: (_setup, job) => runImportJob(job),
  details: (e) => (isMotioneraError(e) ? e.details : undefined),
  transfer: resultTransfer,
});
