/**
 * Saved drafts in Chromium: without a sign-in "Spara utkast" keeps the draft in the browser, the list
 * "Mina sparade utkast" survives a reload and reopens it prefilled (and removes it); signed in with a write token
 * the draft goes to the store and /utkast/<id> shows it with its link; a colleague opens the link, saves a
 * version (the history names both) and duplicates it; after a fact changes, "som när utkastet sparades" and
 * "som de är nu" differ and the page lists the change. axe finds nothing serious on any of these pages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../../src/tokens/issue.js";
import { join } from "node:path";
import { artifacts, expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { startStaffSite, type StaffSite } from "../helpers/staff-site.js";
import type { Page } from "playwright-core";

describe.skipIf(!hasChromium)("saved drafts in Chromium", () => {
  let site: StaffSite;
  let base: string;
  let anna: string;
  let bo: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startStaffSite({ token: "personalens-nyckel", serve: { draftsPerMinute: 0, previewsPerMinute: 0 } });
    base = site.base;
    anna = (await issueToken(site.workspace.store, "anna", "write")).secret;
    bo = (await issueToken(site.workspace.store, "bo", "write")).secret;
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    expect(problems).toEqual([]);
  });

  const signInAs = async (page: Page, secret: string) => {
    await page.goto(`${base}/personal/logga-in?till=%2Futkast%2Fsparade`);
    await page.fill("#s-token", secret);
    await Promise.all([page.waitForURL(`${base}/utkast/sparade`), page.click("button[type=submit]")]);
  };

  it("keeps a draft in the browser, lists it after a reload, reopens it prefilled, and removes it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
    const page = await openPage(context, problems);
    await page.goto(`${base}/?template=kast-avtal&kommun=Lidingö`);
    await page.fill("#f-name-0", "Anna Andersson");
    await page.fill("#f-input-background", "Vår egen bakgrund i webbläsaren.");
    const list = page.locator("[data-browser-drafts-list]");
    expect(await list.textContent()).toContain("Du har inga sparade utkast i den här webbläsaren.");
    await page.click("[data-save-in-browser]");
    expect(await page.textContent("[data-browser-drafts-status]")).toBe("Utkastet är sparat i webbläsaren.");
    expect(new URL(page.url()).pathname).toBe("/");
    await page.reload();
    expect(await list.locator("li").count()).toBe(1);
    expect(await list.textContent()).toContain("Lidingö");
    await expectAxeClean(page, "formuläret med ett sparat utkast i webbläsaren");
    await screenshot(page, "sparade-utkast-webblasaren");
    await page.locator(".save-draft").screenshot({ path: join(artifacts, "spara-utkast-webblasaren.png") });

    await page.goto(`${base}/`);
    expect(await page.inputValue("#f-name-0")).toBe("");
    await Promise.all([page.waitForURL(/kommun=Liding/), list.getByRole("button", { name: /^Öppna/ }).click()]);
    expect(await page.inputValue("#f-name-0")).toBe("Anna Andersson");
    expect(await page.inputValue("#f-kommun")).toBe("Lidingö");
    expect(await page.inputValue("#f-input-background")).toBe("Vår egen bakgrund i webbläsaren.");
    await list.getByRole("button", { name: /^Ta bort/ }).click();
    expect(await page.textContent("[data-browser-drafts-status]")).toBe("Utkastet är borttaget.");
    await page.reload();
    expect(await list.textContent()).toContain("Du har inga sparade utkast i den här webbläsaren.");
    await context.close();
  }, 60_000);

  it("saves in the store; a colleague opens the link, saves a version, duplicates; facts then and now", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
    const page = await openPage(context, problems);
    await signInAs(page, anna);
    await page.goto(`${base}/?template=kast-avtal&kommun=Lidingö`);
    await page.fill("#f-name-0", "Anna Andersson");
    await page.fill("#f-input-background", "Annas bakgrund.");
    expect(await page.locator("[data-browser-drafts]").count()).toBe(0);
    await Promise.all([page.waitForURL(/\/utkast\/[A-Za-z0-9_-]{22}\?sparat=1$/), page.click("text=Spara utkast")]);
    const id = /\/utkast\/([A-Za-z0-9_-]{22})/.exec(page.url())![1]!;
    expect(await page.textContent("[data-notice]")).toContain("Utkastet är sparat.");
    expect(await page.inputValue("#f-input-background")).toBe("Annas bakgrund.");
    const link = await page.inputValue("[data-share-link]");
    expect(link).toBe(`${base}/utkast/${id}`);
    await expectAxeClean(page, "sparat utkast");
    await screenshot(page, "sparat-utkast");

    // A fact the draft cites changes after the save.
    await site.workspace.store.addFact({
      subject: "0186",
      key: "mika_kast_agreement",
      value: { type: "boolean", value: false },
      asOf: "2026-11-30",
      source: { title: "Protokoll från socialnämnden (test)", publisher: "Lidingö stad", date: "2026-11-30" },
    });

    // The colleague opens the link.
    const other = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
    const colleague = await openPage(other, problems);
    await colleague.goto(link);
    await colleague.waitForURL(/\/personal\/logga-in\?till=/);
    await colleague.fill("#s-token", bo);
    await Promise.all([colleague.waitForURL(link), colleague.click("button[type=submit]")]);
    expect(await colleague.inputValue("#f-input-background")).toBe("Annas bakgrund.");
    const changes = colleague.locator(".fact-changes");
    expect(await changes.textContent()).toMatch(/Avtal med Mikamottagningen och KAST.*, Lidingö/);
    expect(await changes.textContent()).toContain("nej (avser 30 november 2026; registrerad");
    expect(await colleague.textContent("[data-facts-in-use]")).toContain("när utkastet sparades");
    const preview = colleague.locator("#forhandsvisning");
    await expect.poll(async () => (await preview.textContent()) ?? "", { timeout: 10_000 }).not.toContain("(test)");
    await colleague.check('input[name="fakta"][value="nu"]');
    await Promise.all([colleague.waitForURL(/fakta=nu/), colleague.click(".facts-choice button[type=submit]")]);
    expect(await colleague.textContent("[data-facts-in-use]")).toContain("som de är nu");
    await expect.poll(async () => (await preview.textContent()) ?? "", { timeout: 10_000 }).toContain("(test)");
    await expectAxeClean(colleague, "sparat utkast, uppgifterna nu");
    await screenshot(colleague, "sparat-utkast-nu");
    await colleague.locator(".saved-draft").screenshot({ path: join(artifacts, "sparat-utkast-panel.png") });

    await colleague.fill("#f-input-background", "Bos ändring.");
    await Promise.all([colleague.waitForURL(/sparat=1/), colleague.click("text=Spara ny version")]);
    expect(await colleague.textContent("[data-notice]")).toContain("Version 2 är sparad.");
    await colleague.click("summary:has-text('Historik')");
    const history = colleague.locator(".saved-draft-history tbody tr");
    expect(await history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain("bo");
    expect(await history.nth(1).textContent()).toContain("anna");
    await Promise.all([colleague.waitForURL(/version=1/), history.nth(1).getByRole("link").click()]);
    expect(await colleague.inputValue("#f-input-background")).toBe("Annas bakgrund.");

    await colleague.goto(link);
    await colleague.getByRole("button", { name: "Duplicera" }).click();
    await colleague.waitForURL((u) => /\/utkast\/[A-Za-z0-9_-]{22}\?sparat=1$/.test(u.href) && !u.href.includes(id));
    expect(await colleague.textContent(".saved-draft")).toContain("Duplicerat från");
    expect(await colleague.inputValue("#f-input-background")).toBe("Bos ändring.");
    expect((await site.workspace.store.savedDraft(id))?.versions).toHaveLength(2);

    // An unknown id: the Swedish 404 with a way back.
    await colleague.goto(`${base}/utkast/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(await colleague.textContent("h1")).toBe("Utkastet finns inte");
    await expectAxeClean(colleague, "okänt utkast");
    await other.close();
    await context.close();
  }, 120_000);
});
