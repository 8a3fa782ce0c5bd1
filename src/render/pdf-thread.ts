/**
 * Renders PDFs on a worker thread that starts loading pdfkit and the fonts as soon as it is
 * created, so that work overlaps with composing the draft on the main thread. The writer
 * itself is the same pure renderPdf; only where it runs differs.
 */
import type { Draft } from "../domain/draft.js";
import type { EarlyWorker } from "../threads/early-worker.js";
import { pdfThreadData, pdfThreadLimits, wantsPdfThread } from "./pdf-prestart.js";
import { startRenderPool } from "./render-pool.js";

export interface PdfThread {
  render(draft: Draft): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Starts the thread now (one writer thread that warms the PDF writer), or takes the worker started before the
 * command line loaded (pdf-prestart.ts); in-thread where no built worker exists.
 */
export function startPdfThread(early?: EarlyWorker): PdfThread {
  const pool = startRenderPool({
    size: 1,
    ...pdfThreadData,
    resourceLimits: pdfThreadLimits,
    // The draft goes to the thread at once: it starts the PDF when its fonts are ready, even while this thread is
    // still busy writing the DOCX and has not heard that it is ready.
    sendBeforeReady: true,
    ...(early ? { adopt: [early] } : {}),
  });
  return {
    render: async (draft) => (await pool.render(draft, "pdf")) as Uint8Array,
    close: () => pool.close(),
  };
}

let early: PdfThread | undefined;

/**
 * Called before the command line is parsed (src/command-line.ts): when it asks for a draft with a PDF, the PDF
 * thread starts at once, or takes the worker bin/motionera.js started even earlier. Only a head start: getting it
 * wrong costs a thread, never a result.
 */
export function prestartForArgv(argv: readonly string[], worker?: EarlyWorker): void {
  if (wantsPdfThread(argv)) early ??= startPdfThread(worker);
}

/** Stops a thread started early that no command took (usage errors, --help). */
export async function closeEarlyPdfThread(): Promise<void> {
  const t = early;
  early = undefined;
  await t?.close();
}

/** The thread started early, if any, else a new one. */
export function takePdfThread(): PdfThread {
  const t = early ?? startPdfThread();
  early = undefined;
  return t;
}
