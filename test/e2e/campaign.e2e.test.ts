/**
 * The campaign page in Swedish, in Chromium: conditions picked by the facts' labels (the value
 * list follows the fact, with "saknas"), several counties, "Visa urvalet" as a table of why each
 * municipality is in or out (a missing fact links to its form, a stale fact is flagged), a
 * sample draft before the zip, the zip's progress, and a summary that names the web's form for
 * a fact to add (not a command). axe finds nothing serious; screenshots at 1280 and 390 px.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace.js";
import { startSite, type Site } from "../helpers/site.js";
import { artifacts, expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { tempWorkspace } from "../helpers/cli.js";

const label = "Avtal med Mikamottagningen och KAST i Stockholm";

describe.skipIf(!hasChromium)("the campaign page in Chromium", () => {
  let site: Site;
  let context: BrowserContext;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const ws = await Workspace.open({ db: tempWorkspace().db });
    // Nykvarn gets an old "nej" (from 2018): selected by "= nej", and stale for the template (5 years).
    await ws.store.addFact({
      subject: "0140",
      key: "mika_kast_agreement",
      value: { type: "boolean", value: false },
      asOf: "2018",
      source: { title: "Protokoll från kommunstyrelsen", publisher: "Nykvarns kommun", date: "2018-05-02" },
    });
    site = await startSite({ workspace: ws, viewport: { width: 1280, height: 800 } });
    ({ context, base } = site);
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  const open = (): Promise<Page> => openPage(context, problems);

  /** Stockholms and Uppsala län, "Avtal … = nej" picked by label, then "Visa urvalet". */
  async function chooseAndShow(page: Page): Promise<void> {
    await page.goto(`${base}/kampanj`);
    await page.check('input[name="lan"][value="01"]');
    await page.check('input[name="lan"][value="03"]');
    await page.selectOption("#k-fakta-0", { label });
    // The value list follows the fact: the registry's values with their counts, and "saknas".
    const value = page.locator('select[name="varde.0"]');
    await value.waitFor();
    const options = await value.locator("option").allTextContents();
    expect(options).toContain("saknas (ingen uppgift i registret)");
    expect(options.some((o) => /^nej \(\d+ kommun(er)?\)$/.test(o))).toBe(true);
    await value.selectOption("nej");
    await Promise.all([page.waitForURL(/visa=1/), page.click('button[name="visa"]')]);
  }

  it("picks a condition by label over two counties and shows why each municipality is in or out", async () => {
    const page = await open();
    await chooseAndShow(page);
    expect(page.url()).toMatch(/lan=01&lan=03/);
    expect(await page.isChecked('input[name="lan"][value="03"]')).toBe(true);
    const table = page.locator(".campaign-table");
    // 26 in Stockholms län and 8 in Uppsala län.
    expect(await table.locator("caption").textContent()).toMatch(/^\d+ av 34 kommuner kommer med$/);
    const nykvarn = table.locator("tr", { hasText: "Nykvarn" });
    expect(await nykvarn.locator("td").first().textContent()).toBe("Med");
    expect(await nykvarn.textContent()).toContain(`${label}: nej (2018)`);
    const uppsala = table.locator("tr", { hasText: "Enköping" });
    expect(await uppsala.locator("td").first().textContent()).toBe("Inte med");
    expect(await uppsala.textContent()).toContain(`${label}: saknas i registret`);
    // The missing fact links to its form, filled in, coming back here.
    const add = uppsala.locator("a", { hasText: "Lägg till uppgiften" });
    expect(await add.getAttribute("href")).toMatch(
      /^\/personal\/uppgifter\/ny\?kommun=Enk%C3%B6ping&nyckel=mika_kast_agreement&till=%2Fkampanj%3F/,
    );
    // The stale fact is flagged before anything is downloaded.
    const stale = page.locator(".campaign-stale");
    expect(await stale.textContent()).toContain(`Gammal uppgift: ${label} är från 2018`);
    // The picker keeps the row and offers the next one.
    expect(await page.inputValue("#k-fakta-0")).toBe("mika_kast_agreement");
    expect(await page.locator("#k-fakta-1").count()).toBe(1);
    await expectAxeClean(page, "kampanj: urvalet");
    await screenshot(page, "kampanj-urval-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "kampanj-urval-390");
    await page.locator(".campaign-stale").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "kampanj-urval-390-tabell.png") });
    const overflow = await page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
    expect(overflow).toBe(false);
    await page.close();
  }, 90_000);

  it("refuses 'handlingsplan=nej' with labels to choose among", async () => {
    const page = await open();
    await page.goto(`${base}/kampanj`);
    await page.click(".condition-text summary");
    await page.fill("#k-where", "handlingsplan=nej");
    await page.click('button[name="visa"]');
    const error = await page.textContent("#err-k-where");
    expect(error).toContain("menade du");
    expect(error).toContain("Handlingsplan för stöd till personer som säljer sex");
    expect(error).not.toMatch(/[a-z]_[a-z]/);
    await expectAxeClean(page, "kampanj: okänt villkor");
    await page.close();
  }, 60_000);

  it("previews a sample draft for a chosen municipality before the zip", async () => {
    const page = await open();
    await chooseAndShow(page);
    await page.fill("#k-name-0", "Anna Andersson");
    await page.selectOption("#k-party-0", "L");
    await page.fill("#k-input-committee", "socialnämnden");
    await page.fill("#k-exempel", "Nykvarn");
    await Promise.all([page.waitForURL(/prov=1/), page.click('button[name="prov"]')]);
    const sample = page.locator("#exempel");
    expect(await sample.locator("h2").textContent()).toBe("Exempel: utkastet för Nykvarn");
    const text = (await sample.textContent()) ?? "";
    expect(text).toContain("Nykvarn");
    expect(text).toContain("Anna Andersson");
    expect(text).toContain("socialnämnden");
    expect(await page.inputValue("#k-name-0")).toBe("Anna Andersson");
    await expectAxeClean(page, "kampanj: exempel");
    await sample.screenshot({ path: join(artifacts, "kampanj-exempel-1280.png") });
    await page.close();
  }, 90_000);

  it("shows the zip's progress, downloads it, and its summary names the web form for a fact to add", async () => {
    const page = await open();
    await chooseAndShow(page);
    const selected = await page.locator(".campaign-table tr.is-selected").count();
    await page.fill("#k-name-0", "Anna Andersson");
    await page.uncheck('input[name="formats"][value="pdf"]');
    const progressUrl = (await page.getAttribute("form[data-campaign-form]", "data-progress-url"))!;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('button[data-action="download-zip"]'),
    ]);
    expect(await page.isVisible("[data-campaign-progress]")).toBe(true);
    await expect
      .poll(async () => page.textContent("[data-progress-text]"), { timeout: 10_000 })
      .toBe("Klart. Zip-filen laddas ner.");
    // The server counted every municipality.
    const counted = await page.evaluate((url) => fetch(url).then((r) => r.json()), progressUrl);
    expect(counted).toEqual({ done: selected, total: selected, finished: true });
    expect(await page.getAttribute("#kampanj-framsteg", "value")).toBe("1");
    const file = join(artifacts, download.suggestedFilename());
    await download.saveAs(file);
    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(entries).filter((n) => n.endsWith(".docx"))).toHaveLength(selected);
    const rows = parse(strFromU8(entries["sammanstallning.csv"]!).replace(/^\uFEFF/, ""), {
      columns: true,
    }) as Record<string, string>[];
    const nykvarn = rows.find((r) => r.municipality === "Nykvarn")!;
    expect(nykvarn.stale_facts).toBe("mika_kast_agreement");
    expect(nykvarn.warnings).toContain(
      "lägg till den i formuläret Lägg till uppgift: " +
        `${base}/personal/uppgifter/ny?kommun=Nykvarn&nyckel=mika_kast_agreement`,
    );
    expect(strFromU8(entries["sammanstallning.csv"]!)).not.toContain("motionera facts");
    await expectAxeClean(page, "kampanj: nedladdad");
    await page.close();
  }, 120_000);

  it("adds and removes signer rows in the page; 'Annat parti' shows only when chosen", async () => {
    const page = await open();
    await page.goto(`${base}/kampanj`);
    // A reload would lose this marker: the buttons must work in the page.
    await page.evaluate("window.__stayed = true");
    const rows = page.locator("[data-signer-rows] [data-signer-row]");
    expect(await rows.count()).toBe(1);
    const other = page.locator("[data-signer-row] [data-party-other]").first();
    expect(await other.isVisible()).toBe(false);
    await page.selectOption("#k-party-0", "annat");
    expect(await other.isVisible()).toBe(true);
    await page.selectOption("#k-party-0", "S");
    expect(await other.isVisible()).toBe(false);
    await page.fill("#k-name-0", "Anna Andersson");
    await page.click('button[data-action="add-row"]');
    expect(await rows.count()).toBe(2);
    // The new row is numbered, focused and has its own "Annat parti" hidden.
    expect(await page.evaluate("document.activeElement?.id")).toBe("k-name-1");
    expect(await rows.nth(1).locator("legend").textContent()).toBe("Undertecknare 2");
    expect(await rows.nth(1).locator("[data-party-other]").isVisible()).toBe(false);
    await page.fill("#k-name-1", "Bo Berg");
    await rows.nth(0).locator('button[data-action="remove-row"]').click();
    expect(await rows.count()).toBe(1);
    expect(await page.inputValue("#k-name-0")).toBe("Bo Berg");
    expect(await page.evaluate("window.__stayed === true")).toBe(true);
    expect(page.url()).toBe(`${base}/kampanj`);
    await expectAxeClean(page, "kampanj: undertecknare");
    await page.close();
  }, 60_000);

  it("had no script errors, failed requests or CSP refusals", () => {
    expect(problems).toEqual([]);
  });
});
