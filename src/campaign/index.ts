/**
 * Campaigns: one template for many municipalities. The face the CLI, the web page and the
 * API call: plan (check everything, select the municipalities), then write to a folder (or
 * a zip file) with worker threads, or stream a zip for an HTTP response.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { MotioneraError, isMotioneraError } from "../domain/errors.js";
import type { FactWording } from "../messages.sv.js";
import type { Workspace, WorkspaceOptions } from "../workspace.js";
import { planCampaign, type CampaignPlan, type CampaignRequest } from "./plan.js";
import { runCampaign } from "./pool.js";
import { failedRow, produceOne, type CampaignRow, type Render } from "./produce.js";
import { buildSummary, countRows, summaryCsv, summaryFiles, summaryJson, type CampaignSummary } from "./summary.js";
import { prepareOutputDir, tempName, writeFilesAtomically } from "./write.js";
import { StreamingZip, zipName } from "./zip.js";

export { campaignRequestSchema, type CampaignRequest, type CampaignPlan } from "./plan.js";
export type { CampaignRow } from "./produce.js";
export { summaryFiles, type CampaignSummary } from "./summary.js";
export { defaultWorkerCount, threadsFor } from "./pool.js";
export { zipName } from "./zip.js";

/** Checks the request against the workspace's templates and facts, and selects the municipalities. */
export async function planFor(ws: Workspace, request: CampaignRequest): Promise<CampaignPlan> {
  return planCampaign(request, { templates: await ws.templates(), facts: await ws.facts() });
}

export interface WriteOptions {
  ws: Workspace;
  workspaceOptions: WorkspaceOptions;
  workers?: number;
  outDir: string;
  /** One zip (drafts + summaries) instead of loose drafts; the summaries are written beside it too. */
  zip?: boolean;
  onRow?: (row: CampaignRow, done: number, total: number) => void;
}

export interface WriteResult {
  summary: CampaignSummary;
  dir: string;
  /** Paths of the summary files, and of the zip when asked for. */
  csv: string;
  json: string;
  zip?: string;
}

/** Writes a planned campaign: every draft and the summaries, each file atomically. */
export async function writeCampaign(plan: CampaignPlan, opts: WriteOptions): Promise<WriteResult> {
  const dir = await prepareOutputDir(opts.outDir);
  const total = plan.places.length;
  let done = 0;
  const report = (row: CampaignRow) => opts.onRow?.(row, ++done, total);

  let zipPath: string | undefined;
  let rows: CampaignRow[];
  if (opts.zip) {
    zipPath = join(dir, zipName(plan.settings.template, plan.settings.date));
    const temp = tempName(zipPath);
    let fd: number | undefined;
    try {
      fd = openSync(temp, "w");
      const out = fd;
      const zip = new StreamingZip((chunk) => writeSync(out, chunk));
      rows = await runCampaign(plan, {
        ws: opts.ws,
        workspaceOptions: opts.workspaceOptions,
        ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
        onResult: (row, files) => {
          for (const f of files ?? []) zip.add(f.name, f.data);
          report(row);
        },
      });
      const summary = buildSummary(plan, rows);
      zip.add(summaryFiles.csv, summaryCsv(summary));
      zip.add(summaryFiles.json, summaryJson(summary));
      zip.end();
      closeSync(fd);
      fd = undefined;
      await rename(temp, zipPath);
    } catch (e) {
      if (fd !== undefined) closeSync(fd);
      await rm(temp, { force: true });
      if (isMotioneraError(e)) throw e;
      if ((e as NodeJS.ErrnoException).code)
        throw new MotioneraError({ code: "output_failed", path: dir, problem: (e as Error).message });
      throw e;
    }
  } else {
    rows = await runCampaign(plan, {
      ws: opts.ws,
      workspaceOptions: opts.workspaceOptions,
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      outDir: dir,
      onResult: (row) => report(row),
    });
  }
  const summary = buildSummary(plan, rows);
  writeFilesAtomically(dir, [
    { name: summaryFiles.csv, data: summaryCsv(summary) },
    { name: summaryFiles.json, data: summaryJson(summary) },
  ]);
  return {
    summary,
    dir,
    csv: join(dir, summaryFiles.csv),
    json: join(dir, summaryFiles.json),
    ...(zipPath ? { zip: zipPath } : {}),
  };
}

/**
 * A planned campaign as a zip stream for an HTTP response: drafts rendered in this process
 * one municipality per pull (the response's reader sets the pace), then the summaries.
 * Nothing touches the disk.
 */
export interface ZipStreamOptions {
  render?: Render | undefined;
  /** How the summary tells the user to add a missing fact (the web: a link to its form). */
  wording?: FactWording | undefined;
  /** After each municipality: how many are done of how many. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export function campaignZipStream(
  plan: CampaignPlan,
  ws: Workspace,
  opts: ZipStreamOptions = {},
): ReadableStream<Uint8Array> {
  let i = 0;
  const rows: CampaignRow[] = [];
  let zip: StreamingZip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new StreamingZip((chunk) => controller.enqueue(chunk));
    },
    async pull(controller) {
      try {
        const place = plan.places[i++];
        if (place) {
          let produced: Awaited<ReturnType<typeof produceOne>>;
          try {
            produced = await produceOne(
              ws,
              plan.settings,
              place,
              plan.ambiguous.has(place.code),
              opts.render,
              opts.wording,
            );
          } catch (e) {
            produced = { row: failedRow(place, e), files: [] };
          }
          for (const f of produced.files) zip.add(f.name, f.data);
          rows.push(produced.row);
          opts.onProgress?.(rows.length, plan.places.length);
          return;
        }
        const summary = buildSummary(plan, rows);
        zip.add(summaryFiles.csv, summaryCsv(summary));
        zip.add(summaryFiles.json, summaryJson(summary));
        zip.end();
        controller.close();
      } catch (e) {
        controller.error(e);
      }
    },
  });
}

export { countRows };
