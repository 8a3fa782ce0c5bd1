/** A draft for an HTTP response: composed, rendered in one format, with its file name and type. */
import type { Context } from "hono";
import type { DraftRequest } from "../domain/draft-request.js";
import type { DraftReview, DraftWarning } from "../domain/errors.js";
import { explainWarningWorded, type FactWording } from "../messages.sv.js";
import type { Draft } from "../domain/draft.js";
import { draftBaseName } from "../files/draft-files.js";
import { extensionOf, mimeTypeOf, type Format } from "../render/index.js";
import { xmlSafe } from "../domain/xml-safe.js";
import type { DraftOptions, Workspace } from "../workspace.js";
import type { Composed } from "../compose/compose.js";

export interface RenderedDraft {
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
  draft: Draft;
  warnings: DraftWarning[];
  /** What the signer must fill in and check before filing. */
  review: DraftReview;
  /** The body as the user edits it, and the citation of each note number (see compose/edited-body.ts). */
  editable: Composed["editable"];
}

/** Where a Draft becomes bytes: the service's writer threads, or this thread. */
export type Renderer = (draft: Draft, format: Format) => Promise<Uint8Array | string>;

export async function renderDraftFor(
  ws: Workspace,
  request: DraftRequest,
  format: Format | "html-fragment",
  render?: Renderer,
  options: DraftOptions = {},
): Promise<RenderedDraft> {
  const composed = await ws.compose(request, options);
  let body: Uint8Array | string;
  if (format === "html-fragment") {
    const { renderHtml } = await import("../render/html.js");
    body = renderHtml(composed.draft, { fragment: true });
  } else body = await (render ?? (await import("../render/index.js")).renderDraft)(composed.draft, format);
  const fmt: Format = format === "html-fragment" ? "html" : format;
  return {
    body,
    contentType: mimeTypeOf(fmt),
    fileName: `${draftBaseName(composed.draft)}.${extensionOf(fmt)}`,
    draft: composed.draft,
    warnings: composed.warnings,
    review: composed.review,
    editable: composed.editable,
  };
}

/** A list of Swedish texts in a header: JSON, percent-encoded so the value stays ASCII. */
const encodeList = (xs: readonly string[]) => encodeURIComponent(JSON.stringify(xs));

/**
 * The headers every draft response carries: the warnings (with the "kontrollera" items) and
 * the places to fill in (a fact to add named in `wording`), each a percent-encoded JSON list
 * (decodeURIComponent, then JSON.parse).
 */
export function reviewHeaders(
  warnings: readonly DraftWarning[],
  review: DraftReview,
  wording: FactWording,
): Record<string, string> {
  return {
    "X-Motionera-Warnings": encodeList(warnings.map((w) => explainWarningWorded(w, wording))),
    "X-Motionera-Placeholders": encodeList(review.placeholders),
  };
}

/** A rendered draft as a file to download: its type and name, never cached, with the review headers. */
export function draftDownload(c: Context, r: RenderedDraft, wording: FactWording): Response {
  return c.body(typeof r.body === "string" ? r.body : (r.body as Uint8Array<ArrayBuffer>), 200, {
    "content-type": r.contentType,
    "content-disposition": attachment(r.fileName),
    "cache-control": "no-store",
    ...reviewHeaders(r.warnings, r.review, wording),
  });
}

/** Content-Disposition for a download, with the UTF-8 name (RFC 6266/5987) and an ASCII fallback. */
export function attachment(fileName: string): string {
  // Any name: lone surrogates (which encodeURIComponent refuses) and controls dropped, separators replaced.
  const name = xmlSafe(fileName).replace(/[\u0000-\u001f\u007f/\\]/g, "_");
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
