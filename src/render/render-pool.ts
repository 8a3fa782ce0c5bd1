/**
 * Writer threads: a WorkerPool (src/threads/worker-pool.ts) of render-worker.ts, rendering
 * Drafts in any format, so the costly writers (DOCX, PDF) run on the other cores while the
 * calling thread composes, answers HTTP or writes files. The writers are the same pure
 * functions; only where they run differs. Where no built worker script exists (tests running
 * the TypeScript sources), the pool renders in this thread.
 */
import type { ResourceLimits } from "node:worker_threads";
import type { Draft } from "../domain/draft.js";
import { builtWorker } from "../loading/worker-entry.js";
import type { EarlyWorker } from "../threads/early-worker.js";
import { WorkerPool, WorkerPoolClosedError } from "../threads/worker-pool.js";
import { renderDraft, type Format } from "./index.js";
import type { RenderJob, RenderResult, RenderWorkerData } from "./render-worker.js";

/** The service is stopping: a draft that still waited for a writer thread. */
export { WorkerPoolClosedError as RenderPoolClosedError };

export interface RenderPool {
  /** Threads rendering (0: rendering happens in the calling thread). */
  readonly size: number;
  render(draft: Draft, format: Format): Promise<Uint8Array | string>;
  /** Resolves when every worker has loaded and warmed its writers. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  size: number;
  /** Formats each worker loads and warms up before its first job. */
  warm?: Format[];
  /** Whether warming renders a small draft in each format (RenderWorkerData); default: yes. */
  rehearse?: boolean;
  /** Jobs go to workers still warming, which start them when ready (WorkerPoolOptions); default: no. */
  sendBeforeReady?: boolean;
  /** Another worker script speaking the same messages (tests); default: render-worker.js beside this module. */
  script?: URL;
  /** Workers already started for this pool (a draft's PDF thread, started before the command line loaded). */
  adopt?: readonly EarlyWorker[];
  /** Each worker's heap limits (WorkerPoolOptions); default: V8's. */
  resourceLimits?: ResourceLimits;
}

export function startRenderPool(options: RenderPoolOptions): RenderPool {
  const entry = options.script ? { script: options.script, argv: [] } : builtWorker(import.meta.url, "render-worker");
  if (!entry || options.size < 1) {
    return { size: 0, render: (d, f) => renderDraft(d, f), ready: async () => {}, close: async () => {} };
  }
  const workerData: RenderWorkerData = { warm: options.warm ?? [], rehearse: options.rehearse ?? true };
  const pool = new WorkerPool<RenderJob, RenderResult>({
    ...entry,
    size: options.size,
    workerData,
    ...(options.sendBeforeReady ? { sendBeforeReady: true } : {}),
    ...(options.adopt ? { adopt: options.adopt } : {}),
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
  return {
    size: options.size,
    render: (draft, format) => pool.run({ draft, format }),
    ready: () => pool.ready(),
    close: () => pool.close(),
  };
}
