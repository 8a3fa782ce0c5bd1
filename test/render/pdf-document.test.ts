import { inflateSync } from "node:zlib";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { PdfDocument } from "../../src/render/pdf-document.js";

type Doc = PDFKit.PDFDocument;
const Pdfkit = PDFDocument as unknown as new (options?: PDFKit.PDFDocumentOptions) => Doc;

const options = (compress: boolean): PDFKit.PDFDocumentOptions => ({
  compress,
  tagged: true,
  lang: "sv-SE",
  displayTitle: true,
  bufferPages: true,
  info: { Title: "Motion om – å, ä, ö", Author: "Anna Andersson 😀", CreationDate: new Date(Date.UTC(2026, 10, 24)) },
});

/** Draws the same things on a document: text with non-ASCII letters, a link, a second page, a rectangle. */
function draw(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const section = doc.struct("Sect");
  doc.addStructure(section);
  section.add(
    doc.struct("P", {}, [() => void doc.fontSize(12).text("Kommunfullmäktige föreslås besluta – att utreda.")]),
  );
  section.add(
    doc.struct("P", {}, [() => void doc.text("Källa", { link: "https://example.org/a?b=c&d", underline: true })]),
  );
  doc.addPage();
  doc.rect(50, 50, 100, 20).fill("#ffe08a");
  section.add(doc.struct("P", {}, [() => void doc.fillColor("black").text("Sida två (2)\\ med specialtecken")]));
  section.end();
  doc.end();
  return done;
}

/** The file with its random parts made equal: the document ID and the dates pdfkit stamps itself. */
const normalized = (pdf: Buffer): string =>
  pdf
    .toString("latin1")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "/ID")
    .replace(/<xmp:(\w+)Date>[^<]*</g, "<xmp:$1Date><");

describe("PdfDocument", () => {
  it("writes the same bytes as pdfkit's own document when nothing is deflated", async () => {
    const ours = await draw(new PdfDocument(options(false)));
    const theirs = await draw(new Pdfkit(options(false)));
    expect(ours.length).toBe(theirs.length);
    expect(normalized(ours)).toBe(normalized(theirs));
    // The cross-reference table points at each object: the offsets counted while writing are right.
    const raw = ours.toString("latin1");
    const offsets = [...raw.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.length).toBeGreaterThan(10);
    for (const [i, offset] of offsets.entries())
      expect(raw.slice(offset, offset + 20)).toMatch(new RegExp(`^${i + 1} 0 obj`));
    expect(Number(/startxref\n(\d+)/.exec(raw)?.[1])).toBe(raw.lastIndexOf("xref\n0 "));
  });

  it("deflates the same streams as pdfkit, and they inflate to pdfkit's own content", async () => {
    let deflated = 0;
    const streams = (pdf: Buffer): Buffer[] => {
      const raw = pdf.toString("latin1");
      return [...raw.matchAll(/<<([\s\S]*?)>>\nstream\n/g)].map((m) => {
        const length = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
        const start = m.index! + m[0].length;
        const bytes = pdf.subarray(start, start + length);
        if (!m[1]!.includes("/Filter /FlateDecode")) return bytes;
        deflated++;
        return inflateSync(bytes);
      });
    };
    const ours = streams(await draw(new PdfDocument(options(true))));
    const theirs = streams(await draw(new Pdfkit(options(true))));
    expect(ours.length).toBe(2); // the two pages' contents
    expect(deflated).toBe(4);
    expect(ours.map((s) => normalized(s))).toEqual(theirs.map((s) => normalized(s)));
  });
});
