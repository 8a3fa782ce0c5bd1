import { describe, expect, it } from "vitest";
import { checkFactEntry } from "../../src/facts/record-fact.js";
import { parseYesNo } from "../../src/lang/yes-no.js";

const source = { title: "Protokoll", publisher: "Lidingö stad", date: "2023-11-13" };

describe("checkFactEntry: every problem with a fact entry at once", () => {
  it("names an unknown subject, a bad value and bad dates together, each at its field", () => {
    const { problems, checked } = checkFactEntry({
      subject: "Lidngö",
      key: "mika_kast_agreement",
      value: "kanske",
      asOf: "2023-13",
      since: "x",
      source,
    });
    expect(checked).toBeUndefined();
    expect(problems.map((p) => [p.path.join("."), p.details.code])).toEqual([
      ["subject", "unknown_municipality"],
      ["value", "fact_invalid"],
      ["asOf", "fact_invalid"],
      ["since", "fact_invalid"],
    ]);
  });

  it("names an unknown key with its suggestions beside a bad date", () => {
    const { problems } = checkFactEntry({
      subject: "Lidingö",
      key: "mika_kast_agrement",
      value: "ja",
      asOf: "igår",
      source,
    });
    expect(problems.map((p) => p.details.code)).toEqual(["unknown_fact_key", "fact_invalid"]);
    const key = problems[0]!.details;
    expect(key.code === "unknown_fact_key" && key.suggestions).toContain("mika_kast_agreement");
  });

  it("reads yes and no with the one word list the template inputs use", () => {
    for (const [word, value] of [
      ["j", true],
      ["Ja", true],
      ["n", false],
      ["falskt", false],
    ] as const) {
      expect(parseYesNo(word)).toBe(value);
      const { checked } = checkFactEntry({
        subject: "Lidingö",
        key: "mika_kast_agreement",
        value: word,
        asOf: "2023-11-13",
        source,
      });
      expect(checked?.value).toEqual({ type: "boolean", value });
    }
    expect(parseYesNo("on")).toBeUndefined();
  });
});
