import { describe, expect, it, vi } from "vitest";

// Stand-ins that record whether the heavy libraries were ever loaded.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock("docx", () => {
  loaded.add("docx");
  return {};
});
vi.mock("pdfkit", () => {
  loaded.add("pdfkit");
  return {};
});

const { extensionOf, formats, isFormat, mimeTypeOf, renderDraft } = await import("../../src/render/index.js");
const { sampleDraft } = await import("../fixtures/sample-draft.js");

describe("render/index", () => {
  it("names the formats, their extensions and content types", () => {
    expect(formats).toEqual(["docx", "pdf", "html", "md"]);
    expect(formats.map(extensionOf)).toEqual(["docx", "pdf", "html", "md"]);
    expect(mimeTypeOf("docx")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(mimeTypeOf("pdf")).toBe("application/pdf");
    expect(mimeTypeOf("html")).toMatch(/^text\/html/);
    expect(mimeTypeOf("md")).toMatch(/^text\/markdown/);
    expect(isFormat("md")).toBe(true);
    expect(isFormat("odt")).toBe(false);
  });

  it("renders Markdown and HTML without loading docx or pdfkit", async () => {
    expect(await renderDraft(sampleDraft, "md")).toMatch(/^# Anslut Lidingö/);
    expect(await renderDraft(sampleDraft, "html")).toMatch(/^<!doctype html>/);
    expect([...loaded]).toEqual([]);
  });

  it("loads a writer's library only when its format is asked for", async () => {
    await renderDraft(sampleDraft, "docx").catch(() => undefined);
    expect([...loaded]).toEqual(["docx"]);
  });
});
