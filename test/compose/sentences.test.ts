import { describe, expect, it } from "vitest";
import type { Inline } from "../../src/domain/draft.js";
import { placeNotes, splitSentences } from "../../src/compose/sentences.js";

const t = (value: string): Inline => ({ type: "text", value });
const c = (n: number): Inline => ({ type: "citation", n });

/** "text^1 text" for reading results at a glance. */
function show(xs: readonly Inline[]): string {
  return xs.map((x) => (x.type === "text" ? x.value : x.type === "citation" ? `^${x.n}` : `<${x.type}>`)).join("");
}

describe("note marks after the sentence they support", () => {
  it("moves a mark from inside a phrase to after the full stop", () => {
    expect(show(placeNotes([t("Sedan 2021 kan"), c(3), t(" varje kommun i länet teckna avtal. Nästa mening.")]))).toBe(
      "Sedan 2021 kan varje kommun i länet teckna avtal.^3 Nästa mening.",
    );
    expect(show(placeNotes([t("bara 16 av"), c(4), t(" länets kommuner har det.")]))).toBe(
      "bara 16 av länets kommuner har det.^4",
    );
  });

  it("keeps a mark that already stands after the full stop, and joins two marks of one sentence", () => {
    expect(
      show(placeNotes([t("En mening."), c(1), t(" Och en till"), c(2), t(", med två"), c(3), t(" källor.")])),
    ).toBe("En mening.^1 Och en till, med två källor.^2^3");
  });

  it("does not end a sentence at an abbreviation or a section reference", () => {
    expect(show(placeNotes([t("Enligt 5 kap. 35 § kommunallagen"), c(1), t(" bör motionen beredas. Sedan.")]))).toBe(
      "Enligt 5 kap. 35 § kommunallagen bör motionen beredas.^1 Sedan.",
    );
    expect(show(placeNotes([t("Flera, t.ex. Göteborg"), c(1), t(", har det.")]))).toBe(
      "Flera, t.ex. Göteborg, har det.^1",
    );
  });

  it("puts a mark at the end of an item without a full stop (an att-sats)", () => {
    expect(show(placeNotes([t("att ge "), c(1), t("nämnden i uppdrag")]))).toBe("att ge nämnden i uppdrag^1");
  });

  it("splits sentences and knows which notes each carries", () => {
    const s = splitSentences([t("Första"), c(1), t(". Andra meningen! Tredje?"), c(2)]);
    expect(s.map((x) => [show(x.inlines).trim(), x.citations])).toEqual([
      ["Första.", [1]],
      ["Andra meningen!", []],
      ["Tredje?", [2]],
    ]);
  });
});
