/**
 * Worker-thread entry for campaigns (a WorkerPool's worker; see pool.ts). Each worker opens
 * its own Workspace once (database, registry, templates), loads the writers it is told to
 * expect, parses the fonts once and renders a small document in each format so the JIT has
 * warmed the code paths — all before the first municipality arrives (the CLI starts workers
 * while it is still loading and checking the request). The campaign's settings come as the
 * pool's init message; then it drafts one municipality per job. PDFs are rendered here, in
 * this thread: no second thread per worker. With an output folder the worker writes the
 * files itself (atomically) and sends back only the summary row; without one it transfers
 * the bytes.
 */
import { workerData } from "node:worker_threads";
import "../messages.sv.js";
import { municipalityByCode } from "../data/places.js";
import { isMotioneraError } from "../domain/errors.js";
import { renderDraft } from "../render/index.js";
import { warmUpDraft } from "../render/warm-up-draft.js";
import { ownBuffer, serveJobs } from "../threads/serve-jobs.js";
import { Workspace } from "../workspace.js";
import type { CampaignInit, CampaignJob, CampaignResult, WorkerData } from "./pool.js";
import { failedRow, produceOne } from "./produce.js";
import { writeFilesAtomically } from "./write.js";

const data = workerData as WorkerData;
let current: CampaignInit | undefined;

serveJobs<CampaignJob, CampaignResult, Workspace>({
  async setup() {
    const ws = await Workspace.open(data.workspace);
    await ws.facts();
    await ws.templates();
    if (data.warm.includes("pdf")) (await import("../render/pdf.js")).warmPdfFonts();
    for (let i = 0; i < 3; i++) for (const format of data.warm) await renderDraft(warmUpDraft, format);
    return ws;
  },
  async init(ws, message) {
    current = message as CampaignInit;
    (await ws.templates()).get(current.settings.template);
  },
  async job(ws, job) {
    const { settings, outDir } = current!;
    const place = municipalityByCode(job.code)!;
    try {
      const { row, files } = await produceOne(ws, settings, place, job.disambiguate);
      if (outDir === undefined) return { row, files: files.map((f) => ({ ...f, data: ownBuffer(f.data) })) };
      writeFilesAtomically(outDir, files);
      return { row };
    } catch (e) {
      // A folder that cannot be written stops the campaign; anything else fails this municipality.
      if (isMotioneraError(e) && e.details.code === "output_failed") throw e;
      return { row: failedRow(place, e) };
    }
  },
  details: (e) => (isMotioneraError(e) ? e.details : undefined),
  transfer: (r) => (r.files ?? []).map((f) => f.data.buffer as ArrayBuffer),
});
