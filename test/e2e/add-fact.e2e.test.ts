/**
 * "Lägg till uppgift" in Chromium: from a draft whose facts panel lists a missing fact, its link
 * leads to the form (which first says how to sign in with a write token, and comes back), a
 * problem is shown at its field, the saved fact takes the user back to the draft as it was, and
 * the draft now cites the fact with its source in the notes. axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../../src/tokens/issue.js";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { startStaffSite, type StaffSite } from "../helpers/staff-site.js";

describe.skipIf(!hasChromium)("adding a missing fact in Chromium", () => {
  let site: StaffSite;
  let base: string;
  let writer: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startStaffSite({ token: "personalens-nyckel" });
    base = site.base;
    writer = (await issueToken(site.workspace.store, "skribent", "write")).secret;
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  it("goes from the draft's missing fact to the form, saves it, and comes back to a draft that cites it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
    const page = await openPage(context, problems);
    await page.goto(`${base}/?template=kast-avtal&kommun=Vaxholm`);
    await page.fill("#f-name-0", "Anna Andersson");
    const label = "Avtal med Mikamottagningen och KAST i Stockholm";
    const missing = page.locator(".fact-missing", { hasText: label }).first();
    expect(await missing.count()).toBe(1);
    expect(await page.locator(".facts-list").textContent()).not.toContain(label);
    await page.locator("#fakta").screenshot({ path: "/tmp/addfact-facts-panel-1280.png" });
    await missing.locator("a[data-add-fact]").click();

    // Not signed in: the form says how, and the sign-in comes back to it.
    await page.waitForURL(/\/personal\/uppgifter\/ny\?/);
    expect(await page.textContent("[data-sign-in-needed]")).toContain("rollen write eller admin");
    await expectAxeClean(page, "lägg till uppgift, inte inloggad");
    await page.click("text=Logga in och kom tillbaka hit");
    await page.waitForURL(/\/personal\/logga-in\?till=/);
    await page.fill("#s-token", writer);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/personal\/uppgifter\/ny\?/);
    expect(await page.textContent("h1")).toBe("Lägg till uppgift: Vaxholm");
    expect(await page.locator("[data-sign-in-needed]").count()).toBe(0);

    // A problem at its field, what was typed kept.
    await page.check('input[name="varde"][value="nej"]');
    await page.fill("#u-per", "2025-06-30");
    await page.fill("#u-titel", "Protokoll från socialnämnden");
    await page.fill("#u-kalldatum", "2025-06-30");
    await page.fill("#u-webbadress", "https://www.vaxholm.se/");
    await page.click("text=Spara uppgiften");
    expect(await page.textContent(".error-summary")).toContain("Utgivare: Fyll i fältet.");
    expect(await page.getAttribute("#u-utgivare", "aria-invalid")).toBe("true");
    expect(await page.inputValue("#u-titel")).toBe("Protokoll från socialnämnden");
    expect(await page.isChecked('input[name="varde"][value="nej"]')).toBe(true);
    await expectAxeClean(page, "lägg till uppgift med fel");
    await screenshot(page, "lagg-till-uppgift-fel");
    await page.screenshot({ path: "/tmp/addfact-form-error-1280.png", fullPage: true });

    await page.fill("#u-utgivare", "Vaxholms stad");
    await page.click("text=Spara uppgiften");

    // Back to the draft as it was, with the notice; the draft cites the fact with its source.
    await page.waitForURL(/\/\?.*ny-uppgift=mika_kast_agreement/);
    expect(await page.textContent("[data-notice]")).toContain(`Uppgiften ”${label}” för Vaxholm är sparad.`);
    expect(await page.inputValue("#f-name-0")).toBe("Anna Andersson");
    expect(await page.locator(".facts-list").textContent()).toContain(label);
    const preview = page.locator("#forhandsvisning");
    await expect
      .poll(async () => (await preview.textContent()) ?? "", { timeout: 10_000 })
      .toContain("Protokoll från socialnämnden");
    expect(await preview.textContent()).toContain("Vaxholms stad");
    await expectAxeClean(page, "utkastet efter ny uppgift");
    await page.screenshot({ path: "/tmp/addfact-draft-after-1280.png" });

    const [entry] = await site.workspace.store.audit({ subject: "0187", limit: 1 });
    expect(entry?.actor).toEqual({ kind: "token", name: "skribent" });
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it("the campaign's selection lists who was left out for a missing fact, each with a link to add it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
    const page = await openPage(context, problems);
    const q = new URLSearchParams({ template: "kast-avtal", lan: "01", where: "mika_kast_agreement=nej", visa: "1" });
    await page.goto(`${base}/kampanj?${q}`);
    const row = page.locator(".campaign-table tr", { hasText: "Nykvarn" });
    expect(await row.textContent()).toContain("Avtal med Mikamottagningen och KAST i Stockholm: saknas i registret");
    await expectAxeClean(page, "kampanjens urval med kommuner utan uppgift");
    await row.screenshot({ path: "/tmp/addfact-campaign-left-out-1280.png" });
    await row.locator("a", { hasText: "Lägg till uppgiften" }).click();
    await page.waitForURL(/\/personal\/uppgifter\/ny\?kommun=Nykvarn&nyckel=mika_kast_agreement&till=%2Fkampanj/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("fits a phone, and the municipality page leads to the form", async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "sv-SE" });
    const page = await openPage(context, problems);
    await page.goto(`${base}/kommun/kiruna`);
    await page.screenshot({ path: "/tmp/addfact-place-390.png" });
    await page.click(".add-fact a");
    await page.waitForURL(/\/personal\/uppgifter\/ny\?kommun=Kiruna/);
    await page.selectOption("#u-nyckel", "population");
    await page.click("text=Fortsätt");
    await page.waitForURL(/nyckel=population/);
    expect(await page.getAttribute("#u-varde", "inputmode")).toBe("decimal");
    const overflow = await page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
    expect(overflow).toBe(false);
    await expectAxeClean(page, "lägg till uppgift, mobil");
    await page.screenshot({ path: "/tmp/addfact-form-390.png", fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
