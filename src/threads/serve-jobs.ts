/**
 * The worker's side of a WorkerPool (worker-pool.ts): set up once, say "ready", then handle
 * the pool's messages strictly in order — `init` messages (the same for every worker) and
 * jobs, each answered with its result (buffers transferred, not copied) or its error.
 */
import { parentPort } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./worker-pool.js";

export interface JobHandlers<Job, Result, Setup> {
  /** Loads and warms what every job needs; a failure ends the worker and the pool's waiting jobs. */
  setup: () => Promise<Setup>;
  init?: (setup: Setup, message: unknown) => void | Promise<void>;
  job: (setup: Setup, job: Job) => Promise<Result>;
  /** What an error sends along besides its message (e.g. a MotioneraError's details). */
  details?: (e: unknown) => unknown;
  /** The buffers of a result to transfer. */
  transfer?: (result: Result) => ArrayBuffer[];
}

/** A Buffer may be a view into a shared pool; a transferable needs its own ArrayBuffer. */
export function ownBuffer(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}

export function serveJobs<Job, Result, Setup>(handlers: JobHandlers<Job, Result, Setup>): void {
  if (!parentPort) throw new Error("this module runs only as a worker thread");
  const port = parentPort;
  const message = (e: unknown) => (e as Error)?.message ?? String(e);
  const details = (e: unknown) => {
    const d = handlers.details?.(e);
    return d === undefined ? {} : { details: d };
  };
  const ready = handlers.setup();
  ready.then(
    () => port.postMessage({ type: "ready" } satisfies FromWorker<Result>),
    (e: unknown) => {
      port.postMessage({ type: "setup-failed", message: message(e), ...details(e) } satisfies FromWorker<Result>);
      process.exit(1);
    },
  );
  let queue: Promise<void> = Promise.resolve();
  // An init that failed fails every job after it, with its reason.
  let initFailure: unknown;
  port.on("message", (m: ToWorker<Job>) => {
    queue = queue.then(async () => {
      const setup = await ready;
      if (m.type === "init") {
        try {
          await handlers.init?.(setup, m.message);
          initFailure = undefined;
        } catch (e) {
          initFailure = e;
        }
        return;
      }
      try {
        if (initFailure !== undefined) throw initFailure;
        const result = await handlers.job(setup, m.job);
        port.postMessage(
          { type: "done", id: m.id, result } satisfies FromWorker<Result>,
          handlers.transfer?.(result) ?? [],
        );
      } catch (e) {
        port.postMessage({ type: "error", id: m.id, message: message(e), ...details(e) } satisfies FromWorker<Result>);
      }
    });
    queue = queue.catch(() => undefined); // only a failed setup gets here, and it ends the worker
  });
}
