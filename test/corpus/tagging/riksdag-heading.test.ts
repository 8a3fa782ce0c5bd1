/** The auto-tagger on the plain text of Riksdag documents: the heading gives kind, level, party, date and addressee. */
import { describe, expect, it } from "vitest";
import { tagText } from "../../../src/corpus/tagging/index.js";
import { readRiksdagHeading } from "../../../src/corpus/tagging/riksdag-heading.js";

const interpellation = [
  "Interpellation 2007/08:39 Kollektivtrafik på påhittade landsbygden",
  "",
  "av Anna Exempelsson (s)",
  "",
  "till statsrådet Bertil Påhittad (m)",
  "",
  "den 5 oktober",
  "",
  "Bussarna på den påhittade landsbygden går allt mer sällan. Den som saknar bil blir utan resa.",
  "",
  "Mot bakgrund av detta vill jag fråga statsrådet:",
  "",
  "1. Vilka åtgärder avser statsrådet att vidta?",
].join("\n");

describe("tagText on a Riksdag document's plain text", () => {
  it("reads kind, level, designation, the signer's party, the addressee and the date from the heading", () => {
    const t = tagText(interpellation);
    expect(t.kind.value).toBe("interpellation");
    expect(t.level.value).toBe("riksdag");
    expect(t.municipality.value).toBeNull();
    expect(t.designation.value).toBe("2007/08:39");
    expect(t.authors.value).toEqual([{ name: "Anna Exempelsson", party: "S" }]);
    expect(t.parties.value).toEqual(["S"]);
    expect(t.addressee.value).toBe("statsrådet Bertil Påhittad (M)");
    // An autumn day belongs to the riksmöte's first year.
    expect(t.date.value).toBe("2007-10-05");
    expect(t.title.value).toBe("Kollektivtrafik på påhittade landsbygden");
    expect(t.kind.evidence).toContain("Interpellation 2007/08:39");
    expect(t.questions.value).toEqual(["Vilka åtgärder avser statsrådet att vidta?"]);
  });

  it("a text without such a heading is tagged as before", () => {
    const t = tagText("Motion till kommunfullmäktige i Karlstad\n\nFler cykelbanor\n\nEva Exempelsson (S)");
    expect(t.designation.value).toBeNull();
    expect(t.level.value).toBe("kommun");
  });
});

describe("readRiksdagHeading", () => {
  it("the heading on one line, as Swerik's TEI writes it", () => {
    const h = readRiksdagHeading([
      "Interpellation 2007/08:39 Kollektivtrafik på landsbygden av Anna Exempelsson (s) till justitieminister " +
        "Bertil Påhittad (m)",
      "den 5 oktober",
    ]);
    expect(h).toMatchObject({
      kind: "interpellation",
      designation: "2007/08:39",
      title: "Kollektivtrafik på landsbygden",
      authors: [{ name: "Anna Exempelsson", party: "S" }],
      addressee: "justitieminister Bertil Påhittad (M)",
      date: "2007-10-05",
    });
  });

  it("a written question in spring: the riksmöte's second year; historic fp is today's L", () => {
    const h = readRiksdagHeading([
      "Skriftlig fråga 2003/04:812 Påhittade hamnar",
      "av Olle Provsson (fp)",
      "den 3 mars",
    ]);
    expect(h).toMatchObject({ kind: "fråga", date: "2004-03-03", authors: [{ name: "Olle Provsson", party: "L" }] });
  });

  it("an answer, a motion with several signers of one party", () => {
    expect(readRiksdagHeading(["Svar på skriftlig fråga 2003/04:812 Påhittade hamnar"])?.kind).toBe("svar");
    const m = readRiksdagHeading(["Motion 2014/15:U211 Bistånd", "av Anna Ett och Bo Två (båda kd)"]);
    expect(m).toMatchObject({
      kind: "motion",
      designation: "2014/15:U211",
      authors: [
        { name: "Anna Ett", party: "KD" },
        { name: "Bo Två", party: "KD" },
      ],
    });
  });

  it("a date with its year, and a day that does not exist", () => {
    expect(readRiksdagHeading(["Interpellation 2007/08:1 X", "den 12 januari 2008"])?.date).toBe("2008-01-12");
    expect(readRiksdagHeading(["Interpellation 2007/08:1 X", "den 31 februari"])?.date).toBeUndefined();
  });

  it("no heading: undefined; a designation further down the text is not a heading", () => {
    expect(readRiksdagHeading(["Kollektivtrafiken", "Vi vill ha fler bussar."])).toBeUndefined();
    expect(readRiksdagHeading(["a", "b", "c", "d", "Interpellation 2007/08:39 X"])).toBeUndefined();
  });
});
