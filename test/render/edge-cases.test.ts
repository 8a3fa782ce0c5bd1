/** Odd drafts every writer must survive: empty, no citations, no authors, long words, many pages. */
import { afterAll, describe, expect, it } from "vitest";
import type { Block, Draft } from "../../src/domain/draft.js";
import { renderDocx } from "../../src/render/docx.js";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderPdf } from "../../src/render/pdf.js";
import { sampleDraft, sampleProposals } from "../fixtures/sample-draft.js";
import { hasTool, pdfInfo, pdfText, tempDir, writeTemp } from "./helpers.js";

const bare: Draft = {
  meta: { ...sampleDraft.meta, authors: [], keywords: [], description: undefined },
  blocks: [],
  citations: [],
  sources: [],
};

const odd: Draft = {
  ...bare,
  blocks: [
    { type: "heading", level: 1, children: [] },
    { type: "paragraph", children: [{ type: "break" }] },
    { type: "paragraph", children: [{ type: "text", value: "   " }] },
    {
      type: "paragraph",
      children: [{ type: "text", value: `Långt ord: ${"x".repeat(300)} och https://example.se/${"a".repeat(200)}` }],
    },
    {
      type: "list",
      ordered: true,
      role: "questions",
      items: [
        [],
        [{ type: "strong", children: [{ type: "emphasis", children: [{ type: "text", value: "fet kursiv" }] }] }],
      ],
    },
    {
      type: "quote",
      children: [
        { type: "quote", children: [{ type: "paragraph", children: [{ type: "text", value: "citat i citat" }] }] },
      ],
    },
    { type: "rule" },
  ],
};

describe("writers on odd drafts", () => {
  for (const draft of [bare, odd]) {
    const name = draft === bare ? "an empty draft" : "a draft of odd blocks";
    it(`render ${name}`, async () => {
      expect((await renderDocx(draft)).subarray(0, 2).toString()).toBe("PK");
      expect((await renderPdf(draft)).subarray(0, 5).toString()).toBe("%PDF-");
      expect(renderHtml(draft)).toContain("</html>");
      expect(typeof renderMarkdown(draft)).toBe("string");
    });
  }

  it("refuse a citation the draft does not have", async () => {
    const dangling: Draft = { ...bare, blocks: [{ type: "paragraph", children: [{ type: "citation", n: 3 }] }] };
    await expect(renderDocx(dangling)).rejects.toThrow(/3/);
    await expect(renderPdf(dangling)).rejects.toThrow(/3/);
    expect(() => renderHtml(dangling)).toThrow(/3/);
    expect(() => renderMarkdown(dangling)).toThrow(/3/);
  });
});

describe.skipIf(!hasTool("pdftotext"))("a long PDF", () => {
  const tmp = tempDir("motionera-long-");
  afterAll(() => tmp.cleanup());

  it("breaks pages inside lists and numbers every page", async () => {
    const blocks: Block[] = [];
    for (let i = 0; i < 8; i++) blocks.push(...sampleDraft.blocks);
    const long: Draft = { ...sampleDraft, blocks };
    const path = writeTemp(tmp.dir, "long.pdf", await renderPdf(long));
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(path))?.[1]);
    expect(pages).toBeGreaterThan(10);
    const text = pdfText(path);
    expect(text).toContain(`${pages} (${pages})`);
    expect(text.replace(/\s+/g, " ").split(sampleProposals[0]).length - 1).toBe(8);
  });
});
