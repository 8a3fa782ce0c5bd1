import { execFileSync } from "node:child_process";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import type { Draft } from "../../src/domain/draft.js";
import { renderDocx } from "../../src/render/docx.js";
import {
  mapText,
  sampleCitations,
  sampleDraft,
  sampleProposals,
  sampleQuestions,
  sampleTitle,
} from "../fixtures/sample-draft.js";
import { escapeXml, hasTool, tempDir, writeTemp, XML_FORBIDDEN } from "./helpers.js";

function unzip(buf: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(buf));
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

/** The `<w:p>` element whose text contains `text`. */
function paragraphWith(xml: string, text: string): string {
  const p = xml.split("</w:p>").find((chunk) => chunk.includes(escapeXml(text)));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p;
}

/** The number format (bullet, decimal, …) and level text of a paragraph's list. */
function listFormat(doc: string, numbering: string, text: string): { fmt: string; lvlText: string } {
  const numId = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(doc, text))?.[1];
  expect(numId, `paragraph "${text}" is in a Word list`).toBeDefined();
  const abs = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
  const def =
    new RegExp(`<w:abstractNum w:abstractNumId="${abs}"[^>]*>(.*?)</w:abstractNum>`).exec(numbering)?.[1] ?? "";
  return {
    fmt: /<w:numFmt w:val="([^"]+)"/.exec(def)?.[1] ?? "",
    lvlText: /<w:lvlText w:val="([^"]*)"/.exec(def)?.[1] ?? "",
  };
}

describe("renderDocx", () => {
  let buf: Buffer;
  let parts: Record<string, string>;
  let doc: string;

  beforeAll(async () => {
    buf = await renderDocx(sampleDraft);
    parts = unzip(buf);
    doc = parts["word/document.xml"]!;
  });

  it("uses Word's built-in heading styles", () => {
    expect(paragraphWith(doc, sampleTitle)).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(doc, "Bakgrund")).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphWith(doc, "Vad mottagningarna erbjuder")).toContain('<w:pStyle w:val="Heading3"/>');
    expect(paragraphWith(doc, "Källor")).toContain('<w:pStyle w:val="Heading2"/>');
    expect(parts["word/styles.xml"]).toMatch(/w:styleId="Heading1"><w:name w:val="Heading 1"\/>/);
  });

  it("writes att-satser as a dash list and questions as a numbered list", () => {
    const numbering = parts["word/numbering.xml"]!;
    for (const p of sampleProposals) {
      expect(doc).toContain(escapeXml(p));
      expect(listFormat(doc, numbering, p)).toEqual({ fmt: "bullet", lvlText: "–" });
    }
    for (const q of sampleQuestions) expect(listFormat(doc, numbering, q)).toEqual({ fmt: "decimal", lvlText: "%1." });
    expect(listFormat(doc, numbering, "beslut i fullmäktige").fmt).toBe("decimal");
    expect(listFormat(doc, numbering, "stöd till närstående").fmt).toBe("bullet");
  });

  it("starts each numbered list at 1", () => {
    const numbering = parts["word/numbering.xml"]!;
    const q = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(doc, sampleQuestions[0]))![1];
    const t = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(doc, "beslut i fullmäktige"))![1];
    expect(q).not.toBe(t);
    expect(numbering).toContain(`<w:num w:numId="${t}"><w:abstractNumId w:val="`);
    expect(numbering).toMatch(new RegExp(`<w:num w:numId="${t}">.*?<w:startOverride w:val="1"/>`));
  });

  it("keeps å ä ö, “ ”, – and € intact and escapes & and <", () => {
    expect(doc).toContain("Lidingö stad har i dag");
    expect(doc).toContain("“Det var första gången");
    expect(doc).toContain("år.”");
    expect(doc).toContain("nekad – eller");
    expect(doc).toContain("1 200 €");
    expect(doc).toContain("Socialnämnden &amp; kommunstyrelsen");
    expect(doc).toContain("är &lt; 1 promille");
    for (const [name, xml] of Object.entries(parts)) {
      expect(xml, name).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-fA-F]+;)/);
    }
  });

  it("marks strong, emphasis, breaks, quotes and links", () => {
    expect(paragraphWith(doc, "inget avtal")).toMatch(/<w:b\/>.{0,200}inget avtal/);
    expect(paragraphWith(doc, "beprövade former")).toMatch(/<w:i\/>.{0,200}beprövade former/);
    expect(paragraphWith(doc, "Anna Exempel (L)")).toMatch(/<w:br\/>/);
    expect(paragraphWith(doc, "Det var första gången")).toContain('<w:pStyle w:val="Quote"/>');
    expect(paragraphWith(doc, "mottagningens webbplats")).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"/);
    expect(parts["word/_rels/document.xml.rels"]).toContain('Target="https://example.se/kast" TargetMode="External"');
  });

  it("puts each citation in a real footnote that names its source", () => {
    const refs = doc.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? [];
    expect(refs).toHaveLength(4);
    const notes = parts["word/footnotes.xml"]!;
    for (const c of sampleCitations) expect(notes).toContain(escapeXml(c.source.title!));
    expect(notes).toContain(
      escapeXml(
        "Länsstyrelsen i Exempellän, ”Kartläggning av kommunernas avtal om stöd – uppföljning 2023”, 21 februari 2023.",
      ),
    );
    // The undated source says so in its note.
    expect(notes).toContain(escapeXml("Exempelförbundet, ”Kostnader för stödinsatser <utkast>”, odaterad."));
    expect(notes).toContain('<w:pStyle w:val="FootnoteText"/>');
    expect(parts["word/_rels/footnotes.xml.rels"]).toContain("https://example.se/lan/stod");
  });

  it("lists the distinct sources under Källor", () => {
    const after = doc.slice(doc.indexOf(">Källor<"));
    expect(after).toContain(escapeXml("Region Exempel, ”Stöd & behandling i länet”, februari 2022."));
    expect(after.split("Kartläggning av kommunernas").length - 1).toBe(1);
  });

  it("fills in the document properties and the Swedish language", () => {
    const core = parts["docProps/core.xml"]!;
    expect(core).toContain(`<dc:title>${sampleTitle}</dc:title>`);
    expect(core).toContain("<dc:creator>Anna Exempel, Bo Åström</dc:creator>");
    expect(core).toContain("<cp:keywords>motion, KAST, Mikamottagningen, Lidingö</cp:keywords>");
    expect(core).toContain("<dc:description>Motion om avtal");
    expect(parts["word/styles.xml"]).toMatch(
      /<w:rPrDefault><w:rPr>.*<w:lang w:val="sv-SE"\/>.*<\/w:rPr><\/w:rPrDefault>/,
    );
  });

  it("reads back as text (mammoth)", async () => {
    const { value } = await mammoth.extractRawText({ buffer: buf });
    expect(value).toContain(sampleTitle);
    expect(value).toContain(sampleProposals[0]);
    expect(value).toContain("Hur många personer från Lidingö");
    expect(value).toContain("Källor");
  });
});

describe("renderDocx with characters XML forbids", () => {
  const dirty = (s: string): string => `${s}\u0001\uFFFE\uD800\u001D`;
  const draft: Draft = {
    ...mapText(sampleDraft, dirty),
    meta: { ...sampleDraft.meta, title: dirty(sampleTitle), authors: [{ name: dirty("Anna Exempel") }] },
    citations: sampleCitations.map((c) => ({
      ...c,
      label: dirty(c.label),
      source: { ...c.source, title: dirty(c.source.title!) },
    })),
  };
  let parts: Record<string, string>;
  let buf: Buffer;

  beforeAll(async () => {
    buf = await renderDocx(draft);
    parts = unzip(buf);
  });

  it("leaves none of them in any XML part", () => {
    for (const [name, xml] of Object.entries(parts)) expect(XML_FORBIDDEN.test(xml), name).toBe(false);
    expect(parts["docProps/core.xml"]).toContain(`<dc:title>${sampleTitle}</dc:title>`);
  });

  it("still reads back as text", async () => {
    const { value } = await mammoth.extractRawText({ buffer: buf });
    expect(value).toContain(sampleProposals[1]);
  });

  // expat (Python's XML parser) is a strict XML 1.0 parser: it rejects forbidden characters and bad escapes.
  it.skipIf(!hasTool("python3", ["-c", "import xml.parsers.expat"]))("is well-formed XML to a strict parser", () => {
    const { dir, cleanup } = tempDir("motionera-docx-xml-");
    try {
      const paths = Object.entries(parts).map(([name, xml]) => writeTemp(dir, name.replace(/[/[\]]/g, "_"), xml));
      const script =
        "import sys, xml.parsers.expat\nfor p in sys.argv[1:]:\n    " +
        "xml.parsers.expat.ParserCreate().Parse(open(p, 'rb').read(), True)\n";
      expect(() => execFileSync("python3", ["-c", script, ...paths], { stdio: "pipe" })).not.toThrow();
    } finally {
      cleanup();
    }
  });
});
