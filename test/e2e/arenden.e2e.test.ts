/**
 * Ärenden in Chromium: a visitor is told to sign in with a write token and comes back; staff
 * mark a motion as filed, add a step (remitterad), see the history, find it in the list filtered
 * by signer with its days left, and fetch the signer's calendar as text/calendar. axe finds
 * nothing serious on the list, the filled form with problems, or the ärende's page. Then the forms
 * the CLI has: a correction of the filing, the follow-up's preview and Word file, meetings read
 * from a CSV file (a bad line named), a decision with a fact (a bad value at its field).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/lang/dates.js";
import { daysBetween, oneYearAfter } from "../../src/filings/deadlines.js";
import { issueToken } from "../../src/tokens/issue.js";
import { actingAs } from "../../src/store/actor-context.js";
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

  it("corrects the filing, drafts the follow-up, reads meetings from a file and records a decision", async () => {
    const filing = await actingAs({ kind: "cli", user: "eva" }, () =>
      site.workspace.store.addFiling({
        kind: "motion",
        title: "Simskola för alla barn",
        municipality: { code: "0186", name: "Lidingö" },
        signers: [{ name: "Eva Ek", party: "V" }],
        filed: { kind: "filed", date: "2025-01-15", dnr: "KS 2025/0030", body: "kommunfullmäktige" },
      }),
    );
    const here = `${site.base}/arenden/${filing.id}`;
    const page = await openPage(site.context, problems);
    await page.goto(here);
    // Signed in by the test before when it ran; otherwise sign in here and come back.
    if ((await page.locator("[data-sign-in-needed]").count()) > 0) {
      await page.click("text=Logga in och kom tillbaka hit");
      await page.fill("#s-token", writer);
      await page.click("button[type=submit]");
      await page.waitForURL(here);
    }

    // "Rättar": the filing's diary number, the rest kept.
    await page.selectOption("#s-rattar", "1");
    await page.fill("#s-skal", "fel diarienummer");
    await page.fill("#s-dnr", "KS 2025/0031");
    await screenshot(page, "arenden-rattelse");
    await page.click("button:has-text('Spara steget')");
    await page.waitForURL(/\?sparat=1$/);
    const history = (await page.textContent("[data-history]")) ?? "";
    expect(history).toContain("Rättelse av steg 1 (fel diarienummer): Inlämnad 15 januari 2025");
    expect(history).toContain("dnr KS 2025/0031");
    expect(history).toContain("Rättat i steg 2.");

    // The follow-up: the preview, and the draft as Word.
    await page.fill("#u-till", "kommunstyrelsens ordförande");
    await page.click("button:has-text('Skriv utkastet')");
    await page.waitForURL(/\/uppfoljning\?till=/);
    expect(await page.textContent("[data-follow-up-preview]")).toContain("KS 2025/0031");
    await expectAxeClean(page, "uppföljande interpellation");
    await screenshot(page, "arenden-uppfoljning");
    const docx = await page.request.get(`${site.base}${await page.getAttribute("[data-downloads] a", "href")}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()["content-type"]).toContain("wordprocessingml");

    // Meetings from a file: a bad line named, then the file read.
    await page.goto(`${site.base}/arenden/sammantraden?kommun=Liding%C3%B6`);
    const csv = (rows: string) => ({ name: "möten.csv", mimeType: "text/csv", buffer: Buffer.from(rows) });
    await page.setInputFiles("#f-fil", csv("datum\n2026-12-14\n14 dec\n"));
    await page.click("button:has-text('Läs in filen')");
    expect(await page.textContent(".error-summary")).toContain('möten.csv: rad 3: "14 dec" är inget datum');
    await expectAxeClean(page, "sammanträden, fil med fel");
    await screenshot(page, "arenden-sammantraden-fel");
    await page.setInputFiles("#f-fil", csv("datum\n2026-12-14\n2027-02-08\n"));
    await page.click("button:has-text('Läs in filen')");
    await page.waitForURL(/sparat=1/);
    expect(await page.textContent("[data-notice]")).toContain("2 sammanträden har lagts till.");
    expect(await page.textContent("[data-meetings]")).toContain("8 februari 2027");
    await screenshot(page, "arenden-sammantraden");

    // The decision with its corpus record and a fact: a bad value at its field first.
    await page.goto(here);
    await page.selectOption("#s-steg", "decided");
    await page.fill("#s-datum", "2026-11-30");
    await page.selectOption("#s-beslut", "bifall");
    await page.fill("#s-protokoll", "Protokoll kommunfullmäktige 2026-11-30");
    await page.fill("#s-utgivare", "Lidingö stad");
    await page.check("#s-korpus");
    await page.selectOption("#s-fakta-0-nyckel", "action_plan_sells_sex");
    await page.fill("#s-fakta-0-varde", "kanske");
    await page.click("button:has-text('Spara steget')");
    expect(await page.textContent("#err-s-fakta-0-varde")).toContain("kanske");
    expect(await page.isChecked("#s-korpus")).toBe(true);
    await expectAxeClean(page, "beslut med fel i en uppgift");
    await screenshot(page, "arenden-beslut-fel");
    await page.fill("#s-fakta-0-varde", "ja");
    await page.click("button:has-text('Spara steget')");
    await page.waitForURL(/sparat=1/);
    expect(await page.textContent("[data-notice]")).toContain("1 uppgift sparades för kommunen.");
    expect(problems).toEqual([]);
  }, 90_000);
});
