/**
 * The researcher's workbench in a real browser (Debian's Chromium through playwright-core)
 * against the real server, over the shipped records and two of our Riksdagen-shaped files:
 * tick S and V (the URL and the hits change, OR within the facet), a year range and an order,
 * export links that carry the search (the files hold the same records), a record with its
 * designation, decisions, full text and original, without file names, and the way back to the
 * same search. axe-core on the search and record pages. Screenshots in test/artifacts/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/corpus/import/import-files.js";
import { Workspace } from "../../src/workspace.js";
import { startSite, type Site } from "../helpers/site.js";
import { artifacts, expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { tempWorkspace } from "../helpers/cli.js";

const fixtures = join(import.meta.dirname, "../fixtures/riksdagen");

describe.skipIf(!hasChromium)("the researcher's workbench in Chromium", () => {
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const workspace = await Workspace.open({ db: tempWorkspace().db });
    const outcomes = await importFiles(workspace.store, [
      join(fixtures, "mot-enskild.json"),
      join(fixtures, "ip.json"),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    site = await startSite({ workspace: workspace, viewport: { width: 1280, height: 900 } });
    ({ browser, context, base } = site);
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    expect(problems).toEqual([]);
  });

  const count = async (page: Page) => Number(await page.getAttribute(".result-count", "data-result-count"));
  const hitMetas = async (page: Page) => page.locator(".hit-meta").allTextContents();
  const hitTitles = async (page: Page) => (await page.locator(".hit h3 a").allTextContents()).map((t) => t.trim());

  it("ticks S and V: URL and hits change, export links carry the search, the record leads back", async () => {
    const page = await openPage(context, problems);
    await page.goto(`${base}/korpus`);
    const all = await count(page);
    await expectAxeClean(page, "sökning");

    // Tick S: the URL says so, the hits are S's.
    await Promise.all([page.waitForURL(/party=S/), page.check("#f-party-S")]);
    const onlyS = await count(page);
    expect(onlyS).toBeLessThan(all);
    expect((await hitMetas(page)).every((m) => /\bS\b/.test(m))).toBe(true);
    // V is still offered, with the documents ticking it would add.
    expect(await page.isChecked("#f-party-S")).toBe(true);
    expect(await page.locator("#f-party-V").count()).toBe(1);

    // Tick V too: S or V.
    await Promise.all([page.waitForURL(/party=V/), page.check("#f-party-V")]);
    const url = new URL(page.url());
    expect(url.searchParams.getAll("party")).toEqual(["S", "V"]);
    expect([...url.searchParams.keys()].every((k) => k === "party")).toBe(true); // no empty fields
    const sOrV = await count(page);
    expect(sOrV).toBeGreaterThan(onlyS);
    expect((await hitMetas(page)).every((m) => /\b(S|V)\b/.test(m))).toBe(true);
    expect(await page.isChecked("#f-party-S")).toBe(true);
    expect(await page.isChecked("#f-party-V")).toBe(true);
    await screenshot(page, "arbetsbank-s-v");
    await page.screenshot({ path: "/tmp/workbench-search-s-v.png", fullPage: true });
    await expectAxeClean(page, "sökning S eller V");

    // A year range and an order: typed, submitted with the button; the address holds only what was chosen.
    await page.fill("#f-from", "2014");
    await page.fill("#f-to", "2020");
    await Promise.all([page.waitForURL(/from=2014/), page.click(".facets-submit button")]);
    const ranged = new URL(page.url());
    expect(ranged.searchParams.getAll("party")).toEqual(["S", "V"]);
    expect(ranged.searchParams.get("to")).toBe("2020");
    expect(ranged.searchParams.has("q")).toBe(false);
    const inRange = await count(page);
    expect(inRange).toBeLessThan(sOrV);
    expect(await page.locator(".chip").allTextContents()).toContainEqual(expect.stringContaining("år 2014–2020"));
    await Promise.all([page.waitForURL(/sort=oldest/), page.click(".sort-links a >> text=Äldst först")]);
    const years = (await hitMetas(page)).map((m) => Number(/\b(\d{4})\b/.exec(m)?.[1]));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years[0]).toBe(2014);
    const searchUrl = page.url();
    const titles = await hitTitles(page);
    await page.screenshot({ path: "/tmp/workbench-search-range.png", fullPage: true });
    await expectAxeClean(page, "sökning med årsspann och ordning");

    // Every export link carries the same search; the files hold the same records in the same order.
    const links = page.locator(".export-links a");
    expect(await links.count()).toBe(3);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
      const p = new URL(href, base).searchParams;
      expect(p.getAll("party")).toEqual(["S", "V"]);
      expect([p.get("from"), p.get("to"), p.get("sort")]).toEqual(["2014", "2020", "oldest"]);
    }
    const csvHref = await page.getAttribute('.export-links a[href*="format=csv"]', "href");
    const csv = await (await page.request.get(`${base}${csvHref}`)).text();
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.title)).toEqual(titles);
    expect(rows.every((r) => r.topic_labels!.split(" | ").length === r.topics!.split(" | ").length)).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('.export-links a[href*="format=jsonl"]'),
    ]);
    const file = join(artifacts, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe("motionera-korpus.jsonl");
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { title: string }).title)).toEqual(titles);

    // A record: its URL carries the search; its way back returns to the same search.
    await Promise.all([page.waitForURL(/\/korpus\/[a-z0-9-]+\?/), page.click("text=Fler cykelbanor i småorter")]);
    expect(new URL(page.url()).searchParams.getAll("party")).toEqual(["S", "V"]);
    expect(await page.textContent(".record-designation")).toBe("Motion 2014/15:1148");
    const decisions = page.locator("table.decisions tbody tr");
    expect(await decisions.count()).toBe(2);
    expect(await decisions.first().textContent()).toContain("Avslag");
    expect(await page.locator(".full-text p").count()).toBeGreaterThan(1);
    expect(await page.getAttribute('a:text("Dokumentet hos Sveriges riksdag")', "href")).toBe(
      "https://data.riksdagen.se/dokument/HZ01TEST1.html",
    );
    const body = (await page.textContent("body")) ?? "";
    expect(body).toContain("Påhittad Person (S)");
    expect(body).not.toMatch(/\.json\b|dokumentstatus/);
    await page.screenshot({ path: "/tmp/workbench-record.png", fullPage: true });
    await screenshot(page, "arbetsbank-post");
    await expectAxeClean(page, "post från riksdagen");

    await Promise.all([page.waitForURL(searchUrl), page.click("[data-back-to-search]")]);
    expect(page.url()).toBe(searchUrl);
    expect(await hitTitles(page)).toEqual(titles);
    expect(await page.isChecked("#f-party-S")).toBe(true);
    expect(await page.isChecked("#f-party-V")).toBe(true);
    expect(await page.inputValue("#f-from")).toBe("2014");
    await page.close();
  }, 120_000);

  it("works without the script: the filters submit with the button", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: "sv-SE" });
    const page = await openPage(ctx, problems);
    await page.goto(`${base}/korpus?q=prostitution`);
    await page.check("#f-party-S");
    await page.check("#f-party-V");
    await Promise.all([page.waitForURL(/party=V/), page.click(".facets-submit button")]);
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe("prostitution");
    expect(url.searchParams.getAll("party").sort()).toEqual(["S", "V"]);
    expect(await count(page)).toBeGreaterThan(0);
    await ctx.close();
  }, 60_000);
});
