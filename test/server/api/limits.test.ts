/**
 * The service's limits (issue 6): drafting is rate-limited per client with 429 and
 * Retry-After, on the API and the form alike; a broken database never leaks a path or a stack.
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { defaultServerOptions, ServerContext } from "../../../src/server/context.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { expectProblem, json, lidingoRequest, makeApp, token } from "./helpers.js";

const request = { ...lidingoRequest, format: "md" };

describe("rate limit on drafting", () => {
  it("answers the request over the limit with 429 problem+json, Retry-After and RateLimit headers", async () => {
    const { app } = await makeApp({ token, draftsPerMinute: 3 });
    for (let i = 0; i < 3; i++) {
      const ok = await app.request("/api/drafts", json(request));
      expect(ok.status).toBe(200);
      expect(ok.headers.get("ratelimit")).toMatch(new RegExp(`limit=3, remaining=${2 - i}`));
    }
    const res = await app.request("/api/drafts", json(request));
    const body = await expectProblem(res, 429);
    expect(body.detail).toContain("3 utkast i minuten");
    const retry = Number(res.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    // reading is not limited
    expect((await app.request("/api/templates")).status).toBe(200);
  });

  it("limits the form's downloads too, with the Swedish 429 page", async () => {
    const { app } = await makeApp({ token, draftsPerMinute: 1 });
    const form = () =>
      app.request("/utkast", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
        body: new URLSearchParams({ template: "kast-avtal", kommun: "Lidingö", author: "Anna Andersson (L)", format: "md" }).toString(),
      });
    const first = await form();
    expect(first.status).not.toBe(429);
    const second = await form();
    expect(second.status).toBe(429);
    expect(second.headers.get("content-type")).toMatch(/text\/html/);
    expect(await second.text()).toContain("För många utkast");
  });

  it("limits campaigns too (they draft the most)", async () => {
    const { app } = await makeApp({ token, draftsPerMinute: 1 });
    const campaign = { template: "kast-avtal", municipalities: ["Lidingö"], authors: [{ name: "Anna Andersson", party: "L" }], formats: ["md"] };
    const first = await app.request("/api/campaigns", json(campaign, { Authorization: `Bearer ${token}` }));
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    await expectProblem(await app.request("/api/campaigns", json(campaign, { Authorization: `Bearer ${token}` })), 429);
  });

  it("counts each client on its own behind a trusted proxy, and 0 means no limit", async () => {
    const { app } = await makeApp({ token, draftsPerMinute: 1, trustProxy: true });
    const from = (ip: string) => app.request("/api/drafts", json(request, { "x-forwarded-for": `${ip}, 10.0.0.1` }));
    expect((await from("192.0.2.1")).status).toBe(200);
    expect((await from("192.0.2.1")).status).toBe(429);
    expect((await from("192.0.2.2")).status).toBe(200);
    const unlimited = (await makeApp({ token, draftsPerMinute: 0 })).app;
    for (let i = 0; i < 5; i++) expect((await unlimited.request("/api/drafts", json(request))).status).toBe(200);
  });
});

describe("request timeouts", () => {
  it("answers a request that takes longer than the limit with a 503 timeout problem, the pages with the Swedish 503 page", async () => {
    // Building the search index on first use takes far longer than 1 ms.
    const { app } = await makeApp({ token, requestTimeoutMs: 1 });
    const body = await expectProblem(await app.request("/api/corpus/search?q=sexk%C3%B6pare"), 503);
    expect(body.title).toBe("Tidsgränsen nåddes");
    const page = await (await makeApp({ token, requestTimeoutMs: 1 })).app.request("/korpus?q=sexk%C3%B6pare");
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("Tjänsten är inte tillgänglig just nu");
  });
});

describe("the search index under writes", () => {
  it("is kept when a fact is written (the documents are unchanged) and rebuilt when documents change", async () => {
    const ws = tempWorkspace();
    const workspace = await Workspace.open({ db: ws.db });
    const ctx = new ServerContext(workspace, { ...defaultServerOptions });
    const first = await ctx.searchIndex();
    await workspace.store.addFact({ subject: "0186", key: "population", value: { type: "number", value: 1 }, asOf: "2024", source: { title: "t", publisher: "p", date: null } });
    expect(await ctx.searchIndex()).toBe(first);
    const [doc] = await workspace.store.documents();
    await workspace.store.putDocuments([{ ...doc!, id: "ny-post", title: "Zebrafinkar i Lidingö" }]);
    const after = await ctx.searchIndex();
    expect(after).not.toBe(first);
    await workspace.store.close();
  });
});

describe("a database that cannot be read", () => {
  it("gives 503 problem+json without the file's path or a stack trace, and the pages a Swedish 503 page", async () => {
    const ws = tempWorkspace();
    writeFileSync(ws.db, '{"schemaVersion": 2, "facts": [');
    // The operator's log gets the whole error; the answer gets none of it.
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const app = createApp(await Workspace.open({ db: ws.db }), { token });
    const body = await expectProblem(await app.request("/api/municipalities/lidingo/facts"), 503);
    expect(JSON.stringify(body)).not.toContain(ws.db);
    const page = await app.request("/kommun/lidingo");
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).not.toContain(ws.db);
    expect(html).not.toMatch(/\n\s+at /);
    expect(log).toHaveBeenCalled();
    expect(String(log.mock.calls[0]?.[0])).toContain("motionera serve");
    log.mockRestore();
  });
});
