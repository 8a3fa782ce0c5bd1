/**
 * Renders PDFs on a worker thread that starts loading pdfkit and the fonts as soon as it is
 * created, so that work overlaps with composing the draft on the main thread. The writer
 * itself is the same pure renderPdf; only where it runs differs.
 */
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Draft } from "../domain/draft.js";

type Reply = { type: "ready" } | { type: "done"; id: number; pdf: Uint8Array } | { type: "error"; id: number; message: string };

export interface PdfThread {
  render(draft: Draft): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** The worker script beside this module (pdf-worker.js), or undefined when running from TypeScript sources. */
function workerScript(): URL | undefined {
  const url = new URL("./pdf-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Starts the worker now; falls back to rendering in this thread where no built worker exists. */
export function startPdfThread(): PdfThread {
  const script = workerScript();
  if (!script) {
    return { render: async (d) => (await import("./pdf.js")).renderPdf(d), close: async () => {} };
  }
  const worker = new Worker(script);
  worker.unref();
  const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  let next = 1;
  let failure: Error | undefined;
  worker.on("message", (m: Reply) => {
    if (m.type === "ready") return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.type === "done") p?.resolve(new Uint8Array(m.pdf));
    else p?.reject(new Error(m.message));
  });
  worker.on("error", (e) => {
    failure = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });
  return {
    render(draft) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ type: "render", id, draft });
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      }) as Promise<Uint8Array>;
    },
    async close() {
      await worker.terminate();
    },
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
