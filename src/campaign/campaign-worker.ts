/**
 * Worker-thread entry for campaigns. Each worker opens its own Workspace once (database,
 * registry, the template parsed once), loads the writers it is told to expect, parses the
 * fonts once and renders a small document in each format so the JIT has warmed the code
 * paths — all before the first municipality arrives (the CLI starts workers while it is
 * still loading and checking the request). Then it drafts one municipality per message.
 * PDFs are rendered here, in this thread: no second thread per worker. With an output
 * folder the worker writes the files itself (atomically) and sends back only the summary
 * row; without one it transfers the bytes.
 */
import { parentPort, workerData } from "node:worker_threads";
import "../messages/sv.js";
import { municipalityByCode } from "../data/places.js";
import { isMotioneraError } from "../domain/errors.js";
import { renderDraft } from "../render/index.js";
import { warmUpDraft } from "../render/warm-up-draft.js";
import { Workspace } from "../workspace.js";
import type { CampaignSettings } from "./plan.js";
import type { WorkerData, WorkerMessage, WorkerReply } from "./pool.js";
import { failedRow, produceOne } from "./produce.js";
import { writeFilesAtomically } from "./write.js";

if (!parentPort) throw new Error("campaign-worker runs only as a worker thread");
const port = parentPort;
const init = workerData as WorkerData;

/** A Buffer may be a view into a shared pool; a transferable needs its own ArrayBuffer. */
function own(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}

const fatal = (e: unknown): WorkerReply => ({ type: "fatal", message: (e as Error)?.message ?? String(e), ...(isMotioneraError(e) ? { details: e.details } : {}) });

// Messages are handled strictly one after another (the start message, then each job).
let queue: Promise<void> = Promise.resolve();
let settings: CampaignSettings | undefined;
let outDir: string | undefined;

const ready = (async () => {
  const ws = await Workspace.open(init.workspace);
  await ws.facts();
  await ws.templates();
  if (init.warm.includes("pdf")) (await import("../render/pdf.js")).warmPdfFonts();
  for (let i = 0; i < 3; i++) for (const format of init.warm) await renderDraft(warmUpDraft, format);
  return ws;
})();
ready.then(
  () => port.postMessage({ type: "ready" } satisfies WorkerReply),
  (e: unknown) => port.postMessage(fatal(e)),
);

async function handle(m: WorkerMessage): Promise<void> {
  const ws = await ready;
  if (m.type === "start") {
    settings = m.settings;
    outDir = m.outDir;
    (await ws.templates()).get(settings.template);
    return;
  }
  const place = municipalityByCode(m.code)!;
  const transfer: ArrayBuffer[] = [];
  let reply: WorkerReply;
  try {
    const { row, files } = await produceOne(ws, settings!, place, m.disambiguate);
    if (outDir !== undefined) {
      await writeFilesAtomically(outDir, files);
      reply = { type: "result", id: m.id, row };
    } else {
      const sent = files.map((f) => ({ ...f, data: own(f.data) }));
      for (const f of sent) transfer.push(f.data.buffer as ArrayBuffer);
      reply = { type: "result", id: m.id, row, files: sent };
    }
  } catch (e) {
    reply = isMotioneraError(e) && e.details.code === "output_failed" ? fatal(e) : { type: "result", id: m.id, row: failedRow(place, e) };
  }
  port.postMessage(reply, transfer);
}

port.on("message", (m: WorkerMessage) => {
  queue = queue.then(() => handle(m)).catch((e: unknown) => port.postMessage(fatal(e)));
});
