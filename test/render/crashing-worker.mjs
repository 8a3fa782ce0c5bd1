// A stand-in writer thread for the render pool's tests: it speaks the worker pool's messages
// (src/threads/worker-pool.ts), answers every job with three bytes, and dies (exit code 3)
// on a Draft titled "krascha".
import { parentPort } from "node:worker_threads";

parentPort.postMessage({ type: "ready" });
parentPort.on("message", (m) => {
  if (m.type !== "job") return;
  if (m.job.draft?.meta?.title === "krascha") process.exit(3);
  parentPort.postMessage({ type: "done", id: m.id, result: new Uint8Array([1, 2, 3]) });
});
