/**
 * Named tokens in Chromium: a write through the API with a named token shows on the
 * municipality page under "Senaste ändringar" (who and when, in Swedish); a named admin token
 * signs in to the staff pages and its session ends when it is revoked; axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../../src/tokens/issue.js";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { startStaffSite, type StaffSite } from "../helpers/staff-site.js";

describe.skipIf(!hasChromium)("changes and named tokens in Chromium", () => {
  let site: StaffSite;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startStaffSite({ token: "tjanstens-nyckel" });
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  it("the municipality page lists the change a named token made", async () => {
    const { secret } = await issueToken(site.workspace.store, "redaktionen", "write");
    const res = await fetch(`${site.base}/api/facts`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        subject: "Lidingö",
        key: "mika_kast_agreement",
        value: "ja",
        asOf: "2026-02-01",
        source: { title: "Protokoll KS", publisher: "Lidingö stad", date: "2026-02-03" },
      }),
    });
    expect(res.status).toBe(201);
    const page = await openPage(site.context, problems);
    await page.goto(`${site.base}/kommun/Liding%C3%B6`);
    const section = page.locator("section.changes");
    expect(await section.locator("h2").textContent()).toBe("Senaste ändringar");
    const item = (await section.locator("li").first().textContent()) ?? "";
    expect(item).toMatch(/^\d{1,2} [a-zåäö]+ \d{4} kl\. \d\d\.\d\d token ”redaktionen” lade till en uppgift/);
    expect(item).toContain("Avtal med Mikamottagningen och KAST i Stockholm: ja (1 februari 2026)");
    await section.scrollIntoViewIfNeeded();
    await expectAxeClean(page, "kommunsida med ändringar");
    await screenshot(page, "kommun-senaste-andringar");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a named admin token signs in; revoking it ends the session", async () => {
    const { secret } = await issueToken(site.workspace.store, "kansliet", "admin");
    const page = await openPage(site.context, problems);
    await page.goto(`${site.base}/personal`);
    await page.getByLabel("Skrivnyckel").fill(secret);
    await Promise.all([
      page.waitForURL(`${site.base}/personal`),
      page.getByRole("button", { name: "Logga in" }).click(),
    ]);
    expect(await page.textContent("h1")).toBe("För partikansliet");
    await site.workspace.store.revokeToken("kansliet");
    await page.goto(`${site.base}/personal`);
    await page.waitForURL(/\/personal\/logga-in\?till=/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
