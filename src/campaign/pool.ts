/**
 * Runs a campaign's municipalities on worker threads (one warmed pipeline each; see
 * campaign-worker.ts) or, with one worker, here on this thread. Work is handed out one
 * municipality at a time, so a slow one never holds up a queue. Results arrive in the
 * order they finish; the summary sorts them.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { MotioneraError, type ErrorDetails } from "../domain/errors.js";
import type { Place } from "../domain/municipality.js";
import type { Workspace, WorkspaceOptions } from "../workspace.js";
import type { Format } from "../render/index.js";
import type { CampaignPlan, CampaignSettings } from "./plan.js";
import { failedRow, produceOne, type CampaignRow, type ProducedFile } from "./produce.js";
import { writeFilesAtomically } from "./write.js";

/** What a worker is started with; what to draft comes in its first message. */
export interface WorkerData {
  workspace: WorkspaceOptions;
  /** The writers to load and warm before the first job. */
  warm: Format[];
}
export type WorkerMessage =
  | { type: "start"; settings: CampaignSettings; outDir?: string }
  | { type: "job"; id: number; code: string; disambiguate: boolean };
export type WorkerReply =
  | { type: "ready" }
  | { type: "result"; id: number; row: CampaignRow; files?: ProducedFile[] }
  | { type: "fatal"; message: string; details?: ErrorDetails };

export interface RunOptions {
  /** The workspace for the single-thread path (and the options each worker opens its own with). */
  ws: Workspace;
  workspaceOptions: WorkspaceOptions;
  /** Threads to use; 1 drafts on this thread. Default: the cores available. */
  workers?: number;
  /** Files go here, written atomically by whoever rendered them; else they are handed to onResult. */
  outDir?: string;
  onResult: (row: CampaignRow, files: ProducedFile[] | undefined) => void | Promise<void>;
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** The built worker beside this module (dist/cli or dist/src/campaign); undefined when running from TypeScript sources. */
export function workerScript(): URL | undefined {
  const url = new URL("./campaign-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** How many threads a campaign of `places` municipalities will really use. */
export function threadsFor(requested: number | undefined, places: number): number {
  const n = Math.max(1, Math.min(requested ?? defaultWorkerCount(), places));
  return n > 1 && workerScript() ? n : 1;
}

export async function runCampaign(plan: CampaignPlan, opts: RunOptions): Promise<CampaignRow[]> {
  const threads = threadsFor(opts.workers, plan.places.length);
  return threads === 1 ? runHere(plan, opts) : runOnWorkers(plan, opts, threads);
}

async function runHere(plan: CampaignPlan, opts: RunOptions): Promise<CampaignRow[]> {
  const rows: CampaignRow[] = [];
  for (const place of plan.places) {
    let row: CampaignRow;
    let files: ProducedFile[] | undefined;
    try {
      const produced = await produceOne(opts.ws, plan.settings, place, plan.ambiguous.has(place.code));
      row = produced.row;
      files = produced.files;
    } catch (e) {
      row = failedRow(place, e);
    }
    if (opts.outDir !== undefined && files) {
      await writeFilesAtomically(opts.outDir, files);
      files = undefined;
    }
    rows.push(row);
    await opts.onResult(row, files);
  }
  return rows;
}

const warmable = (formats: readonly Format[]): Format[] => (["docx", "pdf"] as Format[]).filter((f) => formats.includes(f));

function spawn(data: WorkerData): Worker {
  return new Worker(workerScript()!, { workerData: data });
}

let early: { workers: Worker[]; key: string } | undefined;
const keyOf = (n: number, ws: WorkspaceOptions, warm: readonly Format[]) => JSON.stringify([n, ws.db ?? null, ws.templatesDir ?? null, ws.today ?? null, [...warm].sort()]);

/**
 * Starts `n` workers now, before the request is checked (see campaign-prestart.ts). They do
 * not keep the process alive: if no campaign takes them (bad input, --help), it just ends.
 */
export function prestartWorkers(n: number, workspace: WorkspaceOptions, warm: Format[]): void {
  if (early || !workerScript()) return;
  const workers = Array.from({ length: n }, () => spawn({ workspace, warm }));
  for (const w of workers) {
    w.unref();
    w.on("error", () => {}); // reported again, if it matters, by the campaign that takes it
  }
  early = { workers, key: keyOf(n, workspace, warm) };
}

/** The prestarted workers if they fit this campaign, else fresh ones (unfitting early ones are stopped). */
function takeWorkers(n: number, workspace: WorkspaceOptions, warm: Format[]): Worker[] {
  const e = early;
  early = undefined;
  if (e && e.key === keyOf(n, workspace, warm)) {
    for (const w of e.workers) {
      w.ref();
      w.removeAllListeners("error");
    }
    return e.workers;
  }
  if (e) for (const w of e.workers) void w.terminate();
  return Array.from({ length: n }, () => spawn({ workspace, warm }));
}

function runOnWorkers(plan: CampaignPlan, opts: RunOptions, threads: number): Promise<CampaignRow[]> {
  const queue: Place[] = [...plan.places];
  const rows: CampaignRow[] = [];
  const workers = takeWorkers(threads, opts.workspaceOptions, warmable(plan.settings.formats));
  let nextId = 1;
  let settled = false;

  return new Promise<CampaignRow[]>((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      Promise.all(workers.map((w) => w.terminate())).finally(() => (error ? reject(error) : resolve(rows)));
    };
    // Results are handled one after another, so onResult (progress, zip) never interleaves.
    let chain: Promise<void> = Promise.resolve();
    const give = (w: Worker) => {
      const place = queue.shift();
      if (!place) return;
      w.postMessage({ type: "job", id: nextId++, code: place.code, disambiguate: plan.ambiguous.has(place.code) } satisfies WorkerMessage);
    };
    for (const w of workers) {
      // A prestarted worker may already be warm: it handles messages in order, after its warm-up.
      w.postMessage({ type: "start", settings: plan.settings, ...(opts.outDir !== undefined ? { outDir: opts.outDir } : {}) } satisfies WorkerMessage);
      give(w);
      w.on("message", (m: WorkerReply) => {
        if (settled || m.type === "ready") return;
        if (m.type === "fatal") return finish(m.details ? new MotioneraError(m.details) : new Error(m.message));
        give(w);
        chain = chain
          .then(async () => {
            rows.push(m.row);
            await opts.onResult(m.row, m.files);
            if (rows.length === plan.places.length) finish();
          })
          .catch((e) => finish(e));
      });
      w.on("error", (e) => finish(e));
      w.on("exit", (code) => {
        if (!settled && code !== 0) finish(new Error(`campaign worker exited with code ${code}`));
      });
    }
  });
}
