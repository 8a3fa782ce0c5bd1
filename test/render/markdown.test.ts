import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { inlineText, type Draft } from "../../src/domain/draft.js";
import { escapeMarkdown, renderMarkdown } from "../../src/render/markdown.js";
import { sampleDraft, sampleProposals, sampleTitle } from "../fixtures/sample-draft.js";

/** The text a CommonMark parser reads from Markdown (tags stripped, entities decoded). */
function parsedText(md: string): string {
  const html = marked.parse(md, { async: false, gfm: false });
  return html
    .replace(/<br\s*\/?>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("renderMarkdown", () => {
  const md = renderMarkdown(sampleDraft);

  it("writes headings, lists, quote, rule and hard breaks", () => {
    expect(md.startsWith(`# ${sampleTitle}\n\nMotion till kommunfullmäktige`)).toBe(true);
    expect(md).toContain("\n## Bakgrund\n");
    expect(md).toContain(`\n- ${sampleProposals[0]}\n- ${sampleProposals[1]}\n`);
    expect(md).toContain("\n1. Hur många personer");
    expect(md).toContain("\n> “Det var första gången");
    expect(md).toContain("\n---\n");
    expect(md).toContain("Lidingö den 24 november 2026\\\n\\\nAnna Exempel (L)\\\n");
    expect(md).toContain("**inget avtal**");
    expect(md).toContain("*beprövade former*");
    expect(md).toContain("[mottagningens webbplats](https://example.se/kast)");
  });

  it("writes pandoc footnotes with definitions at the end", () => {
    expect(md).toContain("mottagningarna[^1], vilket");
    const defs = md.slice(md.indexOf("[^1]: "));
    expect(defs).toMatch(
      new RegExp(
        [
          String.raw`^\[\^1\]: Länsstyrelsen i Exempellän, ”Kartläggning av kommunernas avtal om stöd`,
          String.raw` – uppföljning 2023”, 21 februari 2023\.`,
        ].join(""),
      ),
    );
    expect(defs).toContain("<https://example.se/rapporter/kartlaggning-2023?format=pdf&sida=4>");
    for (const n of [1, 2, 3, 4]) expect(md.match(new RegExp(`^\\[\\^${n}\\]: `, "gm"))).toHaveLength(1);
    expect(md.indexOf("## Källor")).toBeLessThan(md.indexOf("[^1]: "));
  });

  it("escapes what Markdown would read as markup", () => {
    expect(md).toContain("Socialnämnden & kommunstyrelsen");
    expect(md).toContain("är < 1 promille");
    expect(md).toContain("Kostnader för stödinsatser \\<utkast>");
    expect(escapeMarkdown("a *b* _c_ [d](e) `f` \\ <g> &amp; ~h~", false)).toBe(
      "a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\\\ \\<g> \\&amp; \\~h\\~",
    );
    expect(escapeMarkdown("# inte rubrik", true)).toBe("\\# inte rubrik");
    expect(escapeMarkdown("1. inte lista", true)).toBe("1\\. inte lista");
    expect(escapeMarkdown("- inte lista", true)).toBe("\\- inte lista");
    expect(escapeMarkdown("> inte citat", true)).toBe("\\> inte citat");
    expect(escapeMarkdown("2024-01-01 - mitt i", false)).toBe("2024-01-01 - mitt i");
  });

  it("re-parses to the same text", () => {
    const tricky = [
      "Stjärnor *inte* kursiv, _understreck_ och **inte fet**",
      "[^9] är ingen fotnot, [länk](https://example.se) är ingen länk",
      "<b>ingen tagg</b> &amp; ingen entitet &#65; heller",
      "`ingen kod` och \\ ett omvänt snedstreck",
      "# ingen rubrik",
      "1. ingen lista",
      "- ingen punkt",
      "> inget citat",
      "===",
    ];
    const draft: Draft = {
      ...sampleDraft,
      citations: [],
      sources: [],
      blocks: tricky.map((value) => ({ type: "paragraph", children: [{ type: "text", value }] })),
    };
    const out = renderMarkdown(draft);
    const paragraphs = out.trimEnd().split("\n\n");
    expect(paragraphs).toHaveLength(tricky.length);
    paragraphs.forEach((p, i) => {
      expect(parsedText(p)).toBe(tricky[i]);
    });
  });

  it("re-parses the sample's paragraphs to their text", () => {
    const paragraphs = sampleDraft.blocks.filter((b) => b.type === "paragraph");
    for (const p of paragraphs.slice(0, 6)) {
      const expected = inlineText(p.children).replace(/\s+/g, " ").trim();
      const md = renderMarkdown({ ...sampleDraft, blocks: [p] }).split("\n\n## ")[0]!;
      expect(parsedText(md.replace(/\[\^\d+\]/g, ""))).toBe(expected);
    }
  });

  it("leaves unsafe link targets as text", () => {
    const out = renderMarkdown({
      ...sampleDraft,
      citations: [],
      sources: [],
      blocks: [
        {
          type: "paragraph",
          children: [{ type: "link", url: "javascript:alert(1)", children: [{ type: "text", value: "klicka" }] }],
        },
      ],
    });
    expect(out).toBe("klicka\n");
  });
});
