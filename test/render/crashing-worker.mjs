// A stand-in writer thread for the render pool's tests: it speaks render-worker's messages,
// answers every job with three bytes, and dies (exit code 3) on a Draft titled "krascha".
import { parentPort } from "node:worker_threads";

parentPort.postMessage({ type: "ready" });
parentPort.on("message", (job) => {
  if (job.draft?.meta?.title === "krascha") process.exit(3);
  parentPort.postMessage({ type: "done", id: job.id, body: new Uint8Array([1, 2, 3]) });
});
