/**
 * The laid-out words of a face are shared by every document of the process (pdf-embedded-font.ts,
 * `tuneEmbeddedFont`): a draft renders to the same bytes first thing in the process and after other documents have
 * laid out its words in other lines, faces and sizes (apart from the creation date and the document ID). A document
 * that changed a shared word (its positions or its glyphs) would move the text of every later document.
 */
import { describe, expect, it } from "vitest";
import type { Draft } from "../../src/domain/draft.js";
import { renderPdf } from "../../src/render/pdf.js";
import { warmUpDraft } from "../../src/render/warm-up-draft.js";
import { mapText, sampleDraft } from "../fixtures/sample-draft.js";

/** The bytes without what changes by the second: the creation date (in the info and the XMP) and the ID made of it. */
const stable = (pdf: Buffer): string =>
  pdf
    .toString("latin1")
    .replace(/\(D:\d{14}Z\)/g, "(D:…)")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "…")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "/ID […]");

describe("PDF word layouts shared between documents", () => {
  it("renders a draft to the same bytes before and after other documents used its words", async () => {
    // First in this file's fresh module graph: nothing is shared yet.
    const first = stable(await renderPdf(sampleDraft));
    const others: Draft[] = [warmUpDraft, mapText(sampleDraft, (s) => `${s} ${s}`), mapText(sampleDraft, (s) => s)];
    for (const other of others) await renderPdf(other);
    await Promise.all(others.map((other) => renderPdf(other)));
    expect(stable(await renderPdf(sampleDraft))).toBe(first);
  });
});
