/**
 * The staff's statistics page in Chromium against the real server and the Kolada stand-in:
 * sign in, search, fetch for a county, watch the progress reach the report (with script, and
 * without: the page reloads itself); axe-clean throughout. Screenshots in test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { expectAxeClean, hasChromium, openPage, screenshot } from "../helpers/browser.js";
import { signIn as signInAt, startStaffSite, type StaffSite } from "../helpers/staff-site.js";
import { holdNext, startStatisticsStandIn, type StandIn } from "../helpers/statistics-stand-in.js";

const token = "rätt-nyckel";

describe.skipIf(!hasChromium)("the statistics page in Chromium", () => {
  let standIn: StandIn;
  let site: StaffSite;
  const problems: string[] = [];

  beforeAll(async () => {
    standIn = await startStatisticsStandIn();
    site = await startStaffSite({
      token,
      serve: {
        koladaUrl: standIn.koladaUrl,
        scbUrl: standIn.scbUrl,
        statisticsHttp: { retries: 1, minDelayMs: 5, maxDelayMs: 10, pace: { limit: 1000, intervalMs: 1000 } },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    await standIn?.close();
  });

  async function signIn(ctx: BrowserContext) {
    const page = await openPage(ctx, problems);
    await signInAt(page, site, "/personal/statistik");
    return page;
  }

  it("searches, fetches for a county and follows the progress to the report", async () => {
    const page = await signIn(site.context);
    await expectAxeClean(page, "statistik");
    await page.getByLabel("Ord i nyckeltalets titel").fill("invånare");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.getByText("1 nyckeltal hittades.").waitFor();
    await page.getByRole("checkbox", { name: "Välj N01951 Invånare totalt, antal" }).check();
    await page.getByText("Beskrivning", { exact: true }).click();
    await page.getByRole("radio", { name: "Ett eller flera län (länets kommuner)" }).check();
    await page.getByRole("checkbox", { name: "Uppsala län" }).check();
    await page.getByLabel("Från år").fill("2022");
    await page.getByLabel("Till och med år").fill("2023");
    await page.getByLabel("Faktanyckel").fill("population");
    await expectAxeClean(page, "statistik, sökresultat");
    await screenshot(page, "statistik-sok");

    // The data request is held back: the page shows the progress part-way.
    const release = holdNext(standIn, "/data/");
    await page.getByRole("button", { name: "Hämta och spara" }).click();
    await page.getByRole("heading", { name: "Hämtning pågår" }).waitFor();
    await page.getByText("Hämtar värden från Kolada: 1 av 2 frågor besvarade.").waitFor();
    expect(await page.locator("progress").getAttribute("max")).toBe("2");
    expect(await page.locator("progress").evaluate((p) => (p as unknown as { value: number }).value)).toBe(1);
    await expectAxeClean(page, "statistik, pågår");
    await screenshot(page, "statistik-pagar");
    release();

    await page.getByRole("heading", { name: "Hämtningen är klar" }).waitFor();
    await page.getByText("16 värden sparades.").waitFor();
    await page.getByText("Visa värdena (16)").click();
    await expectAxeClean(page, "statistik, rapport");
    await screenshot(page, "statistik-rapport");
    await page.getByRole("link", { name: /Se värdena på sidan om/ }).click();
    await page.getByText("Kolada: Invånare totalt, antal (N01951)").first().waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it("follows a dry run without script: the page reloads itself to the report", async () => {
    const noScript = await site.browser.newContext({ javaScriptEnabled: false, locale: "sv-SE" });
    try {
      const page = await signIn(noScript);
      await page.getByLabel("Nyckeltal att hämta (id)").fill("N01951");
      await page.getByRole("radio", { name: "Hela landet (alla 290 kommuner)" }).check();
      await page.getByLabel("Från år").fill("2023");
      await page.getByLabel("Till och med år").fill("2024");
      await page.getByLabel("Faktanyckel").fill("population");
      const release = holdNext(standIn, "/data/");
      await page.getByRole("button", { name: "Förhandsgranska" }).click();
      await page.getByRole("heading", { name: "Förhandsgranskning pågår" }).waitFor();
      await page.getByRole("link", { name: "Uppdatera" }).waitFor();
      release();
      await page.getByRole("heading", { name: "Förhandsgranskningen är klar" }).waitFor({ timeout: 20_000 });
      await page.getByText(/Förhandsgranskning: inget sparades\. \d+ värden skulle sparas\./).waitFor();
      await screenshot(page, "statistik-forhandsgranskning-utan-skript");
    } finally {
      await noScript.close();
    }
  }, 60_000);
  it("says what is wrong in the form, and why a fetch failed, on a narrow screen too", async () => {
    const narrow = await site.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "sv-SE" });
    try {
      const page = await signIn(narrow);
      await page.getByRole("button", { name: "Förhandsgranska" }).click();
      await page.getByRole("heading", { name: /Formuläret har 2 fel/ }).waitFor();
      await page.getByRole("link", { name: /Nyckeltal: Välj minst ett nyckeltal/ }).waitFor();
      await expectAxeClean(page, "statistik, fel i formuläret");
      await screenshot(page, "statistik-fel-smal");
      await page.getByLabel("Nyckeltal att hämta (id)").fill("X99999");
      await page.getByRole("radio", { name: "Ett eller flera län (länets kommuner)" }).check();
      await page.getByRole("checkbox", { name: "Gotlands län" }).check();
      await page.getByRole("button", { name: "Förhandsgranska" }).click();
      await page.getByRole("heading", { name: "Hämtningen misslyckades" }).waitFor();
      await page.getByText("Kolada har inget nyckeltal ”X99999”.", { exact: false }).waitFor();
      await expectAxeClean(page, "statistik, misslyckad");
      await screenshot(page, "statistik-misslyckad-smal");
      expect(problems).toEqual([]);
    } finally {
      await narrow.close();
    }
  }, 60_000);
  it("fetches an SCB table for a county: search, pick the table and its contents, follow to the report", async () => {
    const page = await signIn(site.context);
    await page.getByRole("link", { name: "Hämta från SCB i stället" }).click();
    await page.getByLabel("Ord i tabellens namn").fill("testfolkmängd");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.getByRole("radio", { name: /Välj TAB9001/ }).check();
    await page.getByRole("button", { name: "Visa tabellen" }).click();
    await page.getByLabel("Tabellinnehåll").selectOption("TST01");
    await page.getByRole("radio", { name: "Ett eller flera län (länets kommuner)" }).check();
    await page.getByRole("checkbox", { name: "Uppsala län" }).check();
    await page.getByLabel("Från år").fill("2022");
    await page.getByLabel("Till och med år").fill("2023");
    await page.getByLabel("Faktanyckel").fill("population");
    await expectAxeClean(page, "statistik, scb");
    await screenshot(page, "statistik-scb");
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await page.getByRole("heading", { name: "Förhandsgranskningen är klar" }).waitFor();
    await page
      .getByText("Källa: Testfolkmängd efter region, innehåll och år (TAB9001), SCB", { exact: false })
      .waitFor();
    await expectAxeClean(page, "statistik, scb-rapport");
    await screenshot(page, "statistik-scb-rapport");
    expect(problems).toEqual([]);
  }, 60_000);
});
