import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdf, renderPdfWithBuiltinFont, superscript } from "../../src/render/pdf.js";
import { mapText, sampleDraft, sampleProposals, sampleQuestions, sampleTitle } from "../fixtures/sample-draft.js";
import { hasTool, pdfInfo, pdfText, tempDir, writeTemp } from "./helpers.js";

/** pdftotext breaks lines where the PDF does; compare with whitespace collapsed. */
const flat = (s: string): string => s.replace(/\s+/g, " ");

describe.skipIf(!hasTool("pdftotext"))("renderPdf", () => {
  const tmp = tempDir("motionera-pdf-");
  let pdf: Buffer;
  let text: string;
  let info: string;

  beforeAll(async () => {
    pdf = await renderPdf(sampleDraft);
    const path = writeTemp(tmp.dir, "sample.pdf", pdf);
    text = pdfText(path);
    info = pdfInfo(path);
  });
  afterAll(() => tmp.cleanup());

  it("is a PDF 1.7 on A4", () => {
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
  });

  it("carries title, author, keywords, language and tagging", () => {
    expect(info).toMatch(new RegExp(`Title:\\s+${sampleTitle}`));
    expect(info).toMatch(/Author:\s+Anna Exempel, Bo Åström/);
    expect(info).toMatch(/Keywords:\s+motion, KAST/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/Lang (sv-SE)");
    expect(raw).toContain("/DisplayDocTitle true");
    for (const tag of ["/S /H1", "/S /H2", "/S /P", "/S /L", "/S /LI", "/S /Lbl", "/S /LBody", "/S /Link"])
      expect(raw).toContain(tag);
  });

  it("embeds DejaVu, at most the faces it uses", () => {
    const raw = pdf.toString("latin1");
    const fonts = new Set(raw.match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g)?.map((f) => f.split("+")[1]));
    expect([...fonts].sort()).toEqual(["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"]);
    expect(raw).not.toContain("/Helvetica");
  });

  it("keeps the text, å ä ö, “ ”, – and € intact", () => {
    const t = flat(text);
    expect(t).toContain(sampleTitle.replace(/\s+/g, " "));
    for (const p of sampleProposals) expect(t).toContain(p);
    for (const q of sampleQuestions) expect(t).toContain(q);
    expect(t).toContain("Lidingö stad har i dag inget avtal");
    expect(t).toContain("“Det var första gången");
    expect(t).toContain("många år.”");
    expect(t).toContain("nekad – eller");
    expect(t).toContain("1 200 €");
    expect(t).toContain("Socialnämnden & kommunstyrelsen");
    expect(t).toContain("är < 1 promille");
  });

  it("numbers the notes and lists them, then the sources", () => {
    const t = flat(text);
    expect(t).toContain("mottagningarna¹, vilket");
    expect(t).toContain("avtal². Det");
    expect(t).toContain("per år⁴.");
    const notes = t.indexOf("Noter");
    const sources = t.indexOf("Källor");
    expect(notes).toBeGreaterThan(t.indexOf("ledamot i kommunfullmäktige"));
    expect(sources).toBeGreaterThan(notes);
    expect(t.slice(notes)).toContain(
      "1. Länsstyrelsen i Exempellän, ”Kartläggning av kommunernas avtal om stöd – uppföljning 2023”, 21 " +
        "februari 2023.",
    );
    expect(t.slice(notes)).toMatch(/3\. Exempelförbundet, ”Kostnader för stödinsatser <utkast>”, odaterad\./);
    expect(t.slice(sources)).toContain("Region Exempel, ”Stöd & behandling i länet”, februari 2022.");
    expect(t.slice(sources)).toContain("Exempelförbundet, ”Kostnader för stödinsatser <utkast>”, odaterad.");
  });

  it("deflates its streams, each one inflating whole, and leaves the XMP metadata as text", () => {
    const raw = pdf.toString("latin1");
    const streams = [...raw.matchAll(/<<([\s\S]*?)>>\nstream\n/g)];
    const deflated = streams.filter((m) => m[1]!.includes("/Filter /FlateDecode"));
    expect(deflated.length).toBeGreaterThanOrEqual(4); // page contents, font programs, ToUnicode maps
    for (const m of deflated) {
      const length = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
      const start = m.index! + m[0].length;
      expect(inflateSync(pdf.subarray(start, start + length)).length).toBeGreaterThan(0);
    }
    expect(raw).toMatch(/<x:xmpmeta[\s\S]*<\/x:xmpmeta>/);
  });

  it("numbers pages the Swedish way", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(text).toContain(`1 (${pages})`);
    expect(text).toContain(`${pages} (${pages})`);
  });

  it("writes the superscript digits of any note number", () => {
    expect(superscript(1)).toBe("¹");
    expect(superscript(12)).toBe("¹²");
    expect(superscript(90)).toBe("⁹⁰");
  });
});

describe.skipIf(!hasTool("pdftotext"))("renderPdf variants", () => {
  const tmp = tempDir("motionera-pdf-");
  afterAll(() => tmp.cleanup());

  it("embeds only regular and bold when the draft has no emphasis", async () => {
    const noEmphasis = {
      ...sampleDraft,
      blocks: sampleDraft.blocks.filter((b) => JSON.stringify(b).indexOf('"emphasis"') < 0),
    };
    const raw = (await renderPdf(noEmphasis)).toString("latin1");
    const fonts = new Set(raw.match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g)?.map((f) => f.split("+")[1]));
    expect([...fonts].sort()).toEqual(["DejaVuSans", "DejaVuSans-Bold"]);
  });

  it("renders untagged, and with the built-in font", async () => {
    const untagged = await renderPdf(sampleDraft, { tagged: false });
    expect(untagged.toString("latin1")).not.toContain("/StructTreeRoot");
    const builtin = await renderPdfWithBuiltinFont(sampleDraft);
    expect(builtin.toString("latin1")).toContain("/BaseFont /Helvetica");
    expect(flat(pdfText(writeTemp(tmp.dir, "b.pdf", builtin)))).toContain(sampleProposals[0]);
  });

  it("drops characters no font can show", async () => {
    const dirty = mapText(sampleDraft, (s) => `${s}\u0001\uFFFE`);
    const t = flat(pdfText(writeTemp(tmp.dir, "d.pdf", await renderPdf(dirty))));
    expect(t).toContain(sampleProposals[0]);
    expect(t).not.toMatch(/[\u0001\uFFFE]/);
  });

  it("renders documents concurrently with the shared fonts", async () => {
    const [a, b] = await Promise.all([renderPdf(sampleDraft), renderPdf(mapText(sampleDraft, (s) => s.toUpperCase()))]);
    expect(flat(pdfText(writeTemp(tmp.dir, "a.pdf", a)))).toContain(sampleProposals[0]);
    expect(flat(pdfText(writeTemp(tmp.dir, "b2.pdf", b)))).toContain(sampleProposals[0].toUpperCase());
  });
});
