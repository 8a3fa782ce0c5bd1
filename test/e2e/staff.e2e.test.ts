/**
 * Staff sign-in in Chromium: a staff page sends a visitor to sign in, a wrong token is shown at
 * its field, the right one leads back to the page, signing out ends it; axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { startStaffSite, type StaffSite } from "../helpers/staff-site.js";

describe.skipIf(!hasChromium)("staff sign-in in Chromium", () => {
  let site: StaffSite;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startStaffSite({ token: "personalens-nyckel" });
    base = site.base;
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  it("signs in from the footer link, refuses a wrong token at its field, and signs out", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
    const page = await openPage(context, problems);
    await page.goto(`${base}/`);
    await page.click("footer >> text=För partikansliet");
    await page.waitForURL(/\/personal\/logga-in\?till=%2Fpersonal$/);
    await expectAxeClean(page, "inloggning");

    await page.fill("#s-token", "fel-nyckel");
    await page.click("button[type=submit]");
    expect(await page.textContent(".error-summary")).toContain("Skrivnyckeln stämmer inte.");
    expect(await page.getAttribute("#s-token", "aria-invalid")).toBe("true");
    await expectAxeClean(page, "inloggning med fel");
    await screenshot(page, "personal-inloggning-fel");

    await page.fill("#s-token", "personalens-nyckel");
    await page.click("button[type=submit]");
    await page.waitForURL(`${base}/personal`);
    expect(await page.textContent("h1")).toBe("För partikansliet");
    await expectAxeClean(page, "personalens sida");
    await screenshot(page, "personal-start");
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "motionera_personal")).toMatchObject({ httpOnly: true, sameSite: "Strict" });

    await page.click("text=Logga ut");
    await page.waitForURL(/\/personal\/logga-in$/);
    await page.goto(`${base}/personal`);
    await page.waitForURL(/\/personal\/logga-in\?till=/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
