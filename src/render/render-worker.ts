/**
 * Worker-thread entry for the writers (a WorkerPool's worker; see render-pool.ts): renders a
 * Draft in any format and sends the result back, bytes transferred, not copied. Importing
 * docx/pdfkit and parsing the fonts is most of a cold document's cost; a worker does it once,
 * when it starts, for the formats it is told to expect, then renders a small document in each
 * so the JIT has warmed the code paths.
 */
import { workerData } from "node:worker_threads";
import type { Draft } from "../domain/draft.js";
import { ownBuffer, serveJobs } from "../threads/serve-jobs.js";
import { renderDraft, type Format } from "./index.js";
import { warmUpDraft } from "./warm-up-draft.js";

export interface RenderWorkerData {
  /** The formats to load and warm up before saying "ready". */
  warm: Format[];
  /**
   * Whether warming renders a small draft in each format, so the JIT has warmed the code paths (default: yes). A
   * thread for one document (a draft's PDF thread) only loads the writers and fonts: its one job would wait behind the
   * rehearsal (one `motionera draft` → DOCX + PDF about 5 % faster without it; README, "Speed").
   */
  rehearse?: boolean;
}
export type RenderJob = { draft: Draft; format: Format };
export type RenderResult = Uint8Array | string;

const { warm, rehearse = true } = (workerData ?? { warm: [] }) as RenderWorkerData;

serveJobs<RenderJob, RenderResult, void>({
  async setup() {
    if (warm.includes("pdf")) (await import("./pdf.js")).warmPdfFonts();
    if (rehearse) for (const format of warm) await renderDraft(warmUpDraft, format);
  },
  async job(_setup, { draft, format }) {
    const body = await renderDraft(draft, format);
    return typeof body === "string" ? body : ownBuffer(body);
  },
  transfer: (body) => (typeof body === "string" ? [] : [body.buffer as ArrayBuffer]),
});
