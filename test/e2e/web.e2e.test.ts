/**
 * The web pages in a real browser (Debian's Chromium through playwright-core) against the
 * real server: draft a motion with live preview and download it, search the corpus, and
 * check every page with axe-core. Screenshots go to test/artifacts/ (git-ignored).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace.js";
import { startSite, type Site } from "../helpers/site.js";
import { artifacts, expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { tempWorkspace } from "../helpers/cli.js";

const wide = { width: 1280, height: 800 };
const narrow = { width: 390, height: 844 };

describe.skipIf(!hasChromium)("web pages in Chromium", () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startSite({ workspace: await Workspace.open({ db: tempWorkspace().db }), viewport: wide });
    // The CSP stays on: axe is injected through the DevTools protocol, which the CSP does not govern.
    ({ browser, context, base } = site);
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  /** A page that records script errors, failed requests and CSP refusals. */
  const open = (ctx: BrowserContext = context): Promise<Page> => openPage(ctx, problems);

  /** The same page on a phone-sized screen. */
  async function shootNarrow(path: string, name: string): Promise<void> {
    const page = await open();
    await page.setViewportSize(narrow);
    await page.goto(`${base}${path}`);
    await screenshot(page, `${name}-390`);
    await page.close();
  }

  it("drafts a motion for Lidingö with live facts, preview and an argument, and downloads the DOCX", async () => {
    const page = await open();
    await page.goto(`${base}/`);
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await expectAxeClean(page, "formulär (tomt)");

    // Moving through the template list with the keyboard loads nothing and keeps the focus there
    // (WCAG 3.2.2 On Input); "Välj mall" turns primary and fetches the chosen template's form.
    const start = page.url();
    await page.focus("#f-template");
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(500);
    expect(page.url()).toBe(start);
    expect(await page.evaluate("document.activeElement?.id")).toBe("f-template");
    expect(await page.getAttribute('[data-action="choose-template"]', "class")).not.toContain("secondary");
    await page.selectOption("#f-template", "kast-avtal");
    expect(page.url()).toBe(start);
    await Promise.all([page.waitForURL(/template=kast-avtal/), page.click('[data-action="choose-template"]')]);
    // The committee field has no default: left empty, the registry's committee is used.
    await expect.poll(() => page.locator("#f-input-committee").count()).toBe(1);
    expect(await page.inputValue("#f-input-committee")).toBe("");
    // The script keeps one signer row and offers "Lägg till undertecknare".
    expect(await page.locator("[data-signer-row]").count()).toBe(1);
    expect(await page.textContent('[data-action="add-row"]')).toBe("Lägg till undertecknare");

    // A misspelt name gets "Menade du …" under the field while typing; the suggestion fills it in.
    await page.fill("#f-kommun", "Lidngö");
    const hint = page.locator("[data-kommun-hint-slot]");
    await hint.getByText("Menade du", { exact: false }).waitFor();
    expect(await hint.textContent()).toContain("Det finns ingen kommun som heter ”Lidngö”.");
    await expectAxeClean(page, "formulär (Menade du)");
    await hint.getByRole("button", { name: "Lidingö", exact: true }).click();
    expect(await page.inputValue("#f-kommun")).toBe("Lidingö");
    await page.locator("#fakta-innehall").getByText("finns 9 av 18 uppgifter", { exact: false }).waitFor();
    expect(await hint.textContent()).toBe("");
    expect(await page.textContent("#fakta-innehall")).toContain("Studiebesök hos Mikamottagningen");

    // Enter in a field refreshes the preview; it neither submits nor removes a signer row.
    const before = page.url();
    await page.press("#f-kommun", "Enter");
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.locator("[data-signer-row]").count()).toBe(1);

    await page.fill("#f-name-0", "Anna Andersson");
    await page.selectOption("#f-party-0", "L");
    await page.fill("#f-role-0", "ledamot i kommunfullmäktige");
    const preview = page.locator("#forhandsvisning");
    await expect
      .poll(() => preview.textContent(), { timeout: 10_000 })
      .toContain("Ge Lidingö ett varaktigt avtal med Mikamottagningen och KAST");
    await expect.poll(() => preview.textContent()).toContain("Anna Andersson (L)");
    expect(await preview.textContent()).toContain(
      "att ge omsorgs- och socialnämnden i uppdrag att teckna ett nytt avtal",
    );

    // A second signer row, added and removed by the script.
    await page.click('[data-action="add-row"]');
    expect(await page.locator("[data-signer-row]").count()).toBe(2);
    expect(await page.evaluate("document.activeElement?.id")).toBe("f-name-1");
    await page.fill("#f-name-1", "Bo Berg");
    await expect.poll(() => preview.textContent()).toContain("Bo Berg");
    await page.click('[data-signer-row]:nth-child(2) [data-action="remove-row"]');
    expect(await page.locator("[data-signer-row]").count()).toBe(1);
    await expect.poll(() => preview.textContent()).not.toContain("Bo Berg");

    // An argument from the corpus appears in the preview with its note.
    const ref = "2023-02-21-lidingo-debattartikel-l#1";
    const box = page.locator(`input[name="arguments"][value="${ref}"]`);
    await box.locator("xpath=ancestor::details").locator("summary").click();
    const claim = (
      await box.locator("xpath=following-sibling::span").evaluate((el) => el.firstChild?.textContent ?? "")
    ).trim();
    expect(claim.length).toBeGreaterThan(20);
    await box.check();
    await expect.poll(() => preview.textContent()).toContain(claim);
    expect(await preview.textContent()).toContain("Argumentet framförs i");

    await screenshot(page, "formular-1280");
    await expectAxeClean(page, "formulär (ifyllt)");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('button[name="format"][value="docx"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(artifacts, download.suggestedFilename());
    await download.saveAs(file);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))["word/document.xml"]!);
    expect(xml).toContain("Lidingö");
    expect(xml).toContain("att ge omsorgs- och socialnämnden i uppdrag att teckna ett nytt avtal");
    expect(xml).toContain("Anna Andersson");

    // The same page on a phone.
    await page.setViewportSize(narrow);
    await screenshot(page, "formular-390");
    await page.setViewportSize(wide);

    // An unknown municipality: the form comes back with the error next to the field.
    await page.fill("#f-kommun", "Lidingo x");
    await Promise.all([page.waitForURL(/\/utkast$/), page.click('button[name="format"][value="docx"]')]);
    expect(await page.getAttribute("#f-kommun", "aria-invalid")).toBe("true");
    expect(await page.textContent("#err-f-kommun")).toContain("Menade du");
    expect(await page.evaluate("document.activeElement?.className")).toContain("error-summary");
    expect(await page.inputValue("#f-name-0")).toBe("Anna Andersson");
    await screenshot(page, "formular-fel-1280");
    await expectAxeClean(page, "formulär med fel");
    await page.setViewportSize(narrow);
    await screenshot(page, "formular-fel-390");
    await page.close();
  }, 120_000);

  it("works without JavaScript: Välj mall, Förhandsgranska, Fler rader", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: wide, acceptDownloads: true });
    const page = await open(ctx);
    await page.goto(`${base}/`);
    await page.selectOption("#f-template", "beslut-prostitution");
    await Promise.all([page.waitForURL(/template=beslut-prostitution/), page.click('[data-action="choose-template"]')]);
    expect(await page.locator("#f-input-addressee").count()).toBe(1);
    expect(await page.locator("[data-signer-row]").count()).toBe(3);
    await page.fill("#f-kommun", "Norrköping");
    await page.fill("#f-name-0", "Eva Ek");
    await Promise.all([page.waitForURL(/add=1/), page.click('[data-action="add-row"]')]);
    expect(await page.locator("[data-signer-row]").count()).toBe(4);
    expect(await page.inputValue("#f-name-0")).toBe("Eva Ek");
    await page.fill("#f-input-addressee", "socialnämndens ordförande Anna Andersson (M)");
    await Promise.all([page.waitForURL(/\/utkast$/), page.click('[data-action="preview"]')]);
    expect(await page.textContent("#forhandsvisning")).toContain("Norrköping");
    expect(await page.textContent("#forhandsvisning")).toContain("Anna Andersson (M)");
    await screenshot(page, "formular-utan-js-1280");
    await ctx.close();
  }, 60_000);

  it("searches the corpus, filters by a facet and opens a record", async () => {
    const page = await open();
    await page.goto(`${base}/korpus`);
    await page.fill("#q", "sexköpare");
    await Promise.all([page.waitForURL(/q=sexk/), page.press("#q", "Enter")]);
    const count = async () => Number(await page.getAttribute(".result-count", "data-result-count"));
    const all = await count();
    expect(all).toBeGreaterThan(1);
    expect(await page.locator(".snippet mark").count()).toBeGreaterThan(0);
    await screenshot(page, "korpus-1280");
    await expectAxeClean(page, "sökning");

    const facet = page.locator("#f-party-V");
    const label = page.locator('label[for="f-party-V"]');
    const expected = Number(/(\d+)/.exec((await label.locator(".facet-count").textContent()) ?? "")?.[1]);
    await Promise.all([page.waitForURL(/party=V/), facet.check()]);
    expect(await count()).toBe(expected);
    expect(expected).toBeLessThan(all);
    expect(await page.locator(".chip").first().textContent()).toContain("Vänsterpartiet");
    await screenshot(page, "korpus-filter-1280");
    await expectAxeClean(page, "sökning med filter");

    const first = page.locator(".hit h3 a").first();
    const title = (await first.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/korpus\/[a-z0-9-]+\?/), first.click()]);
    expect(await page.textContent("h1")).toBe(title);
    expect(await page.locator("#argument").count()).toBe(1);
    await screenshot(page, "post-1280");
    await expectAxeClean(page, "post");
    const recordPath = new URL(page.url()).pathname;
    await page.close();

    await shootNarrow("/korpus?q=sexk%C3%B6pare", "korpus");
    await shootNarrow("/korpus?q=sexk%C3%B6pare&party=V", "korpus-filter");
    await shootNarrow(recordPath, "post");
  }, 90_000);

  it("shows a municipality, the municipality index and the 404 page", async () => {
    const page = await open();
    await page.goto(`${base}/kommun/lidingo`);
    expect(await page.textContent("h1")).toBe("Lidingö stad");
    expect(await page.locator(".history").count()).toBeGreaterThan(0);
    await screenshot(page, "kommun-1280");
    await expectAxeClean(page, "kommun");
    await Promise.all([page.waitForURL(/template=/), page.locator(".template-links a").first().click()]);
    expect(await page.inputValue("#f-kommun")).toBe("Lidingö");

    await page.goto(`${base}/kommun`);
    await screenshot(page, "kommuner-1280");
    await expectAxeClean(page, "kommuner");
    // The list filters as the user types (diacritics folded) and the address follows.
    const visible = () => page.locator("li[data-place]:visible").count();
    expect(await visible()).toBe(290);
    await page.fill("#kommun-filter", "lidingo");
    await expect.poll(visible).toBe(1);
    expect(await page.textContent("[data-filter-count]")).toBe("1 av 290 kommuner visas.");
    expect(page.url()).toMatch(/\/kommun\?q=lidingo$/);
    expect(await page.locator("section[data-county]:visible").count()).toBe(1);
    await page.fill("#kommun-filter", "");
    await page.check("#kommun-med-fakta");
    await expect.poll(visible).toBeLessThan(290);
    expect(await page.locator('li[data-place][data-facts="0"]:visible').count()).toBe(0);
    expect(page.url()).toMatch(/\/kommun\?med=1$/);
    await screenshot(page, "kommuner-filtrerade-1280");
    await expectAxeClean(page, "kommuner (filtrerade)");

    const res = await page.goto(`${base}/finns-inte`);
    expect(res?.status()).toBe(404);
    await screenshot(page, "404-1280");
    await expectAxeClean(page, "404");
    await page.goto(`${base}/kommun/lidingoo`);
    expect(await page.textContent("main")).toContain("Menade du");
    await expectAxeClean(page, "okänd kommun");
    await page.close();

    await shootNarrow("/kommun/lidingo", "kommun");
    await shootNarrow("/finns-inte", "404");
    await shootNarrow("/kommun", "kommuner");
  }, 90_000);

  it("runs a campaign over Stockholms län from the /kampanj page and downloads the zip", async () => {
    const page = await open();
    await page.goto(`${base}/kampanj`);
    await expectAxeClean(page, "kampanj (tom)");
    await page.check('input[name="lan"][value="01"]');
    await page.selectOption("#k-fakta-0", "mika_kast_agreement");
    await page.locator('select[name="varde.0"]').waitFor();
    await page.selectOption("#k-op-0", "!=");
    await page.selectOption('select[name="varde.0"]', "ja");
    await Promise.all([page.waitForURL(/visa=1/), page.click('button[name="visa"]')]);
    const shown = await page.locator(".campaign-table tr.is-selected th").allTextContents();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown).toContain("Vallentuna");
    await page.fill("#k-name-0", "Anna Andersson");
    await page.selectOption("#k-party-0", "L");
    await page.fill("#k-role-0", "ledamot i kommunfullmäktige");
    await page.uncheck('input[name="formats"][value="pdf"]');
    await expectAxeClean(page, "kampanj (ifylld)");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('button[data-action="download-zip"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const file = join(artifacts, download.suggestedFilename());
    await download.saveAs(file);
    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    const docx = Object.keys(entries).filter((n) => n.endsWith(".docx"));
    expect(docx.length).toBe(shown.length);
    expect(Object.keys(entries).some((n) => n.endsWith(".pdf"))).toBe(false);
    const vallentuna = docx.find((n) => n.includes("vallentuna"))!;
    const xml = strFromU8(unzipSync(entries[vallentuna]!)["word/document.xml"]!);
    expect(xml).toContain("Vallentuna");
    expect(xml).toContain("Anna Andersson");
    expect(Object.keys(entries).some((n) => n.endsWith(".csv"))).toBe(true);
    await page.close();
  }, 90_000);

  it("had no script errors, failed requests or CSP refusals", () => {
    expect(problems).toEqual([]);
  });
});
