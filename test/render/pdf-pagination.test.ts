/**
 * Page breaks in the PDF: a Draft whose ending (a heading, the "föreslår … besluta" line and
 * its att-satser, the dateline and two signatures, "Noter" and "Källor") is pushed down one
 * line at a time by a filler of 1 to 50 lines, so a page break falls at every place in it.
 * Page by page, pdftotext must find every kept paragraph whole and beside the start of what
 * follows, and no page may end with a heading.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block, Citation, Draft, Inline } from "../../src/domain/draft.js";
import { renderPdf } from "../../src/render/pdf.js";
import { sampleDraft } from "../fixtures/sample-draft.js";
import { hasTool, tempDir, writeTemp } from "./helpers.js";
import { expectedReading, layoutFaults, pdfPages, placeUnits, readPages, type Placed } from "./pdf-reading.js";

const t = (value: string): Inline => ({ type: "text", value });
const br: Inline = { type: "break" };
const p = (...children: Inline[]): Block => ({ type: "paragraph", children });
const kept = (...children: Inline[]): Block => ({ type: "paragraph", keepWithNext: true, children });

const source = (n: number): Citation["source"] => ({
  title: `Rapport ${n} om stöd och behandling i länet, uppföljning av avtalen`,
  publisher: "Exempelmyndigheten",
  date: "2023-02-21",
  url: `https://example.se/rapporter/${n}`,
});
const citations: Citation[] = [1, 2, 3].map((n) => ({
  kind: "fact" as const,
  n,
  factId: `f-${n}`,
  key: `key_${n}`,
  label: `Kommuner i länet med avtal om stöd till personer som säljer sex, uppgift ${n}`,
  subjectName: "Stockholms län",
  value: String(10 + n),
  asOf: "2023-02-21",
  source: source(n),
}));

/** `lines` one-line rows, then the ending where the rules apply. */
function draftPushedDown(lines: number): Draft {
  const filler = Array.from({ length: lines }, (_, i) => [
    ...(i > 0 ? [br] : []),
    t(`Rad ${i + 1} av utfyllnaden.`),
  ]).flat();
  return {
    ...sampleDraft,
    blocks: [
      p(...filler),
      { type: "heading", level: 2, children: [t("Bakgrund och förslag")] },
      { type: "heading", level: 3, children: [t("Vad mottagningarna erbjuder")] },
      p(
        t("Mikamottagningen och KAST ger stöd till personer som köper eller vill sluta köpa sexuella tjänster."),
        { type: "citation", n: 1 },
        t(" Stödet är frivilligt och kostnadsfritt."),
      ),
      kept(t("Med anledning av ovanstående föreslår jag kommunfullmäktige besluta")),
      {
        type: "list",
        ordered: false,
        role: "proposals",
        items: [
          [
            t(
              "att Lidingö stad tecknar avtal med Stockholms stad om Mikamottagningen och KAST som gäller " +
                "tills vidare och att avtalet följs upp varje år",
            ),
            { type: "citation", n: 2 },
          ],
          [t("att kommunstyrelsen får i uppdrag att informera berörd personal om stödet"), { type: "citation", n: 3 }],
        ],
      },
      kept(t("Lidingö den 2 december 2026")),
      kept(t("Anna Andersson (L)"), br, t("ledamot i kommunfullmäktige")),
      p(t("Per Berg (L)"), br, t("ersättare i kommunfullmäktige")),
    ],
    citations,
    sources: citations.map((c) => c.source),
  };
}

describe.skipIf(!hasTool("pdftotext"))("PDF page breaks", () => {
  const tmp = tempDir("motionera-pdf-pages-");
  const results: { lines: number; placed: Placed[]; faults: string[] }[] = [];

  beforeAll(async () => {
    for (let lines = 1; lines <= 50; lines++) {
      const draft = draftPushedDown(lines);
      const read = readPages(await pdfPages(writeTemp(tmp.dir, `${lines}.pdf`, await renderPdf(draft))));
      expect(read.text, `${lines} rader`).toBe(expectedReading(draft));
      const placed = placeUnits(draft, read);
      results.push({ lines, placed, faults: layoutFaults(placed) });
    }
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it("keeps headings with what follows and kept paragraphs with theirs, wherever the page breaks", () => {
    expect(results.flatMap((r) => r.faults.map((f) => `${r.lines} rader: ${f}`))).toEqual([]);
  });

  it(
    "did have to move them: each heading and the head of each kept chain starts a page in some of the " + "documents",
    () => {
      const startsPage = (text: string): number =>
        results.filter((r) => {
          const i = r.placed.findIndex((u) => u.text.startsWith(text));
          return i > 0 && r.placed[i]!.startPage > r.placed[i - 1]!.endPage;
        }).length;
      for (const text of ["Bakgrund och förslag", "Med anledning av", "Lidingö den 2 december", "Noter", "Källor"]) {
        expect(startsPage(text), text).toBeGreaterThan(0);
      }
      // The break swept the whole ending: first all of it stood on page 1, at last all on page 2.
      expect(results[0]!.placed.every((u) => u.endPage === 1)).toBe(true);
      expect(results[results.length - 1]!.placed.find((u) => u.text.startsWith("Bakgrund"))!.startPage).toBe(2);
    },
  );
});
