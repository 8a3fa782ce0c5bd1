/**
 * A pool of worker threads running one script (see serve-jobs.ts for the worker's side):
 * jobs wait in one queue and go to the least busy worker that has room (two jobs each by
 * default: the one it works on and the next), so a slow job holds up at most one other and a
 * worker that dies takes only its own jobs with it. A worker that dies is replaced and its job fails with the reason;
 * one that dies
 * before it is ready (its setup failed) is not replaced, and every waiting job fails with
 * that reason. Workers keep the process alive only while there is work (running or waiting).
 *
 * A job run with an AbortSignal stops when the signal fires: taken from the queue if it still
 * waits there, else its worker is stopped (terminated, so even a job that never yields stops)
 * and replaced, and the jobs queued behind it in that worker go back to the front of the queue.
 *
 * Used by the writer threads (src/render/render-pool.ts), by campaigns (src/campaign/pool.ts)
 * and by imports (import-threads.ts).
 */
import { Worker, type ResourceLimits, type Transferable } from "node:worker_threads";
import type { EarlyWorker } from "./early-worker.js";

/** The pool was closed while a job waited: nothing went wrong with the job itself. */
export class WorkerPoolClosedError extends Error {
  constructor() {
    super("the worker threads are closed");
  }
}

/** A job the worker reported as failed; `details` is whatever the worker sent along (e.g. a MotioneraError's). */
export class WorkerJobError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Messages to a worker. */
export type ToWorker<Job> = { type: "init"; message: unknown } | { type: "job"; id: number; job: Job };
/** Messages from a worker. */
export type FromWorker<Result> =
  | { type: "ready" }
  | { type: "done"; id: number; result: Result }
  | { type: "error"; id: number; message: string; details?: unknown }
  | { type: "setup-failed"; message: string; details?: unknown };

export interface WorkerPoolOptions {
  script: URL;
  /** Arguments the worker finds in its `process.argv` (see src/loading/worker-entry.ts). */
  argv?: readonly string[];
  /** Workers already started with this script and workerData (early-worker.ts), taken before any is started. */
  adopt?: readonly EarlyWorker[];
  size: number;
  workerData?: unknown;
  /**
   * Jobs a worker holds at once (default 2): the next one is already waiting in the worker
   * when it finishes one, so it never idles while a busy main thread gets round to it.
   */
  perWorker?: number;
  /**
   * Each worker's heap limits: a job that needs more ends its worker (the job fails with
   * ERR_WORKER_OUT_OF_MEMORY, the worker is replaced) instead of growing the process.
   */
  resourceLimits?: ResourceLimits;
  /**
   * Jobs go to workers still setting up, too (they hold them until ready). A worker then starts its first job as
   * soon as it is ready, without waiting for this thread to hear it and answer: for a pool whose main thread is
   * itself busy (a campaign drafts there too). By default jobs go only to ready workers, so that a warm worker takes
   * a job before a starting one.
   */
  sendBeforeReady?: boolean;
}

interface Waiting<Job, Result> {
  job: Job;
  transfer: readonly Transferable[];
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
  /** Its signal fired: its caller has been told; the worker, if it has the job, is stopped. */
  aborted?: boolean;
}

class Slot<Job, Result> {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  isReady = false;
  /** Being terminated because its job was aborted: takes no more jobs; replaced when it has stopped. */
  stopping = false;
  /** Its setup failed or its thread stopped: takes no more jobs. */
  gone = false;
  /** Jobs sent to this worker and not yet answered, by id. */
  readonly running = new Map<number, Waiting<Job, Result>>();
  #markReady: () => void = () => undefined;

  constructor(options: WorkerPoolOptions, early?: EarlyWorker) {
    this.worker =
      early?.worker ??
      new Worker(options.script, {
        workerData: options.workerData,
        ...(options.argv?.length ? { argv: [...options.argv] } : {}),
        ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      });
    this.worker.unref();
    this.ready = new Promise<void>((r) => (this.#markReady = r));
  }

  setReady(): void {
    this.isReady = true;
    this.#markReady();
  }

  /** Settles `ready` without the worker being ready (it died, or the pool closed). */
  giveUp(): void {
    this.#markReady();
  }
}

export class WorkerPool<Job, Result> {
  readonly #options: WorkerPoolOptions;
  readonly #slots: Slot<Job, Result>[] = [];
  readonly #queue: Waiting<Job, Result>[] = [];
  readonly #inits: unknown[] = [];
  #next = 1;
  #spawned = 0;
  #closing = false;
  #setupFailure: Error | undefined;
  #awaitingReady = 0;
  readonly #adoptable: EarlyWorker[];

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
    this.#adoptable = [...(options.adopt ?? [])];
    for (let i = 0; i < options.size; i++) this.#slots.push(this.#spawn());
  }

  get size(): number {
    return this.#options.size;
  }

  /** Workers started so far, replacements included (a worker stopped for an aborted job is replaced). */
  get spawned(): number {
    return this.#spawned;
  }

  /** Jobs in the workers now (running or next in line there). */
  get running(): number {
    return this.#slots.reduce((n, s) => n + s.running.size, 0);
  }

  /** Resolves when every worker has finished its setup (or given up); the workers keep the process alive meanwhile. */
  async ready(): Promise<void> {
    this.#awaitingReady++;
    this.#dispatch();
    try {
      await Promise.all(this.#slots.map((s) => s.ready));
    } finally {
      this.#awaitingReady--;
      this.#dispatch();
    }
    if (this.#setupFailure) throw this.#setupFailure;
  }

  /** A message every worker handles before its next job; workers started later get it too. */
  broadcast(message: unknown): void {
    this.#inits.push(message);
    for (const s of this.#slots) s.worker.postMessage({ type: "init", message } satisfies ToWorker<Job>);
  }

  /** Runs a job; when `signal` fires first, the job stops and the promise rejects with the signal's reason. */
  run(job: Job, transfer: readonly Transferable[] = [], signal?: AbortSignal): Promise<Result> {
    if (this.#closing) return Promise.reject(new WorkerPoolClosedError());
    if (this.#setupFailure) return Promise.reject(this.#setupFailure);
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<Result>((resolve, reject) => {
      const waiting: Waiting<Job, Result> = { job, transfer, resolve, reject };
      if (signal) {
        const onAbort = () => this.#abort(waiting, signal.reason as Error);
        signal.addEventListener("abort", onAbort, { once: true });
        const done = () => signal.removeEventListener("abort", onAbort);
        waiting.resolve = (r) => {
          done();
          resolve(r);
        };
        waiting.reject = (e) => {
          done();
          reject(e);
        };
      }
      this.#queue.push(waiting);
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    this.#failWaiting(new WorkerPoolClosedError());
    // Kept alive until they have stopped: an unref'd worker's exit may never be waited for.
    for (const s of this.#slots) s.worker.ref();
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot<Job, Result> {
    const early = this.#adoptable.shift();
    const slot = new Slot<Job, Result>(this.#options, early);
    this.#spawned++;
    for (const message of this.#inits) slot.worker.postMessage({ type: "init", message } satisfies ToWorker<Job>);
    let failure: Error | undefined;
    slot.worker.on("message", (m: FromWorker<Result>) => this.#onMessage(slot, m));
    slot.worker.on("error", (e) => (failure = e));
    slot.worker.on("exit", (code) =>
      this.#onExit(slot, failure ?? new Error(`the worker thread stopped (exit code ${code})`)),
    );
    early?.replay();
    return slot;
  }

  #onMessage(slot: Slot<Job, Result>, m: FromWorker<Result>): void {
    if (m.type === "ready") {
      slot.setReady();
      this.#dispatch();
      return;
    }
    if (m.type === "setup-failed") {
      this.#setupFailure = new WorkerJobError(m.message, m.details);
      slot.gone = true;
      slot.giveUp();
      this.#failWaiting(this.#setupFailure);
      return;
    }
    const current = slot.running.get(m.id);
    if (!current) return;
    slot.running.delete(m.id);
    if (m.type === "done") current.resolve(m.result);
    else current.reject(new WorkerJobError(m.message, m.details));
    // The worker goes on to its next job: if that one was aborted, stop it now.
    this.#stopIfAborted(slot);
    this.#dispatch();
  }

  #abort(waiting: Waiting<Job, Result>, reason: Error): void {
    const queued = this.#queue.indexOf(waiting);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      waiting.reject(reason);
      this.#dispatch();
      return;
    }
    const slot = this.#slots.find((s) => [...s.running.values()].includes(waiting));
    if (!slot) return; // answered meanwhile
    waiting.aborted = true;
    waiting.reject(reason);
    this.#stopIfAborted(slot);
  }

  /**
   * A worker handles its jobs in order, so the first one it holds is the one it works on: if
   * that one was aborted, the worker is terminated (and replaced when it has stopped), and the
   * jobs it held behind it, not yet started, go back to the front of the queue.
   */
  #stopIfAborted(slot: Slot<Job, Result>): void {
    const [working] = slot.running.values();
    if (!working?.aborted || slot.stopping) return;
    const notStarted = [...slot.running.values()].slice(1).filter((w) => !w.aborted);
    slot.running.clear();
    slot.stopping = true;
    this.#queue.unshift(...notStarted);
    void slot.worker.terminate();
    this.#dispatch();
  }

  #onExit(slot: Slot<Job, Result>, error: Error): void {
    const lost = [...slot.running.values()];
    slot.running.clear();
    slot.gone = true;
    slot.giveUp();
    // Jobs sent before it was ready fail with the reason its setup gave, when it gave one.
    const reason = !slot.isReady && !slot.stopping ? (this.#setupFailure ?? error) : error;
    for (const w of lost) w.reject(this.#closing ? new WorkerPoolClosedError() : reason);
    const at = this.#slots.indexOf(slot);
    if (at < 0 || this.#closing) return;
    if (!slot.isReady && !slot.stopping) {
      // Its setup failed: another would fail the same way.
      this.#setupFailure ??= error;
      this.#failWaiting(this.#setupFailure);
      return;
    }
    this.#slots[at] = this.#spawn();
    this.#dispatch();
  }

  /** Gives waiting jobs to free, ready workers; a worker is kept alive only while it has one. */
  #dispatch(): void {
    // Closing: the workers stay referenced until they have stopped (see close()).
    if (this.#closing) return;
    const perWorker = this.#options.perWorker ?? 2;
    // Fill the least busy ready worker first, one job at a time, so the queue spreads evenly.
    for (;;) {
      const takes = (s: Slot<Job, Result>) => s.isReady || (this.#options.sendBeforeReady === true && !s.gone);
      const free = this.#slots.filter((s) => takes(s) && !s.stopping && s.running.size < perWorker);
      if (free.length === 0 || this.#queue.length === 0) break;
      const slot = free.reduce((a, b) => (b.running.size < a.running.size ? b : a));
      const waiting = this.#queue.shift()!;
      const id = this.#next++;
      slot.running.set(id, waiting);
      slot.worker.postMessage({ type: "job", id, job: waiting.job } satisfies ToWorker<Job>, waiting.transfer);
    }
    // Alive while there is work: a job running, jobs waiting (for a worker still warming up),
    // or someone waiting for the workers to be ready.
    const waiting = this.#queue.length > 0 || this.#awaitingReady > 0;
    for (const slot of this.#slots) {
      if (slot.running.size > 0 || waiting) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  #failWaiting(e: Error): void {
    for (const w of this.#queue.splice(0)) w.reject(e);
    this.#dispatch();
  }
}
