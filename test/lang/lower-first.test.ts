import { describe, expect, it } from "vitest";
import { lowerFirst } from "../../src/lang/lower-first.js";
import { explainError } from "../../src/messages.sv.js";

describe("lowerFirst", () => {
  it("lowers a label's first letter inside a sentence, but keeps abbreviations", () => {
    expect(lowerFirst("Ansvarig nämnd")).toBe("ansvarig nämnd");
    expect(lowerFirst("KAST-mottagning")).toBe("KAST-mottagning");
    expect(lowerFirst("SCB")).toBe("SCB");
    expect(lowerFirst("Å")).toBe("å");
    expect(lowerFirst("")).toBe("");
  });

  it("words a missing template input with its label and how to give it", () => {
    expect(
      explainError({
        code: "input_invalid",
        field: "committee",
        problem: "måste fyllas i",
        label: "Ansvarig nämnd",
        missing: true,
      }),
    ).toBe(
      "Fyll i ansvarig nämnd (committee): mallen kräver det. Ange det med --set committee=… " +
        "(på webben: fältet i formuläret).",
    );
    expect(explainError({ code: "input_invalid", field: "count", problem: "måste vara ett tal", label: "Antal" })).toBe(
      "Ogiltigt värde för antal (count): måste vara ett tal",
    );
  });
});
