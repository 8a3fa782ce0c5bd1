/**
 * End to end: a DOCX built from the nastiest known-bad strings, in every user field and in a
 * fact's value, note and source, opens in LibreOffice, which prints it to a PDF whose text
 * holds the hostile values as literal words. One conversion (LibreOffice is slow).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx.js";
import { hasTool, libreOfficeToPdf, pdfText, tempDir, writeTemp } from "../render/helpers.js";
import { checkDocx } from "./checks.js";
import { hostileStrings } from "./hostile-strings.js";
import { composeWith } from "./pipeline.js";

const haveTools = hasTool("soffice", ["--version"]) && hasTool("pdftotext");

const nastiest = [
  "C0 controls",
  "U+FFFE and U+FFFF",
  "lone high surrogate",
  "lone low surrogate",
  "bidi override",
  "emoji and ZWJ sequences",
  "astral letters",
  "mustaches",
  "script tag",
  "attribute breakout",
  "entities",
  "heading",
  "javascript link",
  "table",
  "citation marker",
]
  .map((k) => hostileStrings[k]!)
  .join(" ");

describe.skipIf(!haveTools)("a hostile DOCX through LibreOffice", () => {
  const tmp = tempDir("motionera-lo-hostile-");
  afterAll(() => tmp.cleanup());

  it("opens and prints, with the hostile values as literal text", async () => {
    const composed = composeWith("kast-avtal", nastiest);
    const bytes = await renderDocx(composed.draft);
    checkDocx(bytes);
    const docx = writeTemp(tmp.dir, "fientlig.docx", bytes);
    libreOfficeToPdf(tmp.dir, [docx]);
    const pdf = join(tmp.dir, "fientlig.pdf");
    expect(existsSync(pdf)).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain(composed.draft.meta.title);
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("# Rubrik");
    expect(text).toContain("[klicka](javascript:alert(1))");
    expect(text).toContain('{{cite "mika_kast_agreement"}}');
    // The footnotes, which carry the hostile fact values and sources, are printed too.
    const script = "<script>alert(1)</script>";
    const inBody = JSON.stringify(composed.draft.blocks).split(script).length - 1;
    expect(text.split(script).length - 1).toBeGreaterThan(inBody);
  }, 180_000);
});
