/**
 * Worker-thread entry for the PDF writer. Importing pdfkit and parsing the fonts is most of
 * a cold PDF's cost; in a worker it runs on the second core while the main thread composes
 * the draft and writes the other formats (see pdf-thread.ts).
 */
import { parentPort } from "node:worker_threads";
import type { Draft } from "../domain/draft.js";
import { renderPdf, warmPdfFonts } from "./pdf.js";

/**
 * A small document rendered once while the worker waits for the real one: it brings
 * pdfkit's and fontkit's code paths up to speed (the JIT) and shapes the common letters.
 */
const warmUp: Draft = {
  meta: {
    title: "Förberedelse",
    kind: "motion",
    templateId: "warm-up",
    language: "sv-SE",
    date: "2026-01-01",
    municipality: { code: "0000", name: "Å", selfName: "Å" },
    authors: [{ name: "Å Ä Ö" }],
    keywords: [],
  },
  blocks: [
    { type: "heading", level: 1, children: [{ type: "text", value: "Motion till kommunfullmäktige – ÅÄÖ åäö “” €" }] },
    { type: "paragraph", children: [{ type: "text", value: "abcdefghijklmnopqrstuvwxyzåäöé ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ,.;:!?()%" }, { type: "citation", n: 1 }, { type: "strong", children: [{ type: "text", value: "kommunen" }] }] },
    { type: "list", ordered: false, role: "proposals", items: [[{ type: "text", value: "att kommunen" }], [{ type: "text", value: "att nämnden" }]] },
    { type: "list", ordered: true, role: "questions", items: [[{ type: "text", value: "Vad?" }]] },
    { type: "paragraph", children: [{ type: "text", value: "Namn (L)" }, { type: "break" }, { type: "text", value: "ledamot" }] },
  ],
  citations: [{ n: 1, factId: "x", key: "x", label: "Uppgift", subjectName: "Å", value: "ja", asOf: "2026", source: { title: "Källa", publisher: "Utgivare", date: "2026" } }],
};

if (!parentPort) throw new Error("pdf-worker.ts runs only as a worker thread");
const port = parentPort;
warmPdfFonts();
await renderPdf(warmUp);
port.postMessage({ type: "ready" });
port.on("message", (msg: { type: "render"; id: number; draft: Draft }) => {
  renderPdf(msg.draft).then(
    (pdf) => port.postMessage({ type: "done", id: msg.id, pdf }, [pdf.buffer as ArrayBuffer]),
    (e: unknown) => port.postMessage({ type: "error", id: msg.id, message: (e as Error)?.message ?? String(e) }),
  );
});
