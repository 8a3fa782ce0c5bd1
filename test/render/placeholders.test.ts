/**
 * "[FYLL I: …]" in every writer: shown, and marked so the signer cannot miss it. HTML wraps
 * it in <mark class="placeholder">, Markdown sets it bold (also inside bold text), the PDF
 * draws a light yellow highlight behind it while its text still reads back exactly. (DOCX:
 * docx-layout.test.ts.)
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { marked } from "marked";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeholderText } from "../../src/domain/draft.js";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderPdf } from "../../src/render/pdf.js";
import { sampleDraft } from "../fixtures/sample-draft.js";
import { escapeXml, hasTool, tempDir, writeTemp } from "./helpers.js";
import { expectedReading, pdfPages, readPages } from "./pdf-reading.js";
import { placeholderDraft, placeholders } from "./placeholder-draft.js";

const run = promisify(execFile);

describe("HTML placeholders", () => {
  const html = renderHtml(placeholderDraft);

  it('wraps each placeholder in <mark class="placeholder">', () => {
    for (const p of placeholders)
      expect(html).toContain(`<mark class="placeholder">${escapeXml(placeholderText(p))}</mark>`);
    expect(html.match(/<mark /g)).toHaveLength(placeholders.length);
  });

  it("styles the mark so it prints too", () => {
    expect(html).toMatch(/mark\.placeholder\{[^}]*background:#fff3a0[^}]*print-color-adjust:exact/);
  });

  it("asks print to keep a kept paragraph with the next", () => {
    expect(html).toMatch(/<p class="keep-with-next">Lidingö den 2 december 2026<\/p>/);
    expect(html).toMatch(/\.keep-with-next\{break-after:avoid\}|\.keep-with-next\{break-after:avoid/);
  });
});

describe("Markdown placeholders", () => {
  const md = renderMarkdown(placeholderDraft);
  const parsed = marked.parse(md, { async: false, gfm: false });

  it("sets each placeholder bold, inside bold text too", () => {
    for (const p of placeholders)
      expect(parsed).toMatch(new RegExp(`<strong>[^<]*${escapeRe(escapeXml(placeholderText(p)))}[^<]*</strong>`));
  });

  it("leaves no stray asterisks", () => {
    expect(parsed).not.toContain("*");
  });
});

describe.skipIf(!hasTool("pdftotext") || !hasTool("pdftoppm"))("PDF placeholders", () => {
  const tmp = tempDir("motionera-pdf-marks-");
  let pdf: string;
  let image: Image;
  let words: Word[];

  beforeAll(async () => {
    pdf = writeTemp(tmp.dir, "marks.pdf", await renderPdf(placeholderDraft));
    words = await wordBoxes(pdf);
    image = await pageImage(pdf, join(tmp.dir, "page"));
  });
  afterAll(() => tmp.cleanup());

  it("reads back the placeholders' text exactly", async () => {
    expect(readPages(await pdfPages(pdf)).text).toBe(expectedReading(placeholderDraft));
  });

  it("draws the highlight behind every placeholder and nowhere else", () => {
    const marked = words.filter((_w, i) => inPlaceholder(words, i));
    // A placeholder's last word may carry the punctuation after it ("datum]?").
    expect(marked.map((w) => w.text.replace(/\]\W$/, "]")).join(" ")).toBe(placeholders.map(placeholderText).join(" "));
    for (const w of marked) expect(highlightShare(image, w), w.text).toBeGreaterThan(0.4);
    const plain = words.filter((_w, i) => !inPlaceholder(words, i));
    for (const w of plain) expect(highlightShare(image, w), w.text).toBe(0);
  });

  it("draws no highlight in a document without placeholders", async () => {
    const plain = await pageImage(
      writeTemp(tmp.dir, "plain.pdf", await renderPdf(sampleDraft)),
      join(tmp.dir, "plain"),
    );
    expect(highlightShare(plain, { text: "", xMin: 0, yMin: 0, xMax: plain.width, yMax: plain.height })).toBe(0);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Page 1's words and their boxes, in points. */
async function wordBoxes(pdf: string): Promise<Word[]> {
  const { stdout } = await run("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
  return [
    ...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, "&"),
  }));
}

/** Whether words[i] is part of a "[FYLL I: …]" (from "[FYLL" to the word ending in "]"). */
function inPlaceholder(words: readonly Word[], i: number): boolean {
  for (let k = i; k >= 0; k--) {
    if (words[k]!.text === "[FYLL") return k === i || !words.slice(k, i).some((w) => /\]\W?$/.test(w.text));
  }
  return false;
}

interface Image {
  width: number;
  height: number;
  rgb: Buffer;
}

/** Page 1 at 72 dpi (one pixel a point), as pdftoppm's PPM. */
async function pageImage(pdf: string, stem: string): Promise<Image> {
  await run("pdftoppm", ["-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, stem]);
  const data = readFileSync(`${stem}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("not a PPM");
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(header[0].length) };
}

/** The share of the box's pixels in the highlight's light yellow (#fff3a0). */
function highlightShare(image: Image, box: Word): number {
  let yellow = 0;
  let all = 0;
  for (let y = Math.ceil(box.yMin); y < Math.floor(box.yMax); y++) {
    for (let x = Math.ceil(box.xMin); x < Math.floor(box.xMax); x++) {
      const i = (y * image.width + x) * 3;
      const [r, g, b] = [image.rgb[i]!, image.rgb[i + 1]!, image.rgb[i + 2]!];
      all++;
      if (r >= 250 && Math.abs(g - 0xf3) <= 6 && Math.abs(b - 0xa0) <= 10) yellow++;
    }
  }
  return all === 0 ? 0 : yellow / all;
}
