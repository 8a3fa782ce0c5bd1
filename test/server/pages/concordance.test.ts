/** The concordance and "who argued what" pages as HTML: addresses, errors, escaping, and the search page's link. */
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { fixtureDb } from "../../corpus/concordance/fixture.js";

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp(await Workspace.open({ db: fixtureDb() }));
});

const page = async (path: string, status = 200) => {
  const res = await app.request(path);
  const html = await res.text();
  expect(res.status, html.slice(0, 500)).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  return html;
};

describe("/korpus/konkordans", () => {
  it("without a word: the form only; /korpus/konkordans is not taken for a record", async () => {
    const html = await page("/korpus/konkordans");
    expect(html).toContain("<h1>Konkordans</h1>");
    expect(html).not.toContain('class="kwic"');
    expect(html).toContain('name="bojning"');
  });

  it("with a word: the lines, the charts and the export links", async () => {
    const html = await page("/korpus/konkordans?q=sexk%C3%B6pare&bojning=1&sortera=hoger");
    expect(html.match(/<tr>/g)?.length).toBe(6); // the head and five lines
    expect(html.match(/class="chart chart-years"/g)?.length).toBe(1);
    expect(html).toContain('role="img"');
    expect(html).toContain("/api/corpus/concordance/export?format=csv&amp;q=sexk%C3%B6pare&amp;inflections=true");
    expect(html).toContain('<option value="hoger" selected="">');
  });

  it("keeps the search's filters and explains one it cannot use", async () => {
    const v = await page("/korpus/konkordans?q=sexk%C3%B6pare&party=V");
    expect(v.match(/<tr>/g)?.length).toBe(2);
    expect(v).toContain("Ta bort filtret Vänsterpartiet (V)");
    const bad = await page("/korpus/konkordans?q=sexk%C3%B6pare&kind=roman", 400);
    expect(bad).toContain("Ett filter kunde inte användas");
  });

  it("escapes what was typed", async () => {
    const html = await page(`/korpus/konkordans?q=${encodeURIComponent("<script>alert(1)</script>")}`);
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("Inga förekomster.");
  });

  it("other methods: 405", async () => {
    const res = await app.request("/korpus/konkordans", { method: "POST" });
    expect(res.status).toBe(405);
  });
});

describe("/korpus/argument", () => {
  it("asks for a topic, shows its arguments, and says when a topic is unknown", async () => {
    expect(await page("/korpus/argument")).toContain('<select id="amne" name="topic"');
    const kast = await page("/korpus/argument?topic=KAST");
    expect(kast).toContain("Emot (1 argument)");
    expect(kast).toContain('href="/korpus/m-2022-s-v"');
    expect(await page("/korpus/argument?topic=rymden", 404)).toContain("Ämnet ”rymden” finns inte.");
  });

  it("one party's arguments only, with the way back to every party", async () => {
    const v = await page("/korpus/argument?topic=kast&parti=V");
    expect(v).toContain("Bara Vänsterpartiet (V).");
    expect(v).not.toContain("Socialdemokraterna (S)</h3>");
    expect(v).toContain('href="/korpus/argument?topic=kast"');
  });
});

describe("the search page", () => {
  it("links to the concordance with the same query and filters", async () => {
    const html = await page("/korpus?q=sexk%C3%B6pare&party=V");
    expect(html).toContain('href="/korpus/konkordans?q=sexk%C3%B6pare&amp;party=V"');
  });
});
