/**
 * The writers' face: one Draft, four formats. Each writer is loaded only when its format is
 * asked for, so a process that writes only Markdown never loads docx or pdfkit.
 */
import type { Draft } from "../domain/draft.js";

export const formats = ["docx", "pdf", "html", "md"] as const;
export type Format = (typeof formats)[number];

const extensions: Record<Format, string> = { docx: "docx", pdf: "pdf", html: "html", md: "md" };
const mimeTypes: Record<Format, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

export function isFormat(s: string): s is Format {
  return (formats as readonly string[]).includes(s);
}

/** File extension without the dot: "docx". */
export function extensionOf(format: Format): string {
  return extensions[format];
}

/** Content type for HTTP responses: "application/pdf". */
export function mimeTypeOf(format: Format): string {
  return mimeTypes[format];
}

/** Binary formats come back as bytes, text formats (HTML, Markdown) as a string. */
export async function renderDraft(draft: Draft, format: Format): Promise<Uint8Array | string> {
  switch (format) {
    case "docx":
      return (await import("./docx.js")).renderDocx(draft);
    case "pdf":
      return (await import("./pdf.js")).renderPdf(draft);
    case "html":
      return (await import("./html.js")).renderHtml(draft);
    case "md":
      return (await import("./markdown.js")).renderMarkdown(draft);
  }
}
