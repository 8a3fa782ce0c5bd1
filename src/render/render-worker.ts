/**
 * Worker-thread entry for the writers: renders a Draft in any format and sends the result
 * back (bytes transferred, not copied). Importing docx/pdfkit and parsing the fonts is most of
 * a cold document's cost; a worker does it once, when it starts, for the formats it is told
 * to expect, then renders a small document in each so the JIT has warmed the code paths.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Draft } from "../domain/draft.js";
import { renderDraft, type Format } from "./index.js";
import { warmUpDraft } from "./warm-up-draft.js";

export interface RenderWorkerData {
  /** The formats to load and warm up before saying "ready". */
  warm: Format[];
}

export type RenderJob = { id: number; draft: Draft; format: Format };
export type RenderReply = { type: "ready" } | { type: "done"; id: number; body: Uint8Array | string } | { type: "error"; id: number; message: string };

if (!parentPort) throw new Error("render-worker runs only as a worker thread");
const port = parentPort;
const { warm } = (workerData ?? { warm: [] }) as RenderWorkerData;

if (warm.includes("pdf")) (await import("./pdf.js")).warmPdfFonts();
for (const format of warm) await renderDraft(warmUpDraft, format);
port.postMessage({ type: "ready" } satisfies RenderReply);

/** A Buffer may be a view into a shared pool; a transferable needs its own ArrayBuffer. */
function own(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}

port.on("message", (job: RenderJob) => {
  renderDraft(job.draft, job.format).then(
    (body) => {
      if (typeof body === "string") port.postMessage({ type: "done", id: job.id, body } satisfies RenderReply);
      else {
        const bytes = own(body);
        port.postMessage({ type: "done", id: job.id, body: bytes } satisfies RenderReply, [bytes.buffer as ArrayBuffer]);
      }
    },
    (e: unknown) => port.postMessage({ type: "error", id: job.id, message: (e as Error)?.message ?? String(e) } satisfies RenderReply),
  );
});
