import { describe, expect, it } from "vitest";
import type { Draft } from "../../src/domain/draft.js";
import { escapeHtml, renderHtml } from "../../src/render/html.js";
import { sampleDraft, sampleProposals, sampleQuestions, sampleTitle } from "../fixtures/sample-draft.js";

describe("renderHtml", () => {
  const html = renderHtml(sampleDraft);

  it("is a whole Swedish page with title and metadata", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
    expect(html).toContain(`<title>${sampleTitle}</title>`);
    expect(html).toContain('<meta name="author" content="Anna Exempel, Bo Åström">');
    expect(html).toContain("<style>");
    expect(html).toContain(`<h1>${sampleTitle}</h1>`);
  });

  it("gives only the article as a fragment", () => {
    const frag = renderHtml(sampleDraft, { fragment: true });
    expect(frag.startsWith('<article class="draft draft-motion" lang="sv">')).toBe(true);
    expect(frag.trimEnd().endsWith("</article>")).toBe(true);
    expect(frag).not.toContain("<html");
  });

  it("escapes & < > and quotes", () => {
    expect(escapeHtml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
    expect(html).toContain("Socialnämnden &amp; kommunstyrelsen");
    expect(html).toContain("är &lt; 1 promille");
    expect(html).toContain("Kostnader för stödinsatser &lt;utkast&gt;");
    expect(html).toContain("“Det var första gången");
    expect(html).not.toContain("<utkast>");
  });

  it("links citations to the notes and notes back to the text", () => {
    expect(html).toContain('mottagningarna<sup><a href="#not-1" id="ref-1" aria-label="Not 1">1</a></sup>, vilket');
    expect(html).toMatch(
      new RegExp(
        [
          `<li id="not-1" value="1">Länsstyrelsen i Exempellän, ”Kartläggning av kommunerna`,
          String.raw`s avtal om stöd – uppföljning 2023”, 21 februari 2023\.`,
        ].join(""),
      ),
    );
    expect(html).toContain('<a href="https://example.se/rapporter/kartlaggning-2023?format=pdf&amp;sida=4">');
    expect(html).toContain('<a class="back" href="#ref-1"');
    expect(html).toMatch(/<h2 id="noter">Noter<\/h2>/);
    expect(html).toMatch(/<h2 id="kallor">Källor<\/h2>/);
    const sources = html.slice(html.indexOf('id="kallor"'));
    expect(sources.match(/<li>/g)).toHaveLength(3);
  });

  it("classes the att-satser and the questions", () => {
    expect(html).toContain(`<ul class="proposals">\n<li>${sampleProposals[0]}</li>`);
    expect(html).toContain(`<ol class="questions">\n<li>${sampleQuestions[0]}</li>`);
    expect(html).toContain("<ol>\n<li>beslut i fullmäktige</li>");
    expect(html).toContain("<blockquote>\n<p>“Det var");
    expect(html).toContain("Lidingö den 24 november 2026<br><br>Anna Exempel (L)<br>");
  });

  it("makes only safe addresses into links and escapes hostile text", () => {
    const hostile: Draft = {
      ...sampleDraft,
      meta: { ...sampleDraft.meta, title: "</title><script>alert(1)</script>" },
      blocks: [
        {
          type: "paragraph",
          children: [
            { type: "link", url: "javascript:alert(1)", children: [{ type: "text", value: "klicka" }] },
            { type: "text", value: ' <img src=x onerror="alert(1)">' },
            { type: "link", url: 'https://example.se/"><script>', children: [{ type: "text", value: "ok" }] },
            { type: "citation", n: 1 },
          ],
        },
      ],
      citations: [
        { ...sampleDraft.citations[0]!, source: { ...sampleDraft.citations[0]!.source, url: "javascript:alert(1)" } },
      ],
      sources: [{ ...sampleDraft.citations[0]!.source, url: "javascript:alert(1)" }],
    };
    const out = renderHtml(hostile);
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain("klicka &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(out).toContain('<a href="https://example.se/%22%3E%3Cscript%3E">ok</a>');
    expect(out).toContain("javascript:alert(1)</li>");
  });
});
