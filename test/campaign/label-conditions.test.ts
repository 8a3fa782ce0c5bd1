/** Conditions written with the facts' Swedish labels, and "Menade du …" among labels (not internal keys). */
import { describe, expect, it } from "vitest";
import { keyOfLabel, parseCondition, suggestLabels } from "../../src/campaign/conditions.js";
import { isMotioneraError, type MotioneraError } from "../../src/domain/errors.js";
import { explainError } from "../../src/messages.sv.js";

const refusal = (text: string): MotioneraError => {
  try {
    parseCondition(text);
  } catch (e) {
    if (isMotioneraError(e)) return e;
    throw e;
  }
  throw new Error(`"${text}" was accepted`);
};

describe("conditions by label", () => {
  it("reads a label in any case in place of the key, with every operator", () => {
    expect(parseCondition("Handlingsplan för stöd till personer som säljer sex = nej")).toMatchObject({
      key: "action_plan_sells_sex",
      op: "=",
      value: { type: "boolean", value: false },
    });
    expect(parseCondition("folkmängd (invånare 31 december) >= 50 000")).toMatchObject({
      key: "population",
      op: ">=",
      value: { type: "number", value: 50000 },
    });
    expect(parseCondition("Avtal med Mikamottagningen och KAST i Stockholm saknas")).toMatchObject({
      key: "mika_kast_agreement",
      op: "missing",
    });
    expect(parseCondition("Avtal med Mikamottagningen och KAST i Stockholm finns")).toMatchObject({ op: "exists" });
    expect(keyOfLabel("HAR EN KAST-MOTTAGNING")).toBe("runs_kast");
  });

  it("still reads keys as before", () => {
    expect(parseCondition("mika_kast_agreement!=ja")).toMatchObject({ key: "mika_kast_agreement", op: "!=" });
  });

  it("refuses 'handlingsplan=nej' with labels to choose among, the one that can be nej first, no internal key", () => {
    const e = refusal("handlingsplan=nej");
    expect(e.details.code).toBe("campaign_condition_invalid");
    const text = explainError(e.details);
    expect(text).toContain('det finns ingen uppgift som heter "handlingsplan"');
    expect(text).toContain('menade du "Handlingsplan för stöd till personer som säljer sex"');
    expect(suggestLabels("handlingsplan", "nej")[0]).toBe("Handlingsplan för stöd till personer som säljer sex");
    expect(text).not.toMatch(/menade du[^?]*_/);
  });

  it("suggests the nearest labels for a misspelt one", () => {
    expect(suggestLabels("Folkmängt")).toContain("Folkmängd (invånare 31 december)");
  });

  it("keeps suggesting keys for a misspelt internal key", () => {
    const e = refusal("mika_kast_agrement=nej");
    expect(e.details).toMatchObject({ code: "unknown_fact_key", key: "mika_kast_agrement" });
  });

  it("names the label when a yes/no fact is compared with <", () => {
    const text = explainError(refusal("Har en KAST-mottagning > 3").details);
    expect(text).toContain("Har en KAST-mottagning är ja eller nej");
  });
});
