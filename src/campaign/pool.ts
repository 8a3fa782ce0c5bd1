/**
 * Runs a campaign's municipalities on this thread and, with more than one thread, on worker
 * threads beside it (one warmed pipeline each; see campaign-worker.ts). Work is handed out one
 * municipality at a time from one queue, so a slow one never holds up the others. Results
 * arrive in the order they finish; the summary sorts them.
 */
import { availableParallelism } from "node:os";
import { setImmediate } from "node:timers/promises";
import { MotioneraError, type ErrorDetails } from "../domain/errors.js";
import { joinLatch, latchKey } from "../loading/tuning-latch.js";
import { builtWorker, type WorkerEntry } from "../loading/worker-entry.js";
import { WorkerJobError, WorkerPool } from "../threads/worker-pool.js";
import type { Workspace, WorkspaceOptions } from "../workspace.js";
import type { Format } from "../render/index.js";
import type { CampaignPlan, CampaignSettings } from "./plan.js";
import { failedRow, produceOne, type CampaignRow, type ProducedFile } from "./produce.js";
import { writeFilesAtomically } from "./write.js";

/** What a worker is started with; the campaign comes in its init message, each municipality as a job. */
export interface WorkerData {
  workspace: WorkspaceOptions;
  /** The writers to load and warm before the first job. */
  warm: Format[];
}
export type CampaignInit = { settings: CampaignSettings; outDir?: string };
export type CampaignJob = { code: string; disambiguate: boolean };
export type CampaignResult = { row: CampaignRow; files?: ProducedFile[] };

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

const isErrorDetails = (d: unknown): d is ErrorDetails =>
  typeof d === "object" && d !== null && typeof (d as { code?: unknown }).code === "string";

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** The built worker beside this module (dist/cli or dist/src/campaign); undefined when run from TypeScript sources. */
export const campaignWorker = (): WorkerEntry | undefined => builtWorker(import.meta.url, "campaign-worker");

/** How many threads a campaign of `places` municipalities will really use. */
export function threadsFor(requested: number | undefined, places: number): number {
  const n = Math.max(1, Math.min(requested ?? defaultWorkerCount(), places));
  return n > 1 && campaignWorker() ? n : 1;
}

export async function runCampaign(plan: CampaignPlan, opts: RunOptions): Promise<CampaignRow[]> {
  const threads = threadsFor(opts.workers, plan.places.length);
  const rows: CampaignRow[] = [];
  // Results are handled one after another, so onResult (progress, zip) never interleaves.
  let chain: Promise<void> = Promise.resolve();
  const handle = (row: CampaignRow, files: ProducedFile[] | undefined): Promise<void> => {
    chain = chain.then(async () => {
      rows.push(row);
      await opts.onResult(row, files);
    });
    return chain;
  };
  const queue = [...plan.places];
  await (threads === 1 ? draftHere(queue, plan, opts, handle) : runOnWorkers(queue, plan, opts, threads, handle));
  return rows;
}

type Handle = (row: CampaignRow, files: ProducedFile[] | undefined) => Promise<void>;
type Place = CampaignPlan["places"][number];

/** Takes municipalities from the queue and drafts them on this thread until the queue is empty. */
async function draftHere(queue: Place[], plan: CampaignPlan, opts: RunOptions, handle: Handle): Promise<void> {
  for (let place = queue.shift(); place; place = queue.shift()) {
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
      writeFilesAtomically(opts.outDir, files);
      files = undefined;
    }
    await handle(row, files);
    // Drafting and writing may never leave the microtask queue; the workers' results and their next municipalities
    // wait for the event loop, so it gets a turn after each municipality.
    await setImmediate();
  }
}

/**
 * The worker threads a campaign of `threads` threads starts: one fewer, because this thread drafts too. Each
 * thread holds its own copy of the code, fonts and heap (about 60 MB a worker), so a third, idle thread on two
 * cores only costs memory (bench/campaign.ts: peak RSS).
 */
const workersFor = (threads: number): number => threads - 1;
const warmable = (formats: readonly Format[]): Format[] =>
  (["docx", "pdf"] as Format[]).filter((f) => formats.includes(f));

/**
 * The campaign's workers. Jobs go to them while they still set up: this thread drafts too, and a worker that became
 * ready during one of this thread's (cold, slow) first municipalities would otherwise wait for its end to be sent work.
 * Their young generation is kept to 16 MB (V8 lets it grow to 48 MB): a campaign of all 290 municipalities peaked
 * 13–18 MB lower in RSS at the same speed (8 MB: 4 % slower; bench/campaign.ts, README "Speed").
 */
const workerYoungGenerationMb = 16;
const poolOf = (threads: number, data: WorkerData) =>
  new WorkerPool<CampaignJob, CampaignResult>({
    ...campaignWorker()!,
    size: workersFor(threads),
    workerData: data,
    sendBeforeReady: true,
    resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb },
  });

let early: { pool: WorkerPool<CampaignJob, CampaignResult>; key: string } | undefined;
const keyOf = (n: number, ws: WorkspaceOptions, warm: readonly Format[]) =>
  JSON.stringify([n, ws.db ?? null, ws.templatesDir ?? null, ws.today ?? null, [...warm].sort()]);

/**
 * Starts the workers of a campaign of `n` threads now, before the request is checked (see campaign-prestart.ts). Idle
 * workers do not keep the process alive: if no campaign takes them (bad input, --help), it
 * just ends.
 */
export function prestartWorkers(
  n: number,
  workspace: WorkspaceOptions,
  warm: Format[],
  latch?: SharedArrayBuffer,
): void {
  if (early || !campaignWorker()) return;
  // The workers join the command's tuning latch: V8 is tuned once they too have loaded their bundle.
  if (latch) joinLatch(latch, workersFor(n));
  const data: WorkerData & { [latchKey]?: SharedArrayBuffer } = {
    workspace,
    warm,
    ...(latch ? { [latchKey]: latch } : {}),
  };
  early = { pool: poolOf(n, data), key: keyOf(n, workspace, warm) };
}

/** The prestarted workers if they fit this campaign, else fresh ones (unfitting early ones are stopped). */
function takePool(n: number, workspace: WorkspaceOptions, warm: Format[]): WorkerPool<CampaignJob, CampaignResult> {
  const e = early;
  early = undefined;
  if (e && e.key === keyOf(n, workspace, warm)) return e.pool;
  if (e) void e.pool.close();
  return poolOf(n, { workspace, warm });
}

async function runOnWorkers(
  queue: Place[],
  plan: CampaignPlan,
  opts: RunOptions,
  threads: number,
  handle: Handle,
): Promise<void> {
  const pool = takePool(threads, opts.workspaceOptions, warmable(plan.settings.formats));
  pool.broadcast({
    settings: plan.settings,
    ...(opts.outDir !== undefined ? { outDir: opts.outDir } : {}),
  } satisfies CampaignInit);
  // Two jobs in flight per worker (the pool's perWorker): a worker has its next municipality already while this
  // thread is busy drafting one of its own and cannot hand out work.
  const feed = async (): Promise<void> => {
    for (let place = queue.shift(); place; place = queue.shift()) {
      const r = await pool.run({ code: place.code, disambiguate: plan.ambiguous.has(place.code) });
      await handle(r.row, r.files);
    }
  };
  try {
    await Promise.all([...Array.from({ length: workersFor(threads) * 2 }, feed), draftHere(queue, plan, opts, handle)]);
  } catch (e) {
    // The first failure stops the campaign (an unwritable folder, a worker that could not start). Jobs may still be
    // running in the other workers: they are stopped before the failure is reported, so no file appears after it.
    queue.length = 0;
    await pool.close();
    throw e instanceof WorkerJobError && isErrorDetails(e.details) ? new MotioneraError(e.details) : e;
  }
  // Every job has ended: the workers stop (tens of milliseconds for a thread's heap) while the summary is written.
  // The process lives until they have (close() keeps them referenced); a failure to stop one changes no result.
  pool.close().catch(() => undefined);
}
