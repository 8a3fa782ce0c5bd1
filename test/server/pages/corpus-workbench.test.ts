/**
 * The search page's state in its URL (several values per facet, a year range, an order), the
 * export links and record links that carry it, a record's way back, and no file names on a
 * record page. Rendered by the app, read as HTML.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auth, makeApp } from "../api/helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
let motionId = "";
const get = async (path: string) => app.request(path);
const html = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
};
const total = (page: string) => Number(/data-result-count="(\d+)"/.exec(page)?.[1]);
const apiTotal = async (qs: string) =>
  ((await (await app.request(`/api/corpus/search?limit=0&${qs}`)).json()) as { total: number }).total;

beforeAll(async () => {
  ({ app } = await makeApp());
  const fd = new FormData();
  const file = join(import.meta.dirname, "../../fixtures/riksdagen/mot-enskild.json");
  fd.append("files", new File([new Uint8Array(readFileSync(file))], "mot-enskild.json"));
  const res = await app.request("/api/corpus/import", { method: "POST", headers: auth, body: fd });
  motionId = ((await res.json()) as { results: { record: { id: string } }[] }).results[0]!.record.id;
});

describe("the search page's URL", () => {
  it("ticks several values of a facet: any of them, as the API counts", async () => {
    const page = await html("/korpus?party=S&party=V");
    expect(page).toMatch(/name="party" value="S" id="f-party-S" checked=""/);
    expect(page).toMatch(/name="party" value="V" id="f-party-V" checked=""/);
    expect(total(page)).toBe(await apiTotal("party=S&party=V"));
    expect(total(page)).toBeGreaterThan(total(await html("/korpus?party=S")));
    // The other parties stay offered, counted under the other filters only.
    expect(page).toMatch(/id="f-party-L"/);
  });

  it("keeps to a year range (and reads the single year older links carry)", async () => {
    const page = await html("/korpus?from=2020&to=2023");
    expect(total(page)).toBe(await apiTotal("from=2020&to=2023"));
    expect(page).toContain('value="2020"');
    expect(page).toContain("år 2020–2023");
    expect(await html("/korpus?from=2023&to=2020")).toContain("år 2020–2023");
    const single = await html("/korpus?ar=2023");
    expect(single).toContain("år 2023");
    expect(total(single)).toBe(await apiTotal("from=2023&to=2023"));
    const bad = await get("/korpus?from=tjugo&sort=popular");
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain("”tjugo”, ”popular” går inte att använda");
  });

  it("sorts newest or oldest first, the order marked and carried by the other links", async () => {
    const page = await html("/korpus?sort=oldest&party=S&party=V");
    expect(page).toContain('<a href="/korpus?party=S&amp;party=V&amp;sort=oldest" aria-current="true">Äldst först');
    const years = [...page.matchAll(/<p class="hit-meta">[^<]*(?:<a [^>]*>[^<]*<\/a>)?[^<]*?(\d{4})/g)].map((m) =>
      Number(m[1]),
    );
    expect(years.length).toBeGreaterThan(1);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    // A facet's link and a removal chip keep the order.
    expect(page).toContain(
      'href="/korpus?party=V&amp;sort=oldest" aria-label="Ta bort filtret Socialdemokraterna (S)"',
    );
  });

  it("offers the export of every hit with the same query, filters and order", async () => {
    const page = await html(`/korpus?q=${encodeURIComponent("prostitution")}&party=S&party=V&from=2014&sort=newest`);
    const search = "q=prostitution&amp;party=S&amp;party=V&amp;from=2014&amp;sort=newest";
    for (const format of ["csv", "json", "jsonl"])
      expect(page).toContain(`href="/api/corpus/export?format=${format}&amp;${search}"`);
  });

  it("links a hit to its record with the search, and the record leads back to it", async () => {
    const page = await html("/korpus?party=S&party=V&offset=0&sort=oldest");
    expect(page).toMatch(/<a href="\/korpus\/[a-z0-9-]+\?party=S&amp;party=V&amp;sort=oldest">/);
    const record = await html(`/korpus/${motionId}?q=cykel&party=S&party=V&sort=oldest&offset=10`);
    expect(record).toContain(
      '<a href="/korpus?q=cykel&amp;party=S&amp;party=V&amp;sort=oldest&amp;offset=10" data-back',
    );
    expect(await html(`/korpus/${motionId}`)).toContain('<a href="/korpus" data-back-to-search');
  });
});

describe("a record page", () => {
  it("shows Riksdagen's designation, decisions, full text and the original, and no file names", async () => {
    const page = await html(`/korpus/${motionId}`);
    expect(page).toContain('<p class="record-designation">Motion 2014/15:1148</p>');
    expect(page).toContain(
      '<a href="https://data.riksdagen.se/dokument/HZ01TEST1.html">Dokumentet hos Sveriges riksdag',
    );
    expect(page).toContain('<th scope="col">Kammarens beslut</th>');
    expect(page).toContain('<h2 id="fulltext">Fulltext</h2>');
    expect(page).toContain("<p>En cykelbana är billigare än en olycka.</p>");
    expect(page).toContain("Påhittad Person (S)");
    // Where the fields came from: Riksdagen's structure for the designation, the tagger for the topics.
    expect(page).toMatch(/<dt>Ur källans egen struktur<\/dt><dd>[^<]*beteckning/);
    expect(page).toMatch(/<dt>Lästa ur texten av den automatiska taggningen<\/dt><dd>[^<]*ämnen/);
    expect(page).not.toContain("mot-enskild");
    expect(page).not.toMatch(/\.json\b/);
  });

  it("keeps a shipped record's seed file out", async () => {
    const page = await html("/korpus/2023-02-21-lidingo-debattartikel-l");
    expect(page).not.toMatch(/seed \d|\.txt\b|Förvaras/);
  });
});
