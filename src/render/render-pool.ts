/**
 * Writer threads: a pool of workers (render-worker.ts) that render Drafts in any format, so
 * the costly writers (DOCX, PDF) run on the other cores while the calling thread composes,
 * answers HTTP or writes files. The writers are the same pure functions; only where they run
 * differs. Each job goes to the worker with the fewest jobs; a worker that dies is replaced
 * and its jobs fail with an error (never hang). Where no built worker script exists (tests
 * running the TypeScript sources), the pool renders in this thread.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Draft } from "../domain/draft.js";
import { renderDraft, type Format } from "./index.js";
import type { RenderJob, RenderReply, RenderWorkerData } from "./render-worker.js";

/** The pool was closed (the service is stopping) while a job waited: nothing went wrong with the job. */
export class RenderPoolClosedError extends Error {
  constructor() {
    super("the writer threads are closed");
  }
}

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
  /** Keep the process alive only while jobs are pending (CLI); a service keeps its pool. */
  unrefWhenIdle?: boolean;
  /** Another worker script speaking the same messages (tests); default: render-worker.js beside this module. */
  script?: URL;
}

/** The worker script beside this module (render-worker.js), or undefined when running from TypeScript sources. */
function workerScript(): URL | undefined {
  const url = new URL("./render-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

interface Pending {
  resolve: (body: Uint8Array | string) => void;
  reject: (e: Error) => void;
}

class Slot {
  readonly pending = new Map<number, Pending>();
  readonly worker: Worker;
  readonly ready: Promise<void>;

  constructor(script: URL, data: RenderWorkerData, onExit: (slot: Slot, error: Error) => void) {
    this.worker = new Worker(script, { workerData: data });
    let markReady: () => void = () => undefined;
    this.ready = new Promise<void>((r) => (markReady = r));
    this.worker.on("message", (m: RenderReply) => {
      if (m.type === "ready") return markReady();
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.type === "done") p?.resolve(typeof m.body === "string" ? m.body : new Uint8Array(m.body.buffer, m.body.byteOffset, m.body.byteLength));
      else p?.reject(new Error(m.message));
    });
    let failure: Error | undefined;
    this.worker.on("error", (e) => (failure = e));
    this.worker.on("exit", (code) => {
      markReady();
      onExit(this, failure ?? new Error(`the writer thread stopped (exit code ${code})`));
    });
  }

  failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

export function startRenderPool(options: RenderPoolOptions): RenderPool {
  const script = options.script ?? workerScript();
  if (!script || options.size < 1) {
    return { size: 0, render: (d, f) => renderDraft(d, f), ready: async () => {}, close: async () => {} };
  }
  const data: RenderWorkerData = { warm: options.warm ?? [] };
  let closing = false;
  let next = 1;
  const slots: Slot[] = [];

  const idle = () => slots.every((s) => s.pending.size === 0);
  const setRef = () => {
    if (!options.unrefWhenIdle) return;
    for (const s of slots) (idle() ? s.worker.unref() : s.worker.ref());
  };
  const onExit = (slot: Slot, error: Error) => {
    slot.failAll(closing ? new RenderPoolClosedError() : error);
    const at = slots.indexOf(slot);
    if (at >= 0 && !closing) {
      slots[at] = spawn(); // a writer that crashed is replaced; the jobs it held have failed
      setRef();
    }
  };
  const spawn = () => new Slot(script, data, onExit);
  for (let i = 0; i < options.size; i++) slots.push(spawn());
  setRef();

  return {
    size: options.size,
    render(draft, format) {
      if (closing) return Promise.reject(new RenderPoolClosedError());
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = next++;
      const job: RenderJob = { id, draft, format };
      return new Promise<Uint8Array | string>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        setRef();
        slot.worker.postMessage(job);
      }).finally(setRef);
    },
    async ready() {
      await Promise.all(slots.map((s) => s.ready));
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
