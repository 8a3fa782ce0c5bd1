/**
 * Ärenden in Chromium: a visitor is told to sign in with a write token and comes back; staff
 * mark a motion as filed, add a step (remitterad), see the history, find it in the list filtered
 * by signer with its days left, and fetch the signer's calendar as text/calendar. axe finds
 * nothing serious on the list, the filled form with problems, or the ärende's page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/lang/dates.js";
import { daysBetween, oneYearAfter } from "../../src/filings/deadlines.js";
import { issueToken } from "../../src/tokens/issue.js";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { startStaffSite, type StaffSite } from "../helpers/staff-site.js";

describe.skipIf(!hasChromium)("ärenden in Chromium", () => {
  let site: StaffSite;
  let writer: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startStaffSite({ token: "personalens-nyckel" });
    writer = (await issueToken(site.workspace.store, "skribent", "write")).secret;
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  it("files a motion, adds a step, lists it with days left and serves the calendar", async () => {
    const page = await openPage(site.context, problems);
    await page.goto(`${site.base}/arenden`);
    expect(await page.textContent("[data-sign-in-needed]")).toContain("rollen write eller admin");
    await expectAxeClean(page, "ärenden, inte inloggad");
    await page.click("text=Logga in och kom tillbaka hit");
    await page.waitForURL(/\/personal\/logga-in\?till=/);
    await page.fill("#s-token", writer);
    await page.click("button[type=submit]");
    await page.waitForURL(`${site.base}/arenden`);

    // A problem at its field first, what was typed kept.
    const today = todayInSweden();
    const filed = new Date(Date.parse(`${today}T00:00:00Z`) - 40 * 86_400_000).toISOString().slice(0, 10);
    await page.selectOption("#a-slag", "motion");
    await page.fill("#a-titel", "Läxhjälp på biblioteken");
    await page.fill("#a-kommun", "Lidingö");
    await page.fill("#a-undertecknare", "Eva Ek (V)");
    await page.fill("#a-datum", filed);
    await page.click("button:has-text('Markera som inlämnad')");
    expect(await page.textContent(".error-summary")).toContain("Diarienummer (dnr): Fyll i fältet.");
    expect(await page.inputValue("#a-titel")).toBe("Läxhjälp på biblioteken");
    await expectAxeClean(page, "markera som inlämnad, med fel");
    await screenshot(page, "arenden-inlamnad-fel");

    await page.fill("#a-dnr", "KS 2026/0150");
    await page.click("button:has-text('Markera som inlämnad')");
    await page.waitForURL(/\/arenden\/[a-z0-9-]+\?sparat=1$/);
    expect(await page.textContent("h1")).toBe("Läxhjälp på biblioteken");
    expect(await page.textContent("[data-notice]")).toContain("Ärendet är registrerat.");
    expect(await page.textContent("[data-status]")).toBe("inlämnad");

    await page.selectOption("#s-steg", "referred");
    await page.fill("#s-datum", today);
    await page.fill("#s-namnd", "barn- och ungdomsnämnden");
    await page.click("button:has-text('Spara steget')");
    await page.waitForURL(/\?sparat=1$/);
    const history = (await page.textContent("[data-history]")) ?? "";
    expect(history).toContain("Inlämnad");
    expect(history).toContain("dnr KS 2026/0150");
    expect(history).toContain("till barn- och ungdomsnämnden.");
    expect(history).toContain("skribent");
    expect(await page.textContent("[data-status]")).toBe("remitterad");
    await expectAxeClean(page, "ett ärende med historik");
    await screenshot(page, "arenden-arende");

    // The list, filtered by the signer: the row with its days left to the one-year mark.
    await page.click("text=Alla ärenden");
    await page.fill("#filter-undertecknare", "Eva Ek");
    await page.click("button:has-text('Visa')");
    await page.waitForURL(/undertecknare=Eva\+Ek/);
    const left = daysBetween(today, oneYearAfter(filed));
    const row = page.locator("tr[data-filing]");
    expect(await row.count()).toBe(1);
    expect(await row.locator("[data-days-left]").textContent()).toBe(`${left} dagar`);
    expect(await row.textContent()).toContain("remitterad");
    await expectAxeClean(page, "ärenden för Eva Ek");
    await screenshot(page, "arenden-lista");

    const href = await page.getAttribute("[data-calendar]", "href");
    expect(href).toBe("/arenden/kalender.ics?undertecknare=Eva+Ek");
    const ics = await page.request.get(`${site.base}${href}`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    const body = await ics.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain(`DTSTART;VALUE=DATE:${oneYearAfter(filed).replace(/-/g, "")}`);
    expect(problems).toEqual([]);
  }, 90_000);
});
