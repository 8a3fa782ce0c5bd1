/**
 * The concordance, its charts and "who argued what" in a real browser (Debian's Chromium
 * through playwright-core) against the real server, over records of our own; axe-core on
 * both pages. Screenshots go to test/artifacts/ (git-ignored).
 */
import { parse } from "csv-parse/sync";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace.js";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { startSite, type Site } from "../helpers/site.js";
import { fixtureDb } from "../corpus/concordance/fixture.js";

const wide = { width: 1280, height: 900 };
const narrow = { width: 390, height: 844 };

describe.skipIf(!hasChromium)("concordance and who argued what in Chromium", () => {
  let site: Site;
  let context: BrowserContext;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startSite({ workspace: await Workspace.open({ db: fixtureDb() }), viewport: wide });
    ({ context, base } = site);
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  const open = (): Promise<Page> => openPage(context, problems);
  const cells = (page: Page, column: string) =>
    page.locator(`table.kwic tbody td.${column}`).evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ""));

  it("finds a word in all its inflections, and sorting by the word before or after changes the order", async () => {
    const page = await open();
    await page.goto(`${base}/korpus/konkordans`);
    await page.fill("#q", "sexköpare");
    await Promise.all([page.waitForURL(/q=sexk/), page.click('form[role="search"] button[type="submit"]')]);
    expect(await cells(page, "kwic-keyword")).toEqual(["sexköpare", "sexköpare", "Sexköpare"]);

    await page.check("#bojning");
    await Promise.all([page.waitForURL(/bojning=1/), page.click('form[role="search"] button[type="submit"]')]);
    const byDate = await cells(page, "kwic-keyword");
    expect(byDate.length).toBe(5);
    expect(await page.textContent("[data-total]")).toContain("5 förekomster i 3 dokument");

    // The column head sorts by the word before the keyword.
    await Promise.all([page.waitForURL(/sortera=vanster/), page.click("th.kwic-left a")]);
    const lastWordBefore = (await cells(page, "kwic-left")).map((s) => s.split(" ").at(-1));
    expect(lastWordBefore).toEqual(["En", "många", "når", "och", "stöd."]);
    expect(await page.getAttribute("th.kwic-left", "aria-sort")).toBe("ascending");
    await screenshot(page, "konkordans-1280");
    await expectAxeClean(page, "konkordans");

    // And the select in the form by the word after it.
    await page.selectOption("#sortera", "hoger");
    await Promise.all([page.waitForURL(/sortera=hoger/), page.click('form[role="search"] button[type="submit"]')]);
    const firstWordAfter = (await cells(page, "kwic-right")).map((s) => s.split(" ")[0]);
    expect(firstWordAfter).toEqual(["har", "ska", "ska", "som", "tidigt."]);
    expect(firstWordAfter).not.toEqual(lastWordBefore);

    // Each line links to its record.
    const first = page.locator("table.kwic tbody td.kwic-record a").first();
    expect(await first.getAttribute("href")).toBe("/korpus/i-2023-v");
    await page.close();
  });

  it("the export links carry the query, sort and filters, and download the lines", async () => {
    const page = await open();
    await page.goto(`${base}/korpus/konkordans?q=sexk%C3%B6pare&bojning=1&sortera=vanster&party=L&party=V`);
    const href = (await page.getAttribute('a[data-export="csv"]', "href")) ?? "";
    const url = new URL(href, base);
    expect(url.pathname).toBe("/api/corpus/concordance/export");
    expect(Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== "party"))).toMatchObject({
      format: "csv",
      q: "sexköpare",
      inflections: "true",
      sort: "left",
    });
    expect(url.searchParams.getAll("party")).toEqual(["L", "V"]);
    expect(await page.getAttribute('a[data-export="jsonl"]', "href")).toContain("format=jsonl");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click('a[data-export="csv"]')]);
    expect(download.suggestedFilename()).toBe("motionera-konkordans.csv");
    const stream = await download.createReadStream();
    let text = "";
    for await (const chunk of stream) text += chunk.toString();
    const rows = parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.document_id)).toEqual(["d-2023-l-kd", "i-2023-v", "d-2023-l-kd"]);
    expect(rows.map((r) => r.left?.split(" ").at(-1))).toEqual(["En", "många", "når"]);
    await page.close();
  });

  it("draws the counts as pictures: a bar per year and per party, each an image with a Swedish name", async () => {
    const page = await open();
    await page.goto(`${base}/korpus/konkordans?q=sexk%C3%B6pare&bojning=1`);
    const years = page.locator("svg.chart-years");
    expect(await years.getAttribute("role")).toBe("img");
    // 2021, 2022 (none) and 2023.
    expect(await years.locator("rect.chart-bar").count()).toBe(3);
    expect(
      await years.locator("rect.chart-bar").evaluateAll((r) => r.map((e) => e.getAttribute("data-value"))),
    ).toEqual(["2", "0", "3"]);
    const parties = page.locator("svg.chart-parties");
    expect(await parties.locator("rect.chart-bar").count()).toBe(4);
    // The accessible name and description as the browser computes them.
    const snapshot = await page.locator(".kwic-charts").ariaSnapshot();
    expect(snapshot).toContain("Förekomster av ”sexköpare” per år");
    expect(snapshot).toContain("Förekomster av ”sexköpare” per parti");
    const ids = ((await years.getAttribute("aria-labelledby")) ?? "").split(" ");
    const named = await Promise.all(ids.map((id) => page.locator(`#${id}`).textContent()));
    expect(named).toEqual(["Förekomster av ”sexköpare” per år", "2021: 2, 2022: 0, 2023: 3."]);
    const partyDesc = await parties.evaluate((svg) => svg.querySelector("desc")?.textContent ?? "");
    expect(partyDesc).toContain("Socialdemokraterna: 2");
    expect(partyDesc).toContain("Vänsterpartiet: 1");
    await page.setViewportSize(narrow);
    await screenshot(page, "konkordans-390");
    await expectAxeClean(page, "konkordans (390 px)");
    await page.close();
  });

  it("who argued what: a topic's arguments by stance and party, with the record and its date", async () => {
    const page = await open();
    await page.goto(`${base}/korpus/argument`);
    await page.selectOption("#amne", "kast");
    await Promise.all([page.waitForURL(/topic=kast/), page.click("form button[type=submit]")]);
    expect(await page.locator(".argued h2").allTextContents()).toEqual(["För (1 argument)", "Emot (1 argument)"]);
    const against = page.locator(".argued-against");
    expect(await against.locator("h3").allTextContents()).toEqual(["Socialdemokraterna (S)", "Vänsterpartiet (V)"]);
    expect(await against.locator(".claim").first().textContent()).toBe("Ett förbud flyttar handeln.");
    const cite = against.locator(".citation").first();
    expect(await cite.textContent()).toContain("4 maj 2022");
    expect(await cite.locator("a").getAttribute("href")).toBe("/korpus/m-2022-s-v");
    await screenshot(page, "argument-1280");
    await expectAxeClean(page, "vem argumenterade vad");
    await page.setViewportSize(narrow);
    await screenshot(page, "argument-390");
    await page.close();
  });

  it("the search page links to the concordance with the same query and filters", async () => {
    const page = await open();
    await page.goto(`${base}/korpus?q=sexk%C3%B6pare&party=V`);
    const link = page.locator(".concordance-link a");
    expect(await link.getAttribute("href")).toBe("/korpus/konkordans?q=sexk%C3%B6pare&party=V");
    await Promise.all([page.waitForURL(/konkordans/), link.click()]);
    expect(await page.inputValue("#q")).toBe("sexköpare");
    expect(await cells(page, "kwic-keyword")).toEqual(["sexköpare"]);
    await page.close();
  });

  it("no script errors on any page", () => {
    expect(problems).toEqual([]);
  });
});
