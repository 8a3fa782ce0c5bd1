/**
 * The template editor in a real browser (Debian's Chromium through playwright-core): sign in,
 * start a template from the starter, break it and see the problem at its line (the link
 * selects that line), fix it, watch the preview for Lidingö follow the text, save it, and find
 * it on the draft form. axe finds nothing serious on the pages. A copy of templates/ in a temp
 * folder; screenshots in test/artifacts/ (git-ignored).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { repoRoot } from "../helpers/cli.js";
import { signIn, startStaffSite, type StaffSite } from "../helpers/staff-site.js";

const token = "webbmallnyckel";

describe.skipIf(!hasChromium)("the template editor in Chromium", () => {
  let site: StaffSite;
  let base: string;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "motionera-mallar-"));
    cpSync(join(repoRoot, "templates"), dir, { recursive: true });
    site = await startStaffSite({
      token,
      workspace: { templatesDir: dir, today: "2026-11-24" },
      viewport: { width: 1280, height: 900 },
    });
    base = site.base;
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  /** The line (1-based) and the text of the textarea's selection. */
  const selection = (page: Page) =>
    page.evaluate(`(() => {
      const t = document.getElementById("m-text");
      return {
        line: t.value.slice(0, t.selectionStart).split("\\n").length,
        text: t.value.slice(t.selectionStart, t.selectionEnd),
        focused: document.activeElement === t,
      };
    })()`) as Promise<{ line: number; text: string; focused: boolean }>;

  it("signs in, starts from the starter, shows an error at its line, previews for Lidingö, saves", async () => {
    const page = await openPage(site.context, problems);
    expect(await signIn(page, site, "/personal/mallar")).toContain("/personal/logga-in");
    expect(await page.textContent("h1")).toBe("Mallar");
    expect(await page.textContent("table")).toContain("kast-avtal");
    await expectAxeClean(page, "mallar");
    await screenshot(page, "mallar-lista");

    // "Ny mall" from the starter of a motion.
    await page.fill("#n-id", "fler-klarar-skolan");
    await page.selectOption("#n-typ", "motion");
    await Promise.all([
      page.waitForURL(/\/personal\/mallar\/ny\?/),
      page.click("section[aria-labelledby=ny-mall-rubrik] button"),
    ]);
    expect(await page.inputValue("#m-text")).toContain("id: fler-klarar-skolan");
    expect(await page.textContent("#m-position")).toMatch(/^Rad \d+, kolumn \d+$/);

    // The preview for Lidingö follows the text as it is typed.
    await page.fill("#m-kommun", "Lidingö");
    await expect.poll(() => page.textContent("#forhandsvisning"), { timeout: 10_000 }).toContain("på Lidingö");
    const text = await page.inputValue("#m-text");
    await page.fill("#m-text", text.replace("# Rubrik för motionen", "# Fler ska klara skolan"));
    await expect
      .poll(() => page.textContent("#forhandsvisning article h3"), { timeout: 10_000 })
      .toBe("Fler ska klara skolan på Lidingö");

    // A misspelt helper: "Kontrollera" lists it at its line; the link selects that line.
    const lines = (await page.inputValue("#m-text")).split("\n");
    const line = lines.findIndex((l) => l.startsWith("{{pronoun")) + 1;
    lines[line - 1] = lines[line - 1]!.replace("{{pronoun", "{{pronomen");
    await page.fill("#m-text", lines.join("\n"));
    // The live preview says it cannot be shown, with the problem at its line.
    await expect
      .poll(() => page.textContent("#forhandsvisning"), { timeout: 10_000 })
      .toContain("kan inte visas förrän mallens fel är rättade");
    await Promise.all([page.waitForURL(/\/personal\/mallar\/redigera$/), page.click("button[value=kontrollera]")]);
    const check = (await page.textContent("#kontroll"))!.replace(/\s+/g, " ");
    expect(check).toContain("1 fel och inga varningar");
    expect(check).toContain(`Rad ${line}, kolumn 1`);
    expect(check).toContain('okänd hjälpfunktion "pronomen"');
    expect(await page.inputValue("#m-kommun")).toBe("Lidingö");
    await page.click(`#kontroll a[data-goto-line="${line}"]`);
    const selected = await selection(page);
    expect(selected.focused).toBe(true);
    expect(selected.line).toBe(line);
    expect(selected.text).toContain("{{pronomen");
    expect(await page.textContent("#m-position")).toBe(`Rad ${line}, kolumn 1`);
    await expectAxeClean(page, "mallredigerare med fel");
    await screenshot(page, "mallredigerare-fel");

    // Fixed: the preview comes back for Lidingö.
    await page.fill("#m-text", (await page.inputValue("#m-text")).replace("{{pronomen", "{{pronoun"));
    await expect
      .poll(() => page.textContent("#forhandsvisning article h3"), { timeout: 10_000 })
      .toBe("Fler ska klara skolan på Lidingö");
    expect(await page.textContent("#forhandsvisning")).toContain("Att göra innan du lämnar in");
    // The check under the form follows the text too.
    await expect
      .poll(() => page.textContent("#kontroll"), { timeout: 10_000 })
      .toContain("Inga fel och inga varningar");
    await screenshot(page, "mallredigerare-forhandsvisning");

    // Saved, listed, and offered on the draft form.
    await Promise.all([page.waitForURL(/sparad=fler-klarar-skolan/), page.click("button[value=spara]")]);
    expect(await page.textContent("[role=status]")).toContain("fler-klarar-skolan");
    expect(existsSync(join(dir, "motion", "fler-klarar-skolan.hbs"))).toBe(true);
    await page.goto(`${base}/`);
    expect(await page.locator('#f-template option[value="fler-klarar-skolan"]').count()).toBe(1);
    expect(problems).toEqual([]);
  }, 90_000);

  it("works without JavaScript, on a narrow screen: edit, preview with the button, save", async () => {
    const plain = await site.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "sv-SE",
      javaScriptEnabled: false,
    });
    try {
      const page = await openPage(plain, problems);
      page.setDefaultTimeout(15_000);
      await page.goto(`${base}/personal/logga-in?till=%2Fpersonal%2Fmallar%2Fredigera%2Fskolresultat`);
      await page.fill("#s-token", token);
      await Promise.all([page.waitForURL(/redigera\/skolresultat$/), page.click("button[type=submit]")]);
      expect(await page.textContent("h1")).toBe("Redigera skolresultat");
      expect(await page.textContent("#kontroll")).toContain("Inga fel och inga varningar");
      await page.fill("#m-kommun", "Lidingö");
      await Promise.all([page.waitForURL(/redigera$/), page.click("button[value=forhandsgranska]")]);
      expect(await page.textContent("#forhandsvisning article")).toContain("Lidingö");
      // (axe runs as a script: it is run on the editor with the script, in the test above)
      await screenshot(page, "mallredigerare-smal-utan-skript");
      // What a phone shows at a time: the text field, then the preview.
      await page.screenshot({ path: join(artifacts, "mallredigerare-smal-text.png") });
      await page.locator("#forhandsvisning-rubrik").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, "mallredigerare-smal-forhandsvisning.png") });
      const text = await page.inputValue("#m-text");
      await page.fill("#m-text", text.replace(/^title: .*$/m, "title: Fler elever ska klara skolan"));
      await Promise.all([page.waitForURL(/sparad=skolresultat/), page.click("button[value=spara]")]);
      expect(await page.textContent("[role=status]")).toContain("Fler elever ska klara skolan");
      await screenshot(page, "mallar-lista-smal");
      expect(readFileSync(join(dir, "motion", "skolresultat.hbs"), "utf8")).toContain(
        "title: Fler elever ska klara skolan",
      );
    } finally {
      await plain.close();
    }
    expect(problems).toEqual([]);
  }, 90_000);
});
