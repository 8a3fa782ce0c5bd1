/**
 * The service's limits (issue 6): drafting is rate-limited per client with 429 and
 * Retry-After, on the API and the form alike; a broken database never leaks a path or a stack.
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { expectProblem, json, makeApp, token } from "./helpers.js";

const request = {
  template: "kast-avtal",
  municipality: "Lidingö",
  authors: [{ name: "Anna Andersson", party: "L", role: "ledamot i kommunfullmäktige" }],
  date: "2026-11-24",
  inputs: { committee: "socialnämnden" },
  format: "md",
};

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

describe("a database that cannot be read", () => {
  it("gives 503 problem+json without the file's path or a stack trace, and the pages a Swedish 503 page", async () => {
    const ws = tempWorkspace();
    writeFileSync(ws.db, '{"schemaVersion": 2, "facts": [');
    const app = createApp(await Workspace.open({ db: ws.db }), { token });
    const body = await expectProblem(await app.request("/api/municipalities/lidingo/facts"), 503);
    expect(JSON.stringify(body)).not.toContain(ws.db);
    const page = await app.request("/kommun/lidingo");
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).not.toContain(ws.db);
    expect(html).not.toMatch(/\n\s+at /);
  });
});
