/**
 * A worker thread started before the pool that will take it exists: bin/motionera.js starts a draft's PDF thread
 * before the command line's bundle loads (src/render/pdf-prestart.ts), and the bundle's pool adopts it
 * (WorkerPoolOptions.adopt). Until then the worker's events (its "ready", an error, its exit) are kept, and the pool
 * hears them again once it listens, so nothing the worker says in between is lost.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

/** What a pool needs of an early worker: no class (the bin's copy of this module is not the bundle's). */
export interface EarlyWorker {
  readonly worker: Worker;
  /** Stops keeping events and emits the kept ones again, in order: call once the pool's own listeners are on. */
  replay(): void;
}

const kept = ["message", "messageerror", "error", "exit"] as const;

export function startEarlyWorker(script: URL, options: WorkerOptions): EarlyWorker {
  const worker = new Worker(script, options);
  // Like a pool's idle worker: it never keeps the process alive (a command that fails before taking it just ends).
  worker.unref();
  const events: { name: (typeof kept)[number]; value: unknown }[] = [];
  const keepers = kept.map((name) => {
    const keep = (value: unknown) => events.push({ name, value });
    worker.on(name, keep);
    return { name, keep };
  });
  return {
    worker,
    replay() {
      for (const { name, keep } of keepers) worker.off(name, keep);
      for (const { name, value } of events.splice(0)) worker.emit(name, value);
    },
  };
}
