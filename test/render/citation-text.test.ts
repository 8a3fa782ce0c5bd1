import { describe, expect, it } from "vitest";
import { citationNote, citationOf, noteLine, sourceEntry, webUrl, linkUrl } from "../../src/render/citation-text.js";
import { labels, pageOf } from "../../src/render/labels.sv.js";
import { sampleCitations, sampleDraft } from "../fixtures/sample-draft.js";

describe("citation phrasing", () => {
  it("states subject, label, value, as-of date and the source", () => {
    const note = citationNote(sampleCitations[0]!);
    expect(note.text).toBe(
      "Lidingö: Avtal med Mikamottagningen och KAST: nej (uppgift per 21 februari 2023). " +
        "Källa: Kartläggning av kommunernas avtal om stöd – uppföljning 2023, Länsstyrelsen i Exempellän, 21 februari 2023.",
    );
    expect(note.url).toBe("https://example.se/rapporter/kartlaggning-2023?format=pdf&sida=4");
    expect(noteLine(note)).toBe(`${note.text} ${note.url}`);
  });

  it("keeps a qualifier and a month-precise date", () => {
    expect(citationNote(sampleCitations[1]!).text).toContain("16 (ungefärligt antal; uppgift per februari 2022).");
  });

  it("says when neither the figure nor the source is dated", () => {
    const note = citationNote(sampleCitations[2]!);
    expect(note.text).toContain(`1 200 € (${labels.undatedFact}).`);
    expect(note.text).toMatch(/Exempelförbundet, odaterad\.$/);
    expect(note.url).toBeUndefined();
  });

  it("phrases a source-list entry", () => {
    expect(sourceEntry(sampleCitations[1]!.source).text).toBe("Stöd & behandling i länet, Region Exempel, februari 2022.");
  });

  it("finds a citation by number and refuses a dangling one", () => {
    expect(citationOf(sampleDraft, 2).key).toBe("kast_agreement_count");
    expect(() => citationOf(sampleDraft, 9)).toThrow(/9/);
  });

  it("makes only http(s) addresses into links (and mailto in running text)", () => {
    expect(webUrl("https://example.se/a b")).toBe("https://example.se/a%20b");
    expect(webUrl("javascript:alert(1)")).toBeUndefined();
    expect(webUrl("mailto:a@example.se")).toBeUndefined();
    expect(linkUrl("mailto:a@example.se")).toBe("mailto:a@example.se");
    expect(linkUrl("javascript:alert(1)")).toBeUndefined();
    expect(linkUrl("not a url")).toBeUndefined();
  });

  it("numbers pages the Swedish way", () => {
    expect(pageOf(1, 3)).toBe("1 (3)");
  });
});
