/**
 * Hostile input through the whole pipeline: any Unicode, the table of known-bad strings and
 * 1 MB strings, in every field a user can fill, always give a DOCX whose every XML part
 * parses, HTML and Markdown with nothing executable, a PDF that renders, and a document
 * whose structure (headings, lists, quotes, rules, links, citations) comes from the template
 * alone: a user value is literal text wherever it lands.
 */
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { marked } from "marked";
import type { Block, Citation, Draft, Inline } from "../../src/domain/draft.js";
import { renderDocx } from "../../src/render/docx.js";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderPdf } from "../../src/render/pdf.js";
import { errorProblems } from "../../src/domain/field-problem.js";
import { isMotioneraError, MotioneraError } from "../../src/domain/errors.js";
import { hasVisibleText } from "../../src/domain/visible-text.js";
import { composeTexts } from "../../src/messages.sv.js";
import { sampleDraft } from "../fixtures/sample-draft.js";
import { hasTool, pdfInfo, pdfText, tempDir, writeTemp } from "../render/helpers.js";
import {
  checkDocx,
  docxLinkTargets,
  docxParagraphShapes,
  draftText,
  htmlProblems,
  structure,
  xmlText,
} from "./checks.js";
import { forField, hostileArbitrary, hostileStrings } from "./hostile-strings.js";
import { composeWith, registryWith, templateIds, userTitled } from "./pipeline.js";

const neutral = "Värde";
const baselines = new Map(templateIds.map((id) => [id, composeWith(id, neutral)]));
/** The same with every source's URL unsafe, as the property below records them: no source becomes a link. */
const unsafeUrlBaselines = new Map(
  templateIds.map((id) => [id, composeWith(id, neutral, registryWith(neutral, "javascript:alert(1)"))]),
);

/**
 * Non-Normal paragraph shapes: headings, list items, quotes, sources. Plain paragraphs may multiply (multi-line text
 * inputs).
 */
const styled = (shapes: string[]) => shapes.filter((s) => s !== "Normal" && s !== "FootnoteText");

/**
 * The structure, less the one thing a value may add: where a list input holds only list marks ("1. "), the
 * template keeps its list with a place to fill in (compose/helpers.ts), where the baseline has the user's item.
 */
const listPlaces = [composeTexts.noQuestions, composeTexts.noProposals].map((t) => `[placeholder:${t}]`);
const userStructure = (draft: Draft) =>
  structure(draft).map((s) => listPlaces.reduce((out, place) => out.replace(place, ""), s));

/** The styled paragraph shapes of each baseline's DOCX, rendered once (every hostile case compares with them). */
const baseShapeCache = new Map<Draft, Promise<string[]>>();
function baseShapes(draft: Draft): Promise<string[]> {
  let shapes = baseShapeCache.get(draft);
  if (!shapes) {
    shapes = renderDocx(draft).then((b) => styled(docxParagraphShapes(checkDocx(b).document)));
    baseShapeCache.set(draft, shapes);
  }
  return shapes;
}

async function checkAllWriters(draft: Draft, label: string, baselineDraft?: Draft): Promise<void> {
  const parts = checkDocx(await renderDocx(draft));
  for (const target of docxLinkTargets(parts)) expect(target, label).toMatch(/^(https?:|mailto:)/);
  if (baselineDraft) {
    expect(styled(docxParagraphShapes(parts.document)), label).toEqual(await baseShapes(baselineDraft));
  }
  expect(htmlProblems(renderHtml(draft)), label).toEqual([]);
  expect(htmlProblems(renderHtml(draft, { fragment: true })), label).toEqual([]);
  // The Markdown file, read by a CommonMark renderer, gives no executable HTML either.
  expect(htmlProblems(await marked.parse(renderMarkdown(draft), { async: true })), label).toEqual([]);
}

describe("every known-bad string in every user field of every template", () => {
  for (const [name, value] of Object.entries(hostileStrings)) {
    it(name, async () => {
      for (const id of templateIds) {
        const label = `${id}: ${name}`;
        if (!hasVisibleText(forField(value, 200))) {
          // Nothing a reader could see: refused as a signer's name (invisible-values.test.ts).
          expect(() => composeWith(id, value), label).toThrow(MotioneraError);
          continue;
        }
        const composed = composeWith(id, value);
        const base = baselines.get(id)!;
        // No structure from user values: the same headings, lists, links and citations as with a plain word.
        expect(userStructure(composed.draft), label).toEqual(structure(base.draft));
        if (!userTitled.has(id)) expect(composed.draft.meta.title, label).toBe(base.draft.meta.title);
        // The value is there as literal text (a value that fits one line; whitespace collapsed).
        const visible = value
          .replace(/[\uE000-\uF8FF]/g, "")
          .replace(/\s+/g, " ")
          .trim()
          .slice(0, 60);
        if (visible && !/[\r\n]/.test(value)) expect(draftText(composed.draft), label).toContain(visible);
        await checkAllWriters(composed.draft, label, base.draft);
      }
    });
  }
});

describe("arbitrary Unicode in user fields (fast-check)", () => {
  it("composes to the template's structure and valid files", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...templateIds), hostileArbitrary(80), async (id, value) => {
        let composed: ReturnType<typeof composeWith>;
        try {
          composed = composeWith(id, value, registryWith(value, "javascript:alert(1)"));
        } catch (e) {
          // A value validation refuses (e.g. only whitespace where a value is required) is a clean refusal.
          // Several such values are refused together (request_invalid), each an input_invalid.
          if (isMotioneraError(e) && errorProblems(e).every((p) => p.details.code === "input_invalid")) return;
          throw e;
        }
        const base = unsafeUrlBaselines.get(id)!;
        expect(userStructure(composed.draft)).toEqual(structure(base.draft));
        await checkAllWriters(composed.draft, id, base.draft);
      }),
      { numRuns: 120 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// The writers alone, on Drafts with arbitrary text everywhere (meta, blocks, citations, URLs).

const textArb = hostileArbitrary(40);
const inlineArb: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 4, arbitrary: textArb.map((value) => ({ type: "text" as const, value })) },
  {
    weight: 1,
    arbitrary: textArb.map((value) => ({ type: "strong" as const, children: [{ type: "text" as const, value }] })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(
          textArb,
          fc.constantFrom("javascript:alert(1)", 'https://example.se/"><script>', "mailto:a@b.se?x=\"'<"),
        ),
        textArb,
      )
      .map(([url, value]) => ({ type: "link" as const, url, children: [{ type: "text" as const, value }] })),
  },
  { weight: 1, arbitrary: fc.constant({ type: "break" as const }) },
  { weight: 1, arbitrary: fc.constant({ type: "citation" as const, n: 1 }) },
);
const inlinesArb = fc.array(inlineArb, { maxLength: 5 });
const blockArb: fc.Arbitrary<Block> = fc.oneof(
  inlinesArb.map((children) => ({ type: "paragraph" as const, children })),
  fc
    .tuple(fc.constantFrom(1 as const, 2 as const, 3 as const), inlinesArb)
    .map(([level, children]) => ({ type: "heading" as const, level, children })),
  fc
    .tuple(fc.boolean(), fc.array(inlinesArb, { minLength: 1, maxLength: 3 }))
    .map(([ordered, items]) => ({ type: "list" as const, ordered, role: "plain" as const, items })),
  inlinesArb.map((children) => ({ type: "quote" as const, children: [{ type: "paragraph" as const, children }] })),
);
const citationArb: fc.Arbitrary<Citation> = fc
  .record({
    label: textArb,
    subjectName: textArb,
    value: textArb,
    note: textArb,
    title: textArb,
    publisher: textArb,
    url: fc.oneof(textArb, fc.constant('https://example.se/a?b=<c>&d="e"')),
  })
  .chain((r) =>
    fc.constantFrom<Citation>(
      {
        kind: "fact",
        n: 1,
        factId: "f",
        key: "k",
        label: r.label,
        subjectName: r.subjectName,
        value: r.value,
        asOf: "2024",
        note: r.note,
        source: { title: r.title, publisher: r.publisher, date: "2024-01-01", url: r.url },
      },
      {
        kind: "argument",
        n: 1,
        documentId: "d",
        ref: "d#1",
        title: r.title,
        label: r.label,
        claim: r.value,
        subjectName: r.subjectName,
        date: "2024",
        source: { title: r.title, publisher: r.publisher, date: "2024-01-01", url: r.url },
      },
    ),
  );
const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    title: textArb,
    author: textArb,
    description: textArb,
    keyword: textArb,
    blocks: fc.array(blockArb, { maxLength: 6 }),
    citation: citationArb,
  })
  .map((r) => ({
    meta: {
      ...sampleDraft.meta,
      title: r.title,
      authors: [{ name: r.author, party: r.keyword, role: r.description }],
      description: r.description,
      keywords: [r.keyword],
    },
    blocks: r.blocks,
    citations: [r.citation],
    sources: [r.citation.source],
  }));

describe("writers on arbitrary Drafts (fast-check)", () => {
  it("DOCX, HTML and Markdown stay valid and escaped", async () => {
    await fc.assert(
      fc.asyncProperty(draftArb, async (draft) => {
        await checkAllWriters(draft, "draft");
        // Every heading of the Draft is a heading in Word, and nothing else is.
        const parts = checkDocx(await renderDocx(draft));
        const headings = docxParagraphShapes(parts.document).filter((s) => s.startsWith("Heading")).length;
        expect(headings).toBe(draft.blocks.filter((b) => b.type === "heading").length + 1 /* Källor */);
      }),
      { numRuns: 150 },
    );
  });
});

describe.skipIf(!hasTool("pdftotext"))("PDF from hostile input", () => {
  const tmp = tempDir("motionera-hostile-pdf-");
  afterAll(() => tmp.cleanup());

  it("renders every template with the whole table at once, and pdftotext reads it", async () => {
    const all = Object.values(hostileStrings).join(" ");
    for (const id of templateIds) {
      const composed = composeWith(id, all.slice(0, 5000));
      const path = writeTemp(tmp.dir, `${id}.pdf`, await renderPdf(composed.draft));
      const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(path))?.[1]);
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThan(100);
      expect(pdfText(path)).toContain("alert(1)");
    }
  }, 60_000);

  it("renders arbitrary Drafts (fast-check, few runs: a PDF costs more)", async () => {
    let i = 0;
    await fc.assert(
      fc.asyncProperty(draftArb, async (draft) => {
        const path = writeTemp(tmp.dir, `arb-${i++}.pdf`, await renderPdf(draft));
        expect(pdfText(path)).toBeTypeOf("string");
        expect(Number(/Pages:\s+(\d+)/.exec(pdfInfo(path))?.[1])).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe("1 MB strings", () => {
  const mb = (seed: string) => seed.repeat(Math.ceil(1_048_576 / seed.length)).slice(0, 1_048_576);
  const big = mb(`${Object.values(hostileStrings).slice(0, 12).join(" ")} ord `);

  it("are refused with a message naming the field when typed into a template input or a signer", async () => {
    const { composeDraft } = await import("../../src/compose/compose.js");
    const { library } = await import("./pipeline.js");
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isMotioneraError(e) ? e.details : e;
      }
      return undefined;
    };
    const request = (inputs: Record<string, string>, name = "Anna Andersson") =>
      composeDraft(
        {
          template: "kast-avtal",
          municipality: "Lidingö",
          authors: [{ name, party: "L" }],
          date: "2026-11-24",
          inputs,
        },
        { templates: library, facts: registryWith(neutral), today: "2026-11-24" },
      );
    expect(refusal(() => request({ background: big }))).toMatchObject({ code: "input_invalid", field: "background" });
    expect(refusal(() => request({ committee: big }))).toMatchObject({ code: "input_invalid", field: "committee" });
    expect(refusal(() => request({}, big))).toMatchObject({ code: "input_invalid", field: "authors.0.name" });
  });

  it("in a fact's value, note and source, and in a Draft's text, still give valid files", async () => {
    const { composeDraft } = await import("../../src/compose/compose.js");
    const { library } = await import("./pipeline.js");
    const composed = composeDraft(
      {
        template: "kast-avtal",
        municipality: "Lidingö",
        authors: [{ name: "Anna Andersson", party: "L" }],
        date: "2026-11-24",
        inputs: {},
      },
      { templates: library, facts: registryWith(big), today: "2026-11-24" },
    );
    const draft: Draft = {
      ...composed.draft,
      blocks: [...composed.draft.blocks, { type: "paragraph", children: [{ type: "text", value: big }] }],
    };
    const parts = checkDocx(await renderDocx(draft));
    expect(xmlText(parts.xml.get("word/footnotes.xml")!).length).toBeGreaterThan(1_000_000);
    expect(htmlProblems(renderHtml(draft))).toEqual([]);
    expect(renderMarkdown(draft).length).toBeGreaterThan(2_000_000);
  }, 60_000);
});
