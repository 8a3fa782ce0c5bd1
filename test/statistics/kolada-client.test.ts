import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatisticsError } from "../../src/statistics/errors.js";
import { KoladaClient } from "../../src/statistics/kolada/client.js";
import { koladaPlaceIds, selectPlaces } from "../../src/statistics/places.js";
import { startStatisticsStandIn, type StandIn } from "../helpers/statistics-stand-in.js";

const fast = { minDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000, pace: { limit: 1000, intervalMs: 1000 } };

let s: StandIn;
let legacy: StandIn;
beforeAll(async () => {
  s = await startStatisticsStandIn({ maxPerPage: 30 });
  legacy = await startStatisticsStandIn({ maxPerPage: 30, legacyPaging: true });
});
afterAll(async () => {
  await s.close();
  await legacy.close();
});

describe("Kolada v3 client", () => {
  it("splits id lists to at most 25 and pages through next_url", async () => {
    const client = new KoladaClient({ baseUrl: s.koladaUrl, ...fast });
    const places = koladaPlaceIds(selectPlaces({ all: true }));
    expect(places).toHaveLength(312);
    const urls = client.dataUrls(["N01951"], places, [2022, 2023, 2024]);
    expect(urls).toHaveLength(13);
    for (const u of urls)
      expect(
        decodeURIComponent(new URL(u).pathname).split("/municipality/")[1]!.split("/")[0]!.split(",").length,
      ).toBeLessThanOrEqual(25);
    const answers = await client.data(["N01951"], places, [2022, 2023, 2024]);
    const rows = answers.flatMap((a) => a.rows);
    expect(rows).toHaveLength(312 * 3);
    expect(answers.some((a) => a.pages > 1)).toBe(true);
    expect(new Set(rows.map((r) => `${r.municipality}/${r.period}`)).size).toBe(312 * 3);
  });

  it("pages through v2's next_page, stopping on an empty one", async () => {
    const client = new KoladaClient({ baseUrl: legacy.koladaUrl, ...fast });
    const answers = await client.data(["N01951"], koladaPlaceIds(selectPlaces({ lan: ["AB"] })), [2022, 2023]);
    expect(answers.flatMap((a) => a.rows)).toHaveLength((26 + 1) * 2);
    expect(answers.reduce((n, a) => n + a.pages, 0)).toBeGreaterThan(answers.length);
  });

  it("reads KPI metadata and searches titles", async () => {
    const client = new KoladaClient({ baseUrl: s.koladaUrl, ...fast });
    const kpi = await client.kpi("N01951");
    expect(kpi).toMatchObject({
      id: "N01951",
      title: "Invånare totalt, antal",
      municipality_type: "alla",
      is_divided_by_gender: true,
    });
    expect((await client.searchKpis("invånare")).map((k) => k.id)).toEqual(["N01951"]);
    expect(s.requests.some((r) => r.includes("/kpi?title=inv"))).toBe(true);
  });

  it("says not_found for a KPI Kolada does not know", async () => {
    const client = new KoladaClient({ baseUrl: s.koladaUrl, ...fast });
    await expect(client.kpi("N99999")).rejects.toBeInstanceOf(StatisticsError);
    await expect(client.kpi("N99999")).rejects.toMatchObject({ failure: "not_found" });
  });
});
