/**
 * "Redigera texten" in Chromium: a sentence edited in the draft's text shows in the preview and
 * in the downloaded DOCX with its notes; a changed signer keeps the edit; a broken note mark is
 * refused at the field with its line; a change of municipality asks first, naming the edited
 * paragraph, and keeps or discards the edit as chosen. axe finds nothing serious.
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { startStaffSite, type StaffSite } from "../helpers/staff-site.js";

/**
 * Without script every button posts its form, and the answer is /utkast again, so waiting for that URL would not
 * wait at all: this waits for the answer's page to be shown and loaded.
 */
async function submitWithoutScript(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent("framenavigated", (f) => f === page.mainFrame()), page.click(selector)]);
  await page.waitForLoadState("load");
  expect(page.url()).toMatch(/\/utkast$/);
}

const original = "Det här borde inte vara en fråga som delar partierna.";
const edited = "Den här frågan har fullmäktige redan fått vänta alltför länge på.";

describe.skipIf(!hasChromium)("editing the draft's text in Chromium", () => {
  let site: StaffSite;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startStaffSite({ token: "personalens-nyckel" });
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  it("edits a sentence, previews and downloads it, keeps it for a new signer, and asks before a new municipality", {
    timeout: 120_000,
  }, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
    const page = await openPage(context, problems);
    await page.goto(`${site.base}/?template=kast-avtal&kommun=Lidingö`);
    await page.fill("#f-name-0", "Anna Andersson");
    await page.click("text=Redigera texten");
    const text = page.locator("#f-editedMarkdown");
    await text.waitFor();
    const body = await text.inputValue();
    expect(body).toContain(original);
    expect(body).toMatch(/\[\^1\]/);
    expect(body).toContain("⟦underskrifter⟧");
    expect(body).not.toContain("Anna Andersson");
    await expectAxeClean(page, "redigera texten");

    // The edit shows in the live preview, with the notes still there.
    await text.fill(body.replace(original, edited));
    const preview = page.locator("#forhandsvisning");
    await expect.poll(async () => (await preview.textContent()) ?? "", { timeout: 10_000 }).toContain(edited);
    expect(await preview.textContent()).toContain("Förhandsvisningen visar din redigerade text.");
    expect(await preview.locator("sup, .footnote-ref, a[href^='#not']").count()).toBeGreaterThan(0);
    await screenshot(page, "redigera-texten");

    // The download is the edited text.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Ladda ner DOCX")]);
    const docx = unzipSync(readFileSync((await download.path())!));
    const xml = strFromU8(docx["word/document.xml"]!);
    expect(xml).toContain(edited);
    expect(xml).not.toContain(original);
    expect(strFromU8(docx["word/footnotes.xml"]!)).toMatch(/w:footnote w:id="1"/);

    // A new signer: the edit stays, the signature follows the form.
    await page.fill("#f-name-0", "Bertil Berg");
    await expect.poll(async () => (await preview.textContent()) ?? "", { timeout: 10_000 }).toContain("Bertil Berg");
    expect(await preview.textContent()).toContain(edited);
    expect(await text.inputValue()).toContain(edited);

    // A broken note mark is refused at the field, naming its line.
    const line = (await text.inputValue()).split("\n").findIndex((l) => l.includes("[^1]")) + 1;
    await text.fill((await text.inputValue()).replace("[^1]", "[^1"));
    await page.click("button[value=preview]");
    await expect
      .poll(async () => (await preview.textContent()) ?? "", { timeout: 10_000 })
      .toMatch(new RegExp(`Rad ${line} \\(”[^”]+”\\): notmarkeringen "\\[\\^1" är trasig`));
    await text.fill((await text.inputValue()).replace("[^1", "[^1]"));
    await page.locator("[data-edit-text]").screenshot({ path: "/tmp/edit16-editor-1280.png" });

    // One Backspace after a note mark takes the whole mark, never half of it.
    const at = (await text.inputValue()).indexOf("[^1]") + 4;
    await text.evaluate(
      (el, i) => (el as unknown as { setSelectionRange(a: number, b: number): void }).setSelectionRange(i, i),
      at,
    );
    await text.press("Backspace");
    expect(await text.inputValue()).not.toMatch(/\[\^1\]|\[\^(?!\d+\])/);

    // Another municipality: the page asks first, naming the edited paragraph.
    await page.fill("#f-kommun", "Vaxholm");
    const conflict = preview.locator("[data-edit-conflict]");
    await conflict.waitFor({ timeout: 10_000 });
    expect(await conflict.textContent()).toContain("Dina ändringar i stycket ”Den här frågan har fullmäktige");
    // Only the municipality changed, and the question says just that.
    expect(await conflict.textContent()).toContain(
      "Du har bytt kommun. Texten du har redigerat hör till den förra kommunen.",
    );
    await expectAxeClean(page, "ändringarna försvinner");
    await screenshot(page, "redigera-texten-byt-kommun");
    await conflict.screenshot({ path: "/tmp/edit16-conflict-1280.png" });
    await Promise.all([page.waitForURL(/\/utkast$/), conflict.locator("button[name=keepEdits]").click()]);
    expect(await page.inputValue("#f-kommun")).toBe("Lidingö");
    expect(await page.inputValue("#f-editedMarkdown")).toContain(edited);
    expect(await page.inputValue("#f-name-0")).toBe("Bertil Berg");

    await page.fill("#f-kommun", "Vaxholm");
    await preview.locator("[data-edit-conflict]").waitFor({ timeout: 10_000 });
    await Promise.all([
      page.waitForURL(/\/utkast$/),
      preview.locator("[data-edit-conflict] button[name=discardEdits]").click(),
    ]);
    expect(await page.inputValue("#f-kommun")).toBe("Vaxholm");
    expect(await page.locator("#f-editedMarkdown").count()).toBe(0);
    await expect.poll(async () => (await preview.textContent()) ?? "", { timeout: 10_000 }).toContain("Vaxholm");
    expect(await preview.textContent()).not.toContain(edited);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("works without script: edit, preview, reset", { timeout: 120_000 }, async () => {
    const context = await site.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "sv-SE",
      javaScriptEnabled: false,
    });
    const page = await openPage(context, problems);
    page.setDefaultTimeout(15_000);
    await page.goto(`${site.base}/?template=kast-avtal&kommun=Lidingö&name.0=Anna+Andersson`);
    await submitWithoutScript(page, "text=Redigera texten");
    const text = page.locator("#f-editedMarkdown");
    await text.fill((await text.inputValue()).replace(original, edited));
    await submitWithoutScript(page, "button[value=preview]");
    expect(await page.locator("#forhandsvisning").textContent()).toContain(edited);
    expect(await page.inputValue("#f-editedMarkdown")).toContain(edited);
    // (axe runs as a script: it is run on the page with the script, in the test above)
    await screenshot(page, "redigera-texten-smal-utan-skript");
    await page.locator("[data-edit-text]").screenshot({ path: "/tmp/edit16-editor-390.png" });
    await submitWithoutScript(page, "text=Återställ texten");
    expect(await page.locator("#f-editedMarkdown").count()).toBe(0);
    expect(await page.locator("#forhandsvisning").textContent()).toContain(original);
    expect(problems).toEqual([]);
    await context.close();
  });
});
