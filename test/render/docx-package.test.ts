/**
 * The DOCX whose shared parts (styles, theme, numbering, settings, font table, content types…)
 * were built once per process holds exactly the XML of a DOCX the `docx` package packs afresh,
 * part for part, for drafts of different shapes after the parts were built; and LibreOffice
 * opens one (skipped where soffice is not installed).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import type { Draft } from "../../src/domain/draft.js";
import { docxDocument, renderDocx } from "../../src/render/docx.js";
import { sampleDraft, sampleProposals, sampleTitle } from "../fixtures/sample-draft.js";
import { hasTool, libreOfficeToPdf, pdfText, tempDir, writeTemp } from "./helpers.js";
import { placeholderDraft } from "./placeholder-draft.js";

/**
 * Every part by its path, with what docx makes differ between two packings of one document set
 * to one value: the creation and modification times, and the random ids of link relationships
 * (numbered in their order in the part).
 */
function parts(buf: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, data] of Object.entries(unzipSync(buf))) {
    const ids = new Map<string, string>();
    const xml = strFromU8(data)
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*</g, "$1TIME<")
      .replace(/"rId([^"]*[^\d"][^"]*)"/g, (_, id: string) => {
        if (!ids.has(id)) ids.set(id, `link${ids.size + 1}`);
        return `"${ids.get(id)}"`;
      });
    out.set(path, xml);
  }
  return out;
}

const bare: Draft = { ...sampleDraft, blocks: [], citations: [], sources: [] };
/** More lists than the sample, and a list after the questions: other numbering instances. */
const manyLists: Draft = {
  ...sampleDraft,
  blocks: [
    ...sampleDraft.blocks,
    { type: "list", ordered: true, role: "plain", items: [[{ type: "text", value: "ett" }]] },
    { type: "list", ordered: false, role: "proposals", items: [[{ type: "text", value: "att besluta" }]] },
  ],
};

describe("DOCX with parts shared between documents", () => {
  const tmp = tempDir("motionera-docx-package-");
  afterAll(() => tmp.cleanup());

  it("holds the same XML as a freshly packed DOCX, part for part", async () => {
    // The first document builds the shared parts; the drafts after it reuse them.
    await renderDocx(sampleDraft);
    for (const draft of [placeholderDraft, bare, manyLists, sampleDraft, placeholderDraft]) {
      const reused = parts(await renderDocx(draft));
      const fresh = parts(await Packer.toBuffer(docxDocument(draft)));
      expect([...reused.keys()]).toEqual([...fresh.keys()]);
      for (const [path, xml] of fresh) expect(reused.get(path), path).toBe(xml);
    }
  });

  it("keeps a numbering part per set of lists", async () => {
    const numbering = (buf: Uint8Array) => parts(buf).get("word/numbering.xml") ?? "";
    const withMore = numbering(await renderDocx(manyLists));
    const sample = numbering(await renderDocx(sampleDraft));
    expect(withMore).not.toBe(sample);
    expect(withMore.split("<w:num ").length).toBeGreaterThan(sample.split("<w:num ").length);
  });

  it.skipIf(!(hasTool("soffice", ["--version"]) && hasTool("pdftotext")))(
    "opens in LibreOffice",
    async () => {
      await renderDocx(sampleDraft);
      const docx = writeTemp(tmp.dir, "reused.docx", await renderDocx(manyLists));
      libreOfficeToPdf(tmp.dir, [docx]);
      const pdf = join(tmp.dir, "reused.pdf");
      expect(existsSync(pdf)).toBe(true);
      const text = pdfText(pdf).replace(/\s+/g, " ");
      for (const p of sampleProposals) expect(text).toContain(p);
      expect(text).toContain("att besluta");
      expect(text).toContain("Källor");
      expect(text).toContain(sampleTitle);
    },
    180_000,
  );
});
