/** Issue 16: the municipality list filtered by name and to those with facts, each with its count of facts. */
import { describe, expect, it } from "vitest";
import { makeApp } from "../api/helpers.js";

/** The municipalities a list page shows (not hidden), by name. */
function shownNames(html: string): string[] {
  return [...html.matchAll(/<li data-place="[^"]*" data-facts="\d+"><a href="\/kommun\/[^"]+">([^<]+)<\/a>/g)].map(
    (m) => m[1]!,
  );
}

describe("/kommun", () => {
  it("lists all 290 by default, each with how many facts the registry holds about it", async () => {
    const { app } = await makeApp();
    const html = await (await app.request("/kommun")).text();
    expect(shownNames(html)).toHaveLength(290);
    expect(html).toContain("Alla 290 kommuner visas.");
    expect(html).toMatch(
      /<a href="\/kommun\/lidingo">Lidingö<\/a><span class="muted small"> \(\d+ uppgifter\)<\/span>/,
    );
    // Pajala has no facts: no count beside it.
    expect(html).toMatch(/<a href="\/kommun\/pajala">Pajala<\/a><\/li>/);
  });

  it("filters by part of a name (folded), by code, and to those with facts, without the script", async () => {
    const { app } = await makeApp();
    const byName = await (await app.request("/kommun?q=lidingo")).text();
    expect(shownNames(byName)).toEqual(["Lidingö"]);
    expect(byName).toContain("1 av 290 kommuner visas.");
    expect(byName).toContain('value="lidingo"');

    expect(shownNames(await (await app.request("/kommun?q=0186")).text())).toEqual(["Lidingö"]);
    expect(shownNames(await (await app.request("/kommun?q=stad")).text())).toContain("Lidingö"); // "Lidingö stad"

    const withFacts = await (await app.request("/kommun?med=1")).text();
    const names = shownNames(withFacts);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(290);
    expect(names).toContain("Lidingö");
    expect(names).not.toContain("Pajala");
    expect(withFacts).toMatch(/<input id="kommun-med-fakta" name="med" type="checkbox" value="1" checked/);

    const none = await (await app.request("/kommun?q=finnsinte")).text();
    expect(shownNames(none)).toEqual([]);
    expect(none).toContain("0 av 290 kommuner visas.");
  });
});
