/** The form kit's one id scheme and error order, shared by the draft and campaign forms. */
import { describe, expect, it } from "vitest";
import { formIds, orderErrors } from "../../../src/server/pages/kit/form.js";
import { draftIds } from "../../../src/server/pages/draft/check.js";
import { campaignIds } from "../../../src/server/pages/campaign/check.js";

describe("form kit", () => {
  it("gives every form the same scheme: field, err- and help- ids from the form's prefix", () => {
    const ids = formIds("x");
    expect([ids.field("name.0"), ids.error("name.0"), ids.help("name.0")]).toEqual([
      "x-name-0",
      "err-x-name-0",
      "help-x-name-0",
    ]);
    expect([
      draftIds.field("kommun"),
      draftIds.error("input.committee"),
      draftIds.field("facts"),
      draftIds.error("facts"),
    ]).toEqual(["f-kommun", "err-f-input-committee", "fakta", "err-fakta"]);
    expect([campaignIds.field("kommuner"), campaignIds.error("where"), campaignIds.help("formats")]).toEqual([
      "k-kommuner",
      "err-k-where",
      "help-k-formats",
    ]);
  });

  it("orders errors as the form's fields, unknown keys last, and labels them", () => {
    const errors = new Map([
      ["form", { text: "F" }],
      ["date", { text: "D" }],
      ["kommun", { text: "K", label: "Egen" }],
    ]);
    const ordered = orderErrors(errors, ["kommun", "date"], (k) => (k === "date" ? "Datum" : undefined));
    expect([...ordered].map(([k, e]) => [k, e.label])).toEqual([
      ["kommun", "Egen"],
      ["date", "Datum"],
      ["form", undefined],
    ]);
  });
});
