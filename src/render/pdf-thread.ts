/**
 * Renders PDFs on a worker thread that starts loading pdfkit and the fonts as soon as it is
 * created, so that work overlaps with composing the draft on the main thread. The writer
 * itself is the same pure renderPdf; only where it runs differs.
 */
import type { Draft } from "../domain/draft.js";
import { startRenderPool } from "./render-pool.js";

export interface PdfThread {
  render(draft: Draft): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Starts the thread now (one writer thread that warms the PDF writer); in-thread where no built worker exists. */
export function startPdfThread(): PdfThread {
  const pool = startRenderPool({ size: 1, warm: ["pdf"] });
  return {
    render: async (draft) => (await pool.render(draft, "pdf")) as Uint8Array,
    close: () => pool.close(),
  };
}

let early: PdfThread | undefined;

/**
 * Called by the entry point before the rest of the program loads: when the command line
 * asks for a draft with a PDF (the default formats include it), start the PDF thread at
 * once. Only a head start: getting it wrong costs a thread, never a result.
 */
export function prestartForArgv(argv: readonly string[]): void {
  if (argv[2] !== "draft") return;
  const i = argv.findIndex((a) => a === "--format" || a === "-f" || a.startsWith("--format="));
  const list = i < 0 ? "pdf" : argv[i]!.startsWith("--format=") ? argv[i]!.slice(9) : (argv[i + 1] ?? "");
  if (/\bpdf\b/i.test(list)) early ??= startPdfThread();
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
