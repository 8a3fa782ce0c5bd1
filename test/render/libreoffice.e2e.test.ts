/**
 * End to end: LibreOffice opens our DOCX and prints it to PDF; the PDF's text has the
 * title, the att-satser and the Swedish letters. Slow (a LibreOffice start), hence its own
 * file and a generous timeout; skipped where soffice is not installed.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx.js";
import { sampleDraft, sampleProposals, sampleTitle } from "../fixtures/sample-draft.js";
import { hasTool, pdfText, tempDir, writeTemp } from "./helpers.js";

const haveTools = hasTool("soffice", ["--version"]) && hasTool("pdftotext");

describe.skipIf(!haveTools)("DOCX through LibreOffice", () => {
  const tmp = tempDir("motionera-lo-");
  afterAll(() => tmp.cleanup());

  it(
    "converts to a PDF with the title, the att-satser and å ä ö",
    async () => {
      const docx = writeTemp(tmp.dir, "motion.docx", await renderDocx(sampleDraft));
      const profile = pathToFileURL(join(tmp.dir, "lo-profile")).href;
      execFileSync(
        "soffice",
        [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", tmp.dir, docx],
        { timeout: 120_000, stdio: "pipe" },
      );
      const pdf = join(tmp.dir, "motion.pdf");
      expect(existsSync(pdf)).toBe(true);
      const text = pdfText(pdf).replace(/\s+/g, " ");
      expect(text).toContain(sampleTitle);
      for (const p of sampleProposals) expect(text).toContain(p);
      expect(text).toContain("Lidingö stad har i dag inget avtal");
      expect(text).toContain("närstående");
      expect(text).toContain("Källor");
      // Footnotes survive: LibreOffice prints them at the foot of the page.
      expect(text).toContain("(uppgift per 21 februari 2023)");
    },
    180_000,
  );
});
