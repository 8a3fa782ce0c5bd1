import { describe, expect, it } from "vitest";
import { formatDateInText, timePhrase, yearPhrase } from "../../src/lang/dates.js";
import { formatCountInText } from "../../src/lang/numbers.js";
import { formatFactValue } from "../../src/facts/format-value.js";
import { factDefinition } from "../../src/facts/catalog.js";

describe("when a value holds, as a sentence says it", () => {
  it("by precision, and a range of years stays a range", () => {
    expect(timePhrase("2018")).toBe("år 2018");
    expect(timePhrase("2022-02")).toBe("i februari 2022");
    expect(timePhrase("2023-02-21", undefined, true)).toBe("Den 21 februari 2023");
    expect(timePhrase("2019", "2017", true)).toBe("Åren 2017–2019");
    expect(yearPhrase("2019", "2017")).toBe("2017–2019");
    expect(yearPhrase("2019", "2019")).toBe("2019");
  });

  it("a full date in running text takes 'den'", () => {
    expect(formatDateInText("2016-06-15")).toBe("den 15 juni 2016");
    expect(formatDateInText("2021")).toBe("2021");
  });
});

describe("counts in running text", () => {
  it("one to twelve in words, larger as figures", () => {
    expect(formatCountInText(2)).toBe("två");
    expect(formatCountInText(1, true)).toBe("ett");
    expect(formatCountInText(12)).toBe("tolv");
    expect(formatCountInText(13)).toBe("13");
    expect(formatCountInText(2000)).toBe("2\u00a0000");
  });

  it("with the catalog's words, so suspects stay suspects", () => {
    const v = { type: "number" as const, value: 24 };
    expect(formatFactValue(v, factDefinition("joint_operation_suspected_buyers"), "text")).toBe(
      "24 misstänkta sexköpare",
    );
    expect(formatFactValue({ type: "number", value: 7 }, factDefinition("kast_municipality_count"), "text")).toBe(
      "sju kommuner",
    );
    expect(formatFactValue({ type: "number", value: 1 }, factDefinition("outreach_shifts_with_police"), "text")).toBe(
      "ett uppsökande pass",
    );
    // In a note the figure stays a figure.
    expect(formatFactValue(v, factDefinition("joint_operation_suspected_buyers"))).toBe("24");
  });
});
