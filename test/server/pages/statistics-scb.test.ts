/** The staff's SCB page: search tables, pick one, fetch a figure per municipality and year as a job. */
import { describe, expect, it } from "vitest";
import {
  getAs as get,
  jobEnded as ended,
  postAs as post,
  signedInStatisticsApp,
  useStatisticsStandIn,
} from "../../helpers/statistics-app.js";
import { scbValue } from "../../helpers/statistics-fixtures.js";

const token = "rätt-nyckel";
const standIn = useStatisticsStandIn();

const setup = () => signedInStatisticsApp(token, { scbUrl: standIn().scbUrl });

const uppsala = (over: Record<string, string | string[]> = {}) => ({
  tabell: "TAB9001",
  dim_ContentsCode: "TST01",
  var: "lan",
  lan: "03",
  fran: "2022",
  till: "2023",
  nyckel: "population",
  atgard: "hamta",
  ...over,
});

describe("the SCB page", () => {
  it("needs a sign-in, lists tables for the words, and shows a table's dimensions to choose from", async () => {
    const { app, cookie } = await setup();
    expect((await app.request("/personal/statistik/scb")).status).toBe(303);
    expect(await (await get(app, "/personal", cookie)).text()).toContain('href="/personal/statistik/scb"');
    const found = await (await get(app, "/personal/statistik/scb?sok=testfolkmängd", cookie)).text();
    expect(found).toContain("1 tabell hittades.");
    expect(found).toContain('value="TAB9001"');
    expect(found).toContain("Testfolkmängd efter region, innehåll och år");
    expect(found).toContain("2020–2024");
    const table = await (await get(app, "/personal/statistik/scb?sok=testfolkmängd&tabell=TAB9001", cookie)).text();
    expect(table).toContain("Testfolkmängd efter region, innehåll och år (TAB9001)");
    expect(table).toContain('name="dim_ContentsCode"');
    expect(table).toContain("Testförändring (TST02)");
  });

  it("fetches a figure for one county as a job and stores it with SCB as the source", async () => {
    const { app, ws, cookie } = await setup();
    const res = await app.request("/personal/statistik/scb/hamta", post(uppsala(), cookie));
    expect(res.status).toBe(303);
    const html = await ended(app, cookie, res.headers.get("location")!);
    expect(html).toContain("Hämtningen är klar");
    expect(html).toContain("16 värden sparades.");
    expect(html).toContain("Källa: Testfolkmängd efter region, innehåll och år (TAB9001), SCB, hämtad");
    expect(html).toContain("Frågan till SCB");
    const facts = (await ws.store.facts()).filter((f) => f.source.publisher === "SCB");
    expect(facts).toHaveLength(16);
    const f = facts.find((x) => x.subject === "0380" && x.asOf === "2023")!;
    expect(f.value).toEqual({ type: "number", value: scbValue("0380", "TST01", "2023") });
    expect(f.source.url).toContain(`${standIn().scbUrl}/tables/TAB9001/data`);
  });

  it("asks for a value of each dimension with several, and says in Swedish that a table does not exist", async () => {
    const { app, ws, cookie } = await setup();
    const res = await app.request("/personal/statistik/scb/hamta", post(uppsala({ dim_ContentsCode: "" }), cookie));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Välj ett värde för tabellinnehåll.");
    const missing = await app.request("/personal/statistik/scb/hamta", post(uppsala({ tabell: "TAB0000" }), cookie));
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("SCB har ingen tabell ”TAB0000”.");
    expect((await ws.store.facts()).filter((f) => f.source.publisher === "SCB")).toHaveLength(0);
  });
});
