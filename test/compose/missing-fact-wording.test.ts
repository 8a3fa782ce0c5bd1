/** A placeholder for a missing fact says how to add it in the words of the edge that composes the draft. */
import { describe, expect, it } from "vitest";
import { missingFactText } from "../../src/compose/missing-fact.js";
import type { FactWording } from "../../src/messages.sv.js";
import { Workspace } from "../../src/workspace.js";
import { tempWorkspace } from "../helpers/cli.js";

const web: FactWording = {
  kind: "web",
  href: ({ subject, key }) => `/personal/uppgifter/ny?kommun=${subject}&nyckel=${key}`,
};

describe("missingFactText", () => {
  it("names the fetch command on the command line and the add-fact form on the web", () => {
    expect(missingFactText("kolada_n15419", "Pajala")).toContain(
      "hämta med: motionera facts fetch kolada --kpi N15419 --kommun Pajala",
    );
    const text = missingFactText("kolada_n15419", "Pajala", web);
    expect(text).toContain(
      "saknas i faktaregistret; lägg till den i formuläret Lägg till uppgift: " +
        "/personal/uppgifter/ny?kommun=Pajala&nyckel=kolada_n15419",
    );
    expect(text).not.toContain("motionera");
  });

  it("reaches the draft's placeholders through Workspace.compose", async () => {
    const ws = await Workspace.open({ db: tempWorkspace().db });
    const request = {
      template: "skolresultat",
      municipality: "Pajala",
      authors: [{ name: "Anna Andersson" }],
      date: "2026-11-24",
      inputs: { committee: "barn- och utbildningsnämnden" },
    };
    const cli = await ws.compose(request);
    const onWeb = await ws.compose(request, { wording: web });
    const missing = (xs: readonly string[]) => xs.filter((x) => x.includes("saknas i faktaregistret"));
    expect(missing(cli.review.placeholders).length).toBeGreaterThan(0);
    expect(missing(cli.review.placeholders).every((x) => x.includes("motionera facts fetch kolada"))).toBe(true);
    expect(missing(onWeb.review.placeholders)).toHaveLength(missing(cli.review.placeholders).length);
    expect(missing(onWeb.review.placeholders).every((x) => x.includes("/personal/uppgifter/ny?kommun="))).toBe(true);
  });
});
