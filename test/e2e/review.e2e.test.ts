/**
 * "Att göra innan du lämnar in" in a real browser (Debian's Chromium through playwright-core):
 * the live preview brings the list, the script puts it in the facts panel too, the places to
 * fill in are highlighted, and axe finds nothing serious. Our own templates (review-fixture.ts).
 * Screenshots go to test/artifacts/ (git-ignored).
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace.js";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { startSite, type Site } from "../helpers/site.js";
import { tempWorkspace } from "../helpers/cli.js";
import { reviewTemplates } from "../server/review-fixture.js";

describe.skipIf(!hasChromium)("the review in Chromium", () => {
  let site: Site;
  let context: BrowserContext;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startSite({
      workspace: await Workspace.open({ db: tempWorkspace().db, templatesDir: reviewTemplates() }),
      viewport: { width: 1280, height: 900 },
    });
    ({ context, base } = site);
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  it("the live preview lists what to do, the script puts the list in the facts panel, and the places " +
    "are marked", async () => {
    // The browser logs the 404 of /favicon.ico, and the facts panel's answer for no municipality: both let by.
    const page = await openPage(context, problems);
    // Signed in the party that published Lidingö's agreement source: the stale fact is the one thing to check.
    const q = new URLSearchParams({ template: "klar", "name.0": "Anna Andersson", "party.0": "S", date: "2026-11-24" });
    await page.goto(`${base}/?${q}`);
    // No municipality yet: neither the preview nor the panel has a list.
    expect(await page.locator("#forhandsvisning .review").count()).toBe(0);
    expect((await page.textContent("[data-review-slot]"))?.trim()).toBe("");

    await page.fill("#f-kommun", "Lidingö");
    await expect
      .poll(() => page.textContent("[data-review-slot]"), { timeout: 10_000 })
      .toContain("Inget att fylla i eller kontrollera i utkastet.");
    expect(await page.textContent("#forhandsvisning .review")).toContain(
      "Inget att fylla i eller kontrollera i utkastet.",
    );

    // Another template (its form is fetched anew), then the list changes with the preview.
    await page.selectOption("#f-template", "fyll-i");
    await Promise.all([page.waitForURL(/template=fyll-i/), page.click('[data-action="choose-template"]')]);
    await expect
      .poll(() => page.textContent("[data-review-slot]"), { timeout: 10_000 })
      .toContain("Fyll i: beslutets datum");
    const panel = (await page.textContent("#fakta .review"))!.replace(/\s+/g, " ");
    expect(panel).toContain("2 ställen att fylla i och 1 sak att kontrollera.");
    expect(panel).toContain("Fyll i: nämndens namn");
    expect(panel).toMatch(
      new RegExp(
        [
          "Kontrollera: Uppgiften ”Avtal med Mikamottagningen och KAST i Stockholm” för Lid",
          "ingö är från .* äldre än mallen godtar",
        ].join(""),
      ),
    );
    const marks = page.locator("#forhandsvisning article mark.placeholder");
    expect(await marks.allTextContents()).toEqual(["[FYLL I: beslutets datum]", "[FYLL I: nämndens namn]"]);
    // Dark text on amber, a dashed frame: computed by the browser from site.css.
    const style = await page.evaluate(
      `(() => { const s = getComputedStyle(document.querySelector("#forhandsvisning article ` +
        `mark.placeholder")); return { color: s.color, background: s.backgroundColor, border: s.borderTopStyle }; })()`,
    );
    expect(style).toEqual({ color: "rgb(27, 27, 27)", background: "rgb(255, 208, 138)", border: "dashed" });
    // One copy of each heading id in the document (the preview's copy for the panel is an inert <template>).
    expect(await page.locator("#granska-fakta-rubrik").count()).toBe(1);
    expect(await page.locator("#granska-rubrik").count()).toBe(1);

    // Emptying the municipality empties the panel's list again.
    await page.fill("#f-kommun", "");
    await expect.poll(() => page.locator("#fakta .review").count(), { timeout: 10_000 }).toBe(0);
    await page.fill("#f-kommun", "Lidingö");
    await expect.poll(() => page.locator("#fakta .review").count(), { timeout: 10_000 }).toBe(1);

    await expectAxeClean(page, "utkast, att göra");
    await screenshot(page, "utkast-att-gora");
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);
});
