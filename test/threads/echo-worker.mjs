// A stand-in worker for the pool's tests, on the real worker side (serve-jobs.js in dist/):
// its setup fails when workerData.fail is set; init messages set a prefix; a job waits the
// milliseconds it is given and answers with the prefix, its value and this thread's id; a job
// with `spin` never yields and never ends (only terminating the thread stops it). With workerData.setupMs its setup
// takes that long; a job with `report` answers also how many jobs had reached this worker while it was setting up.
import { parentPort, threadId, workerData } from "node:worker_threads";
import { serveJobs } from "../../dist/src/threads/serve-jobs.js";

let prefix = "";
let settingUp = true;
let jobsDuringSetup = 0;
parentPort.on("message", (m) => {
  if (settingUp && m.type === "job") jobsDuringSetup++;
});
serveJobs({
  async setup() {
    if (workerData?.fail) throw new Error("kunde inte starta");
    if (workerData?.setupMs) await new Promise((r) => setTimeout(r, workerData.setupMs));
    settingUp = false;
  },
  init(_setup, message) {
    prefix = message.prefix;
  },
  async job(_setup, job) {
    if (job.spin) for (;;);
    await new Promise((r) => setTimeout(r, job.wait));
    if (job.value === "fel") throw new Error("jobbet misslyckades");
    return `${prefix}${job.value}@${threadId}${job.report ? ` early=${jobsDuringSetup}` : ""}`;
  },
});
