/**
 * The staff's statistics page: search Kolada's KPIs and fetch them as facts, as a job with
 * progress, against the loopback stand-in (never the internet).
 */
import { describe, expect, it } from "vitest";
import type { Workspace } from "../../../src/workspace.js";
import {
  type App,
  getAs as get,
  jobEnded as ended,
  postAs as post,
  signedInStatisticsApp,
  useStatisticsStandIn,
} from "../../helpers/statistics-app.js";
import { koladaValue, kpiById } from "../../helpers/statistics-fixtures.js";
import { holdNext, startStatisticsStandIn } from "../../helpers/statistics-stand-in.js";

const token = "rätt-nyckel";
const standIn = useStatisticsStandIn();

const setup = (koladaUrl = standIn().koladaUrl) => signedInStatisticsApp(token, { koladaUrl });

/** Uppsala län (8 municipalities), 2022–2023, N01951 under the shipped key `population`. */
const uppsala = (over: Record<string, string | string[]> = {}) => ({
  kpi: "N01951",
  var: "lan",
  lan: "03",
  fran: "2022",
  till: "2023",
  kon: "T",
  nyckel: "population",
  atgard: "hamta",
  ...over,
});

async function start(app: App, cookie: string, fields: Record<string, string | string[]>): Promise<string> {
  const res = await app.request("/personal/statistik/hamta", post(fields, cookie));
  expect(res.status).toBe(303);
  const job = res.headers.get("location")!;
  expect(job).toMatch(/^\/personal\/statistik\/jobb\/[0-9a-f-]{36}$/);
  return job;
}

const koladaFacts = async (ws: Workspace) =>
  (await ws.store.facts()).filter((f) => f.source.title?.startsWith("Kolada:"));

describe("the statistics page", () => {
  it("needs a staff sign-in, and the staff's start page lists it", async () => {
    const { app, cookie } = await setup();
    const res = await app.request("/personal/statistik");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/personal/logga-in?till=%2Fpersonal%2Fstatistik");
    expect((await app.request("/personal/statistik/hamta", post(uppsala()))).status).toBe(401);
    expect((await app.request("/personal/statistik/jobb/x/status")).status).toBe(303);
    const home = await (await get(app, "/personal", cookie)).text();
    expect(home).toContain('href="/personal/statistik"');
    expect(home).toContain("Hämta statistik från Kolada");
  });

  it("lists Kolada's KPIs for the words searched, with area, publication date and description", async () => {
    const { app, cookie } = await setup();
    const html = await (await get(app, "/personal/statistik?sok=invånare", cookie)).text();
    expect(html).toContain("1 nyckeltal hittades.");
    expect(html).toContain('value="N01951"');
    expect(html).toContain("Invånare totalt, antal");
    expect(html).toContain("Befolkning");
    expect(html).toContain("20 mars 2025");
    expect(html).toContain("Testbeskrivning: antal invånare den 31 december.");
    expect(html).not.toContain("U00001");
    const none = await (await get(app, "/personal/statistik?sok=finnsinte", cookie)).text();
    expect(none).toContain("Inga nyckeltal i Kolada har ”finnsinte” i titeln.");
  });

  it("fetches a KPI for one county as a job, stores the facts with the Kolada source, and reports", async () => {
    const { app, ws, cookie } = await setup();
    const job = await start(app, cookie, uppsala());
    const html = await ended(app, cookie, job);
    expect(html).toContain("Hämtningen är klar");
    expect(html).toContain("16 värden sparades.");
    expect(html).toContain("16 nya, 0 ändrade, 0 oförändrade, 0 överhoppade");
    expect(html).toContain("Källa: Kolada: Invånare totalt, antal (N01951), RKA, hämtad");
    expect(html).toContain(`${standIn().koladaUrl}/data/kpi/N01951/municipality/`);
    const facts = await koladaFacts(ws);
    expect(facts).toHaveLength(16);
    const uppsalaCity = facts.find((f) => f.subject === "0380" && f.asOf === "2023")!;
    expect(uppsalaCity.key).toBe("population");
    expect(uppsalaCity.value).toEqual({
      type: "number",
      value: koladaValue(kpiById("N01951")!, "0380", 2023, "T"),
    });
    expect(uppsalaCity.source).toMatchObject({ title: "Kolada: Invånare totalt, antal (N01951)", publisher: "RKA" });
    expect(uppsalaCity.source.url).toMatch(/\/data\/kpi\/N01951\/municipality\/[^?]*0380[^?]*\/year\/2022,2023/);
    // The report links to a municipality page that now shows the values.
    const link = /href="(\/kommun\/[^"]+)">Se värdena på sidan om/.exec(html)![1]!;
    const place = await (await app.request(link)).text();
    expect(place).toContain("Kolada: Invånare totalt, antal (N01951)");
  });

  it("stores nothing in a dry run, and offers to fetch the same for real", async () => {
    const { app, ws, cookie } = await setup();
    const before = (await ws.store.facts()).length;
    const html = await ended(app, cookie, await start(app, cookie, uppsala({ atgard: "forhandsgranska" })));
    expect(html).toContain("Förhandsgranskningen är klar");
    expect(html).toContain("Förhandsgranskning: inget sparades. 16 värden skulle sparas.");
    expect((await ws.store.facts()).length).toBe(before);
    expect(html).toContain("Hämta och spara samma sak");
    expect(html).toContain('<input type="hidden" name="lan" value="03"/>');
  });

  it("says what is wrong with the form under each field", async () => {
    const { app, cookie } = await setup();
    const res = await app.request(
      "/personal/statistik/hamta",
      post(uppsala({ kpi: "N1951", lan: [], fran: "2024", till: "2020" }), cookie),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("”N1951” är inget nyckeltals-id.");
    expect(html).toContain("Välj minst ett län.");
    expect(html).toContain("Från-året kan inte vara senare än till-året.");
    expect(html).toContain('href="#st-kpis"');
  });

  it("takes the county's own value when asked; words the core's refusals (one key, two KPIs; gender)", async () => {
    const { app, ws, cookie } = await setup();
    const html = await ended(app, cookie, await start(app, cookie, uppsala({ regioner: "ja", till: "2022" })));
    expect(html).toContain("N01951 för Uppsala län, med länens egna värden, 2022, totalt");
    expect(html).toContain("9 värden sparades.");
    expect((await koladaFacts(ws)).some((f) => f.subject === "03" && f.asOf === "2022")).toBe(true);
    const two = await app.request("/personal/statistik/hamta", post(uppsala({ kpi: ["N01951", "U00001"] }), cookie));
    expect(two.status).toBe(422);
    expect(await two.text()).toContain("En egen faktanyckel kan bara anges när ett nyckeltal hämtas.");
    const women = await ended(app, cookie, await start(app, cookie, uppsala({ kpi: "U00001", kon: "K" })));
    expect(women).toContain("Nyckeltalet U00001 är inte uppdelat på kön");
  });

  it("refuses a typed key the catalog does not have, suggesting the ones near it", async () => {
    const { app, cookie } = await setup();
    const res = await app.request("/personal/statistik/hamta", post(uppsala({ nyckel: "populatio" }), cookie));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Det finns ingen faktanyckel ”populatio”.");
    expect(html).toMatch(/Menade du <a href="\/personal\/statistik\?[^"]*nyckel=population[^"]*">population<\/a>/);
  });

  it("says in Swedish that Kolada has no such KPI, and stores nothing", async () => {
    const { app, ws, cookie } = await setup();
    const html = await ended(app, cookie, await start(app, cookie, uppsala({ kpi: "X99999", nyckel: "" })));
    expect(html).toContain("Hämtningen misslyckades");
    expect(html).toContain("Kolada har inget nyckeltal ”X99999”. Kontrollera id:t");
    expect(await koladaFacts(ws)).toHaveLength(0);
    // "Ändra och försök igen" opens the form filled in as it was sent.
    const back = /href="([^"]+)">Ändra och försök igen/.exec(html)![1]!.replaceAll("&amp;", "&");
    const form = await (await get(app, back, cookie)).text();
    expect(form).toContain('name="kpiIds" value="X99999"');
    expect(form).toMatch(/value="03" checked/);
    expect(form).toContain('name="fran" value="2022"');
  });

  it("says in Swedish that Kolada cannot be reached", async () => {
    const closed = await startStatisticsStandIn();
    const url = closed.koladaUrl;
    await closed.close();
    const { app, ws, cookie } = await setup(url);
    const html = await ended(app, cookie, await start(app, cookie, uppsala()));
    expect(html).toContain(`Kunde inte nå Kolada (${new URL(url).host}).`);
    expect(html).toContain("Inget sparades.");
    expect(await koladaFacts(ws)).toHaveLength(0);
    const search = await (await get(app, "/personal/statistik?sok=invånare", cookie)).text();
    expect(search).toContain("Sökningen i Kolada misslyckades.");
  });

  it("says in Swedish that Kolada refused with 429 after the retries, or answered malformed", async () => {
    const { app, ws, cookie } = await setup();
    standIn().faults.push(
      { match: "/data/", kind: "status", status: 429 },
      { match: "/data/", kind: "status", status: 429 },
    );
    const limited = await ended(app, cookie, await start(app, cookie, uppsala()));
    expect(limited).toContain("429 Too Many Requests efter 2 försök");
    standIn().faults.push({ match: "/data/", kind: "malformed" });
    const malformed = await ended(app, cookie, await start(app, cookie, uppsala()));
    expect(malformed).toContain("Kolada svarade med något annat än väntat (svaret är inte JSON)");
    expect(await koladaFacts(ws)).toHaveLength(0);
  });

  it("says a job it no longer knows is gone, on the page and in the status", async () => {
    const { app, cookie } = await setup();
    const page = await get(app, "/personal/statistik/jobb/finns-inte", cookie);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Hämtningen finns inte");
    const status = await get(app, "/personal/statistik/jobb/finns-inte/status", cookie);
    expect(status.status).toBe(404);
    expect(await status.json()).toEqual({ state: "gone" });
  });

  it("creates the key a KPI needs (a preview says it would), with the KPI's title, and stores its values", async () => {
    const { app, ws, cookie } = await setup();
    const preview = await ended(
      app,
      cookie,
      await start(app, cookie, uppsala({ nyckel: "", atgard: "forhandsgranska" })),
    );
    expect(preview).toContain("Ny faktanyckel: kolada_n01951 skapas");
    expect((await ws.catalog()).has("kolada_n01951")).toBe(false);
    const html = await ended(app, cookie, await start(app, cookie, uppsala({ nyckel: "" })));
    expect(html).toContain("Ny faktanyckel: kolada_n01951 skapades");
    expect((await ws.catalog()).get("kolada_n01951")?.label).toBe("Invånare totalt, antal");
    expect((await ws.store.facts()).filter((f) => f.key === "kolada_n01951").length).toBeGreaterThan(0);
  });

  it("runs one fetch at a time: a second gets the busy answer, and the first's progress can be followed", async () => {
    const { app, ws, cookie } = await setup();
    const release = holdNext(standIn(), "/data/");
    const job = await start(app, cookie, uppsala());
    const busy = await app.request("/personal/statistik/hamta", post(uppsala(), cookie));
    expect(busy.status).toBe(409);
    const text = await busy.text();
    expect(text).toContain("En hämtning pågår redan");
    expect(text).toContain(`href="${job}"`);
    // While it runs: the page follows it, with a refresh for browsers without script.
    const running = await (await get(app, job, cookie)).text();
    expect(running).toContain("<progress");
    expect(running).toContain('<noscript><meta http-equiv="refresh" content="2"/></noscript>');
    expect(running).toContain(`data-job-status="${job}/status"`);
    // The metadata answered, the data held back: one of the two requests done.
    let status: { state?: string; step?: string; done?: number; expected?: number; text?: string } = {};
    for (let i = 0; i < 1000 && status.step !== "data"; i++) {
      status = (await (await get(app, `${job}/status`, cookie)).json()) as typeof status;
      if (status.step !== "data") await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(status).toEqual({
      state: "running",
      step: "data",
      done: 1,
      expected: 2,
      text: "Hämtar värden från Kolada: 1 av 2 frågor besvarade.",
    });
    const form = await (await get(app, "/personal/statistik", cookie)).text();
    expect(form).toContain("Just nu pågår en hämtning: N01951 för Uppsala län, 2022–2023, totalt.");
    release();
    expect(await ended(app, cookie, job)).toContain("16 värden sparades.");
    expect(await koladaFacts(ws)).toHaveLength(16);
    // Free again.
    expect((await app.request("/personal/statistik/hamta", post(uppsala(), cookie))).status).toBe(303);
  });
});
