/**
 * Every word of our PDFs reads back exactly (pdftotext, which is what a screen reader and a
 * search index get too): every face and style, headings, list items, quotes, notes and
 * sources, also when the process has rendered other documents before — the lost letters
 * ("En h ndlingspl n", "K ST") came from one document's font subset leaking into the next.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Block, Citation, Draft, Inline } from "../../src/domain/draft.js";
import { renderPdf } from "../../src/render/pdf.js";
import { warmUpDraft } from "../../src/render/warm-up-draft.js";
import { sampleDraft } from "../fixtures/sample-draft.js";
import { hasTool, tempDir, writeTemp } from "./helpers.js";
import { expectedReading, pdfPages, readPages } from "./pdf-reading.js";

const t = (value: string): Inline => ({ type: "text", value });
const strong = (...children: Inline[]): Inline => ({ type: "strong", children });
const em = (...children: Inline[]): Inline => ({ type: "emphasis", children });
const cite = (n: number): Inline => ({ type: "citation", n });
const p = (...children: Inline[]): Block => ({ type: "paragraph", children });

const lower = "abcdefghijklmnopqrstuvwxyz åäö éüæøß";
const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ ÅÄÖ ÉÜÆØ";
const signs = "0123456789 – “citat” ”svenskt” ’a’ € § % & < > ( ) ? ! : ;";
const words =
  "En handlingsplan för personer som säljer sex. Ge Lidingö ett varaktigt avtal med Mikamottagningen och KAST.";
/** The same line in a face: every letter, the phrases that lost theirs, signs. */
const sampler = (label: string): string => `${label}: ${signs} ${words} ${lower} ${upper}`;

const source = (n: number): Citation["source"] => ({
  title: `Rapport ${n} om stöd – uppföljning`,
  publisher: "Exempelmyndigheten",
  date: "2023-02-21",
  url: `https://example.se/rapporter/${n}?format=pdf&sida=4`,
});
const citation = (n: number): Citation => ({
  kind: "fact",
  n,
  factId: `f-${n}`,
  key: `key_${n}`,
  label: `Avtal med Mikamottagningen och KAST ${n}`,
  subjectName: "Lidingö",
  value: "nej",
  asOf: "2023-02-21",
  source: source(n),
});

/** One draft with text in every face and every kind of block the writer sets. */
const styles: Draft = {
  ...sampleDraft,
  meta: { ...sampleDraft.meta, title: "En handlingsplan för personer som säljer sex" },
  blocks: [
    {
      type: "heading",
      level: 1,
      children: [
        t(
          "En handlingsplan för personer som säljer sex – Ge Lidingö ett varaktigt avtal med Mikamottagningen och KAST",
        ),
      ],
    },
    p(strong(t(sampler("Fet ingress"))), t(" Och sedan vanlig text.")),
    p(t(sampler("Brödtext")), cite(1)),
    p(em(t(sampler("Kursiv")))),
    p(strong(em(t(sampler("Fet kursiv")))), cite(2), cite(3)),
    p(
      em(strong(t("Kursiv och fet: Åsa Öberg ärver ön."))),
      t(" "),
      { type: "placeholder", text: "beslutets datum" },
      t("."),
    ),
    p(
      t("En länk: "),
      { type: "link", url: "https://example.se/kast", children: [t("mottagningens webbplats")] },
      t(", en till "),
      { type: "link", url: "ftp://example.se/fil", children: [t("arkivet")] },
      t("."),
    ),
    { type: "heading", level: 2, children: [t(sampler("Rubrik två"))] },
    { type: "heading", level: 3, children: [t(sampler("Rubrik tre"))] },
    {
      type: "paragraph",
      keepWithNext: true,
      children: [t("Med anledning av ovanstående föreslår jag kommunfullmäktige besluta")],
    },
    {
      type: "list",
      ordered: false,
      role: "proposals",
      items: [[t(sampler("att-sats"))], [strong(t("att")), t(" Håbo, Umeå och Älvsbyn får avtal")]],
    },
    { type: "list", ordered: true, role: "questions", items: [[t(sampler("Fråga"))], [em(t("Vad kostar KAST?"))]] },
    { type: "list", ordered: false, role: "plain", items: [[t(sampler("Punkt"))]] },
    { type: "quote", children: [p(t(sampler("Citat"))), p(em(t("– Anna Åkesson, KAST")))] },
    { type: "rule" },
    { type: "paragraph", keepWithNext: true, children: [t("Lidingö den 2 december 2026")] },
    p(t("Anna Andersson (L)"), { type: "break" }, t("ledamot i kommunfullmäktige")),
  ],
  citations: [citation(1), citation(2), citation(3)],
  sources: [source(1), source(2), source(3)],
};

/** Letters that are drawn from others ("ä" from "a", "Å" from "A") in every face, before anything else. */
const composites: Draft = {
  ...warmUpDraft,
  blocks: ["åäöÅÄÖéÉüÜ"].flatMap((s) => [
    { type: "heading", level: 1, children: [t(s)] } as Block,
    p(t(s), strong(t(s)), em(t(s)), strong(em(t(s)))),
  ]),
  citations: [],
  sources: [],
};

describe.skipIf(!hasTool("pdftotext"))("PDF text extraction", () => {
  const tmp = tempDir("motionera-pdf-text-");
  afterAll(() => tmp.cleanup());
  let n = 0;
  const reading = async (draft: Draft): Promise<string> =>
    readPages(await pdfPages(writeTemp(tmp.dir, `d${n++}.pdf`, await renderPdf(draft)))).text;

  it("reads back every face exactly after documents whose subsets held only composite letters", async () => {
    await renderPdf(composites);
    await renderPdf(warmUpDraft);
    expect(await reading(styles)).toBe(expectedReading(styles));
  });

  it("reads back the same, rendered again and rendered concurrently with other documents", async () => {
    const expected = expectedReading(styles);
    const [a, , b] = await Promise.all([reading(styles), reading(composites), reading(styles)]);
    expect(a).toBe(expected);
    expect(b).toBe(expected);
    expect(await reading(sampleDraft)).toBe(expectedReading(sampleDraft));
  });

  it("reads back the composite letters themselves", async () => {
    expect(await reading(composites)).toBe(expectedReading(composites));
  });
});
