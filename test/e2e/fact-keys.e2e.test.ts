/**
 * Fact keys on the web and the draft form's fact picker in a real browser (Debian's Chromium
 * through playwright-core): sign in as staff, add a key, edit it, see a removal refused; on
 * the draft form with a general template, pick a key and see `{fakta:…}` written at the
 * cursor and the preview cite its value. axe finds nothing serious on any page. Screenshots
 * go to test/artifacts/ (git-ignored).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { signIn, startStaffSite, type StaffSite } from "../helpers/staff-site.js";

const token = "personalens-nyckel";

describe.skipIf(!hasChromium)("fact keys and the fact picker in Chromium", () => {
  let site: StaffSite;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startStaffSite({ token });
    base = site.base;
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  const alertText = (page: Page) => page.locator("[data-error-summary]").textContent();

  it("signs in, adds a key, edits it, and sees a removal refused", async () => {
    const page = await openPage(site.context, problems);
    page.setDefaultTimeout(10_000);
    expect(await signIn(page, site, "/personal/faktanycklar")).toBe("/personal/logga-in");
    await expect.poll(() => page.locator("table.key-table tbody tr").count()).toBeGreaterThan(50);
    await expectAxeClean(page, "faktanycklar");
    await screenshot(page, "faktanycklar");

    await page.getByRole("link", { name: "Lägg till nyckel" }).click();
    await page.waitForURL(/\/ny$/);
    await page.getByLabel("Id", { exact: false }).first().fill("snow_clearing_cost");
    await page.getByLabel(/^Namn/).fill("Kostnad för snöröjning");
    await page.getByLabel(/^Beskrivning/).fill("Kronor per invånare och år.");
    await page.getByLabel(/^Typ/).selectOption("number");
    await page.getByLabel(/^Talformat/).selectOption("count");
    await page.getByLabel(/^Ental/).fill("krona");
    await page.getByLabel(/^Flertal/).fill("kronor");
    await page.getByLabel(/^Högsta ålder/).fill("två år");
    await expectAxeClean(page, "ny faktanyckel");
    await page.getByRole("button", { name: "Lägg till nyckeln" }).click();
    // The problem is at its field, and the summary (which takes focus) links to it.
    await expect.poll(() => page.locator("#err-k-maxAge").count()).toBe(1);
    expect(await page.locator("#err-k-maxAge").textContent()).toContain("En ålder som P5Y eller P18M.");
    expect(await page.evaluate('document.activeElement?.hasAttribute("data-error-summary")')).toBe(true);
    expect(await page.inputValue("#k-label")).toBe("Kostnad för snöröjning");
    await expectAxeClean(page, "ny faktanyckel med fel");
    await screenshot(page, "faktanyckel-fel");
    await page.getByRole("link", { name: /Högsta ålder/ }).click();
    expect(await page.evaluate("document.activeElement?.id")).toBe("k-maxAge");
    await page.fill("#k-maxAge", "P2Y");
    await Promise.all([
      page.waitForURL(/klar=tillagd/),
      page.getByRole("button", { name: "Lägg till nyckeln" }).click(),
    ]);
    expect(await page.locator("[data-notice]").textContent()).toContain("Faktanyckeln snow_clearing_cost är tillagd.");
    await screenshot(page, "faktanycklar-tillagd");

    await page.getByRole("link", { name: "Ändra Kostnad för snöröjning (snow_clearing_cost)" }).click();
    await page.waitForURL(/\/andra\/snow_clearing_cost$/);
    expect(await page.inputValue("#k-unit-one")).toBe("krona");
    await page.fill("#k-label", "Snöröjning, kronor per invånare");
    await expectAxeClean(page, "ändra faktanyckel");
    await screenshot(page, "faktanyckel-andra");
    await Promise.all([
      page.waitForURL(/klar=andrad/),
      page.getByRole("button", { name: "Spara ändringarna" }).click(),
    ]);
    expect(await page.locator("[data-notice]").textContent()).toContain("är ändrad");
    await page.fill("#k-filter", "snöröjning");
    await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: "Filtrera" }).click()]);
    expect(await page.locator("table.key-table tbody tr").count()).toBe(1);
    expect(await page.locator("table.key-table tbody").textContent()).toContain("Snöröjning, kronor per invånare");

    await page.goto(`${base}/personal/faktanycklar`);
    await page.getByRole("link", { name: /^Ta bort Avtal med Mikamottagningen och KAST i Stockholm/ }).click();
    await page.waitForURL(/ta-bort\/mika_kast_agreement$/);
    await expectAxeClean(page, "ta bort faktanyckel");
    await page.getByRole("button", { name: "Ta bort faktanyckeln mika_kast_agreement" }).click();
    await expect.poll(() => page.locator("[data-error-summary]").count()).toBe(1);
    const refusal = await alertText(page);
    expect(refusal).toContain("används och kan inte tas bort");
    expect(refusal).toContain("3 uppgifter i faktaregistret");
    expect(refusal).toContain("mika_kast_agreements_counted");
    await expectAxeClean(page, "borttagning vägrad");
    await screenshot(page, "faktanyckel-vagrad");
    // The refusal's 409 is the answer expected; nothing else may go wrong.
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  }, 180_000);

  it("picks a key on the draft form: {fakta:…} at the cursor, and the preview cites its value", async () => {
    problems.length = 0;
    const page = await openPage(site.context, problems);
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/?template=allman-motion&kommun=Lidingö`);
    const picker = page.getByRole("region", { name: "Hänvisa till en uppgift i din text" });
    await expect.poll(() => picker.count()).toBe(1);
    const row = picker.locator("[data-picker-item]", { hasText: "{fakta:mika_kast_agreement}" });
    expect(await row.textContent()).toContain("ja (2023)");
    expect(await picker.locator("[data-picker-item]", { hasText: "{fakta:kolada_n15419}" }).textContent()).toContain(
      "saknas för Lidingö",
    );
    await expectAxeClean(page, "utkast med faktaväljare");

    await page.fill("#f-input-title", "Avtal om stöd");
    await page.fill("#f-input-proposals", "teckna avtal");
    await page.fill("#f-input-background", "Lidingö har avtal: . Det är bra.");
    // The cursor after "avtal: ".
    await page.focus("#f-input-background");
    await page.evaluate('document.getElementById("f-input-background").setSelectionRange(19, 19)');
    await page.fill("#faktavaljare-sok", "mikamottagningen och kast i");
    await expect.poll(() => picker.locator("[data-picker-item]:visible").count()).toBe(1);
    await picker.getByRole("button", { name: /^Infoga Avtal med Mikamottagningen och KAST i Stockholm/ }).click();
    expect(await page.inputValue("#f-input-background")).toBe(
      "Lidingö har avtal: {fakta:mika_kast_agreement}. Det är bra.",
    );
    expect(await page.evaluate("document.activeElement?.id")).toBe("f-input-background");
    await expect
      .poll(() => picker.locator("[data-picker-status]").textContent())
      .toBe("{fakta:mika_kast_agreement} infogad i fältet Bakgrund.");
    await expect.poll(() => page.locator("#forhandsvisning").textContent(), { timeout: 10_000 }).toMatch(/avtal: ja/);
    await expectAxeClean(page, "utkast med infogad uppgift");
    await screenshot(page, "faktavaljare");

    // Another municipality: the list brings its values.
    await page.fill("#f-kommun", "Umeå");
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("saknas för Umeå");
    expect(problems).toEqual([]);
  }, 90_000);
});
