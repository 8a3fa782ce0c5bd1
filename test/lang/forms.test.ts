import { describe, expect, it } from "vitest";
import { formatAge, formatDate, todayInSweden } from "../../src/lang/dates.js";
import { formatList } from "../../src/lang/lists.js";
import { formatNumber, formatPercent, formatPlainNumber, parseSwedishNumber } from "../../src/lang/numbers.js";

const nbsp = "\u00a0";

describe("Swedish dates", () => {
  it.each([
    ["2026-11-24", "24 november 2026"],
    ["2023-02-01", "1 februari 2023"],
    ["2022-02", "februari 2022"],
    ["2019-03-09", "9 mars 2019"],
    ["2021", "2021"],
    ["2020-12-31", "31 december 2020"],
  ])("%s → %s", (iso, sv) => expect(formatDate(iso)).toBe(sv));

  it("dates documents in Swedish local time", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(todayInSweden(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });

  it("knows summer time as ICU's Europe/Stockholm does, hour by hour across every change 1996–2040", () => {
    const icu = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    let checked = 0;
    for (let year = 1996; year <= 2040; year++) {
      // The days around both changes, each quarter hour, and the evenings where the date turns.
      for (const month of [2, 9]) {
        for (let t = Date.UTC(year, month, 23); t < Date.UTC(year, month + 1, 2); t += 15 * 60_000) {
          const at = new Date(t);
          expect(todayInSweden(at), at.toISOString()).toBe(icu.format(at));
          checked++;
        }
      }
      for (let hour = 21; hour <= 23; hour++) {
        const at = new Date(Date.UTC(year, 6, 15, hour, 30));
        expect(todayInSweden(at), at.toISOString()).toBe(icu.format(at));
      }
    }
    expect(checked).toBeGreaterThan(45 * 2 * 9 * 96);
  });

  it.each([
    ["2023-02-21", "2026-11-24", "3 år och 9 månader"],
    ["2025-11-24", "2026-11-24", "1 år"],
    ["2026-06-01", "2026-11-24", "5 månader"],
    ["2026-11-20", "2026-11-24", "under en månad"],
    ["2025-10-24", "2026-11-24", "1 år och 1 månad"],
  ])("age from %s to %s is %s", (a, b, age) =>
    expect(formatAge(new Date(`${a}T00:00:00Z`), new Date(`${b}T00:00:00Z`))).toBe(age),
  );
});

describe("Swedish numbers", () => {
  it.each([
    [12345, `12${nbsp}345`],
    [1500, `1${nbsp}500`],
    [999, "999"],
    [7.5, "7,5"],
    [1234567.25, `1${nbsp}234${nbsp}567,25`],
    [-3, "–3"],
    [0, "0"],
  ])("%d → %s", (n, s) => expect(formatNumber(n)).toBe(s));

  it("writes percentages and years the Swedish way", () => {
    expect(formatPercent(7.5)).toBe(`7,5${nbsp}procent`);
    expect(formatPercent(35)).toBe(`35${nbsp}procent`);
    expect(formatPlainNumber(2021)).toBe("2021");
  });

  it.each([
    ["12 345", 12345],
    ["7,5", 7.5],
    ["7.5", 7.5],
    [" -3 ", -3],
    [`1${nbsp}500`, 1500],
    ["12 345,5", 12345.5],
    ["tolv", undefined],
    ["1,2,3", undefined],
    ["", undefined],
  ])("parses %j as %s", (s, n) => expect(parseSwedishNumber(s)).toBe(n));
});

describe("Swedish lists", () => {
  it.each([
    [[], ""],
    [["Trollhättan"], "Trollhättan"],
    [["Trollhättan", "Åmål"], "Trollhättan och Åmål"],
    [["Jönköping", "Göteborg", "Malmö"], "Jönköping, Göteborg och Malmö"],
  ])("%j → %s", (xs, s) => expect(formatList(xs)).toBe(s));

  it("takes another conjunction", () => expect(formatList(["ja", "nej"], "eller")).toBe("ja eller nej"));
});
