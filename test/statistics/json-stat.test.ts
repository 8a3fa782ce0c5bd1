import { describe, expect, it } from "vitest";
import { jsonStatCells, jsonStatDatasetSchema, jsonStatDimensions } from "../../src/statistics/scb/json-stat.js";

/** Region × Tid, category keys written out of order: the index decides. */
const dataset = jsonStatDatasetSchema.parse({
  version: "2.0",
  class: "dataset",
  label: "Test",
  id: ["Region", "Tid"],
  size: [2, 3],
  dimension: {
    Tid: {
      label: "år",
      category: {
        index: { "2024": 2, "2022": 0, "2023": 1 },
        label: { "2023": "2023", "2022": "2022", "2024": "2024" },
      },
    },
    Region: { label: "region", category: { index: { "1480": 1, "0180": 0 } } },
  },
  value: [1, 2, null, 4, 5, 6],
});

describe("JSON-stat 2.0", () => {
  it("places categories by their index, not the order of the keys", () => {
    expect(jsonStatDimensions(dataset).map((d) => d.codes)).toEqual([
      ["0180", "1480"],
      ["2022", "2023", "2024"],
    ]);
    const cells = jsonStatCells(dataset);
    expect(cells).toHaveLength(6);
    expect(cells[1]).toEqual({ codes: { Region: "0180", Tid: "2023" }, value: 2 });
    expect(cells[5]).toEqual({ codes: { Region: "1480", Tid: "2024" }, value: 6 });
  });

  it("keeps null as missing, never 0", () => {
    const cell = jsonStatCells(dataset).find((c) => c.codes.Region === "0180" && c.codes.Tid === "2024");
    expect(cell?.value).toBeNull();
  });

  it("reads an index given as a list, and sparse values as an object", () => {
    const ds = jsonStatDatasetSchema.parse({
      class: "dataset",
      id: ["Region"],
      size: [2],
      dimension: { Region: { category: { index: ["0180", "1480"] } } },
      value: { "1": 7 },
    });
    expect(jsonStatCells(ds).map((c) => c.value)).toEqual([null, 7]);
  });

  it("refuses a dataset whose sizes and categories disagree", () => {
    const bad = { ...dataset, size: [2, 2] };
    expect(() => jsonStatCells(bad)).toThrow(/size/);
    const short = { ...dataset, value: [1, 2, 3] };
    expect(() => jsonStatCells(short)).toThrow(/celler/);
  });
});
