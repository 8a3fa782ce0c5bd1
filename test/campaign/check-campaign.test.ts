/** The campaign request checked as a whole: every problem at once, each at its path. */
import { describe, expect, it } from "vitest";
import { checkCampaignRequest, planCampaign } from "../../src/campaign/plan.js";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import { FactRegistry } from "../../src/facts/registry.js";
import { defaultTemplatesDir } from "../../src/project-paths.js";

const templates = TemplateLibrary.load(defaultTemplatesDir);
const author = [{ name: "Anna Andersson", party: "L" }];

describe("checkCampaignRequest", () => {
  it("returns an unknown county, municipality, condition, fact key and input together", () => {
    const { problems, settings } = checkCampaignRequest(
      {
        template: "kast-avtal",
        counties: ["Stockholms lan", "Narnia län"],
        municipalities: ["Lidingö", "Lidngö"],
        where: ["population>>5", "no_such_key=ja"],
        require: ["populatoin"],
        authors: author,
        inputs: { comittee: "x" },
      },
      { templates },
    );
    expect(settings).toBeUndefined();
    expect(problems.map((p) => [p.path.join("."), p.details.code])).toEqual([
      ["inputs.comittee", "unknown_input"],
      ["counties.1", "unknown_county"],
      ["municipalities.1", "unknown_municipality"],
      ["where.0", "campaign_condition_invalid"],
      ["where.1", "unknown_fact_key"],
      ["require.0", "unknown_fact_key"],
    ]);
    const municipality = problems.find((p) => p.path.join(".") === "municipalities.1")!.details;
    expect(municipality.code === "unknown_municipality" && municipality.suggestions).toContain("Lidingö");
  });

  it("puts schema problems (no signer, no format, a bad date) beside an unknown template", () => {
    const { problems } = checkCampaignRequest(
      { template: "kast-avtl", authors: [], formats: [], date: "24/11" },
      { templates },
    );
    expect(problems.map((p) => [p.path.join("."), p.details.code])).toEqual([
      ["authors", "input_invalid"],
      ["date", "input_invalid"],
      ["formats", "input_invalid"],
      ["template", "unknown_template"],
    ]);
  });

  it("planCampaign throws several as request_invalid, one as itself", () => {
    const fail = (r: Parameters<typeof planCampaign>[0]) => {
      try {
        planCampaign(r, { templates, facts: new FactRegistry([]) });
      } catch (e) {
        return isMotioneraError(e) ? e.details : undefined;
      }
      return undefined;
    };
    expect(fail({ template: "kast-avtal", municipalities: ["Lidngö", "Narnia"], authors: author })?.code).toBe(
      "request_invalid",
    );
    expect(fail({ template: "kast-avtal", municipalities: ["Narnia"], authors: author })).toMatchObject({
      code: "unknown_municipality",
      query: "Narnia",
    });
  });
});
