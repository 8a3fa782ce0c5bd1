/**
 * DOCX layout read back from the XML: keepWithNext paragraphs carry w:keepNext (and stay
 * whole), headings keep with what follows through their styles, placeholders are
 * highlighted yellow, and every paragraph style's line spacing leaves room for its font.
 */
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { placeholderText } from "../../src/domain/draft.js";
import { renderDocx } from "../../src/render/docx.js";
import { escapeXml } from "./helpers.js";
import { dateline, introduction, placeholderDraft, placeholders, twoLineTitle } from "./placeholder-draft.js";

let doc: string;
let styles: string;

beforeAll(async () => {
  const files = unzipSync(new Uint8Array(await renderDocx(placeholderDraft)));
  doc = strFromU8(files["word/document.xml"]!);
  styles = strFromU8(files["word/styles.xml"]!);
});

/** The `<w:p>` element whose text contains `text`. */
function paragraphWith(text: string): string {
  const p = doc.split("</w:p>").find((chunk) => chunk.includes(escapeXml(text)));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p.slice(p.lastIndexOf("<w:p>") >= 0 ? p.lastIndexOf("<w:p>") : p.lastIndexOf("<w:p "));
}

/** The paragraph's own properties (`<w:pPr>…</w:pPr>`), empty when it has none. */
function pPr(paragraph: string): string {
  return /<w:pPr>(.*?)<\/w:pPr>/.exec(paragraph)?.[1] ?? "";
}

/** The `<w:r>` run that holds `text`. */
function runWith(text: string): string {
  const run = doc.split("</w:r>").find((chunk) => chunk.includes(escapeXml(text)));
  if (!run) throw new Error(`no run with ${text}`);
  return run.slice(run.lastIndexOf("<w:r>"));
}

describe("DOCX keep with next", () => {
  it("puts w:keepNext and w:keepLines on the paragraphs the Draft keeps with the next", () => {
    for (const text of [introduction, dateline, "Anna Andersson (L)"]) {
      expect(pPr(paragraphWith(text)), text).toContain("<w:keepNext/>");
      expect(pPr(paragraphWith(text)), text).toContain("<w:keepLines/>");
    }
  });

  it("leaves other paragraphs free to break", () => {
    for (const text of ["Per Berg (L)", "Kommunfullmäktige beslutade den", "Hur följs planen upp?"])
      expect(pPr(paragraphWith(text)), text).not.toContain("<w:keepNext/>");
  });

  it("keeps every heading with what follows through its style", () => {
    for (const id of ["Heading1", "Heading2", "Heading3"]) expect(styleXml(id), id).toContain("<w:keepNext/>");
    expect(paragraphWith(twoLineTitle)).toContain('<w:pStyle w:val="Heading1"/>');
  });
});

describe("DOCX placeholders", () => {
  it("writes each placeholder as a yellow-highlighted run reading [FYLL I: …]", () => {
    for (const text of placeholders)
      expect(runWith(placeholderText(text)), text).toContain('<w:highlight w:val="yellow"/>');
    expect(runWith(placeholderText(placeholders[1]))).toContain("<w:b/>");
  });

  it("highlights nothing else", () => {
    expect(doc.match(/<w:highlight /g)).toHaveLength(placeholders.length);
    expect(runWith("Kommunfullmäktige beslutade den")).not.toContain("<w:highlight");
  });
});

describe("DOCX line spacing", () => {
  // Arial's and Times New Roman's single line (ascent + descent + line gap) is 1.15 of the font size.
  const SINGLE = 1.15;

  it("gives every paragraph style, the title's first, lines at least as tall as its font's", () => {
    for (const id of [
      "Heading1",
      "Heading2",
      "Heading3",
      "Normal",
      "Title",
      "Quote",
      "ListParagraph",
      "FootnoteText",
      "Sources",
    ]) {
      const { sizePt, line, lineRule } = effective(id);
      // Without lineRule, LibreOffice reads w:line as an exact height in twips (Word as a multiple of 240).
      const height =
        lineRule === "auto"
          ? (line / 240) * sizePt * SINGLE
          : lineRule === "atLeast"
            ? Math.max(line / 20, sizePt * SINGLE)
            : line / 20;
      expect(height, `${id}: ${sizePt} pt text on lines of ${line} (${lineRule ?? "no rule"})`).toBeGreaterThanOrEqual(
        sizePt * SINGLE - 0.01,
      );
    }
  });

  it("sets the title in 16 pt with its line rule stated", () => {
    expect(effective("Heading1")).toMatchObject({ sizePt: 16, lineRule: "auto" });
  });
});

function styleXml(id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>(.*?)</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[1]!;
}

/**
 * A paragraph style's font size and line spacing, from the style, the styles it is based on, and the document defaults.
 */
function effective(id: string): { sizePt: number; line: number; lineRule: string | undefined } {
  let size: number | undefined;
  let line: number | undefined;
  let lineRule: string | undefined;
  const take = (xml: string): void => {
    const ppr = /<w:pPr>(.*?)<\/w:pPr>/.exec(xml)?.[1] ?? "";
    const spacing = /<w:spacing ([^>]*)\/>/.exec(ppr)?.[1] ?? "";
    const lineAttr = /w:line="(\d+)"/.exec(spacing)?.[1];
    if (line === undefined && lineAttr !== undefined) {
      line = Number(lineAttr);
      lineRule = /w:lineRule="(\w+)"/.exec(spacing)?.[1];
    }
    const sz = /<w:rPr>.*?<w:sz w:val="(\d+)"\/>/.exec(xml)?.[1];
    if (size === undefined && sz !== undefined) size = Number(sz) / 2;
  };
  for (let current: string | undefined = id; current; ) {
    const xml = styleXml(current);
    take(xml);
    current = /<w:basedOn w:val="([^"]+)"\/>/.exec(xml)?.[1];
  }
  take(/<w:docDefaults>(.*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? "");
  return { sizePt: size ?? 10, line: line ?? 240, lineRule: line === undefined ? "auto" : lineRule };
}
