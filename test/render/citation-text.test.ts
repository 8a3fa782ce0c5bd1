import { describe, expect, it } from "vitest";
import { citationNote, citationOf, noteLine, sourceEntry, webUrl, linkUrl } from "../../src/render/citation-text.js";
import { pageOf } from "../../src/render/messages.sv.js";
import { sampleCitations, sampleDraft } from "../fixtures/sample-draft.js";

describe("citation phrasing", () => {
  it("reads as a note in a Swedish report: publisher, title, date, URL; no database row", () => {
    const note = citationNote(sampleCitations[0]!);
    expect(note.text).toBe(
      "Länsstyrelsen i Exempellän, ”Kartläggning av kommunernas avtal om stöd – uppföljning 2023”, 21 februari 2023.",
    );
    expect(note.text).not.toMatch(/Lidingö:|Avtal med|: nej|uppgift per/);
    expect(note.url).toBe("https://example.se/rapporter/kartlaggning-2023?format=pdf&sida=4");
    expect(noteLine(note)).toBe(`${note.text} ${note.url}`);
  });

  it("says when the value holds only where it differs from the source's date, and keeps a qualifier", () => {
    expect(citationNote(sampleCitations[1]!).text).toBe(
      "Region Exempel, ”Stöd & behandling i länet”, februari 2022. Ungefärligt antal.",
    );
    expect(citationNote(sampleCitations[3]!).text).toBe(
      "Länsstyrelsen i Exempellän, ”Kartläggning av kommunernas avtal om stöd – uppföljning 2023”, 21 februari 2023.",
    );
    expect(citationNote({ ...sampleCitations[3]!, asOf: "2022" }).text).toMatch(
      /21 februari 2023\. Uppgiften gäller 2022\.$/,
    );
    expect(citationNote({ ...sampleCitations[3]!, asOf: "2019", since: "2017" }).text).toContain(
      "Uppgiften gäller 2017–2019.",
    );
  });

  it("says when the source is undated", () => {
    const note = citationNote(sampleCitations[2]!);
    expect(note.text).toMatch(/Exempelförbundet, .*odaterad\.$/);
    expect(note.url).toBeUndefined();
  });

  it("says when a party published the source, unless the publisher already names the party", () => {
    const base = { title: "Inlägg", date: "2023-11-13" as const };
    expect(sourceEntry({ ...base, publisher: "Socialdemokraterna Lidingö", parties: ["S"] }).text).toBe(
      "Socialdemokraterna Lidingö, ”Inlägg”, 13 november 2023.",
    );
    expect(sourceEntry({ ...base, publisher: "Folkbladet (debattartikel av Eva Ek, S)", parties: ["S"] }).text).toMatch(
      /^Folkbladet \(debattartikel av Eva Ek, S\), ”Inlägg”/,
    );
    expect(sourceEntry({ ...base, publisher: "Lokaltidningen", parties: ["M", "KD"] }).text).toBe(
      "Lokaltidningen (utgiven av Moderaterna och Kristdemokraterna), ”Inlägg”, 13 november 2023.",
    );
  });

  it("phrases a source-list entry", () => {
    expect(sourceEntry(sampleCitations[1]!.source).text).toBe(
      "Region Exempel, ”Stöd & behandling i länet”, februari 2022.",
    );
  });

  it("finds a citation by number and refuses a dangling one", () => {
    expect(citationOf(sampleDraft, 2)).toMatchObject({ kind: "fact", key: "kast_agreement_count" });
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
