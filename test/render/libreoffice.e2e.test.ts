/**
 * End to end: LibreOffice opens our DOCX files and prints them to PDF (one LibreOffice start
 * for both): the text has the title, the att-satser, the Swedish letters and the
 * placeholders, and the two-line title is set on lines tall enough that they do not touch.
 * Slow, hence its own file and a generous timeout; skipped where soffice is not installed.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeholderText } from "../../src/domain/draft.js";
import { renderDocx } from "../../src/render/docx.js";
import { sampleDraft, sampleProposals, sampleTitle } from "../fixtures/sample-draft.js";
import { hasTool, libreOfficeToPdf, pdfText, tempDir, writeTemp } from "./helpers.js";
import { placeholderDraft, placeholders, twoLineTitle } from "./placeholder-draft.js";

const haveTools = hasTool("soffice", ["--version"]) && hasTool("pdftotext");

describe.skipIf(!haveTools)("DOCX through LibreOffice", () => {
  const tmp = tempDir("motionera-lo-");
  afterAll(() => tmp.cleanup());

  beforeAll(async () => {
    const motion = writeTemp(tmp.dir, "motion.docx", await renderDocx(sampleDraft));
    const interpellation = writeTemp(tmp.dir, "interpellation.docx", await renderDocx(placeholderDraft));
    libreOfficeToPdf(tmp.dir, [motion, interpellation]);
  }, 180_000);

  it("converts to a PDF with the title, the att-satser and å ä ö", () => {
    const pdf = join(tmp.dir, "motion.pdf");
    expect(existsSync(pdf)).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain(sampleTitle);
    for (const p of sampleProposals) expect(text).toContain(p);
    expect(text).toContain("Lidingö stad har i dag inget avtal");
    expect(text).toContain("närstående");
    expect(text).toContain("Källor");
    // Footnotes survive: LibreOffice prints them at the foot of the page.
    expect(text).toContain(
      "Länsstyrelsen i Exempellän, ”Kartläggning av kommunernas avtal om stöd – uppföljning 2023”, 21 februari 2023.",
    );
  });

  it("shows the placeholders", () => {
    const text = pdfText(join(tmp.dir, "interpellation.pdf")).replace(/\s+/g, " ");
    for (const p of placeholders) expect(text).toContain(placeholderText(p));
  });

  it("sets the two-line title on lines that leave room for descenders", () => {
    const layout = execFileSync(
      "pdftotext",
      ["-bbox-layout", "-f", "1", "-l", "1", join(tmp.dir, "interpellation.pdf"), "-"],
      { encoding: "utf8" },
    );
    const lines = [
      ...layout.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)<\/line>/gs),
    ].map((m) => ({
      yMin: Number(m[1]),
      yMax: Number(m[2]),
      text: [...m[3]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(" "),
    }));
    const [first, second] = lines;
    expect(`${first?.text} ${second?.text}`).toBe(twoLineTitle);
    // From one line to the next at least the 16 pt font's single line (1.15 of its size): the
    // title had 13.2 pt lines in LibreOffice when the line rule was left out.
    expect(second!.yMin - first!.yMin).toBeGreaterThanOrEqual(16 * 1.15);
  });
});
