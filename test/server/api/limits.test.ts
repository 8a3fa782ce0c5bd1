/**
 * The service's limits (issue 6): drafting is rate-limited per client with 429 and
 * Retry-After, on the API and the form alike; a broken database never leaks a path or a stack
 * (issue 11: it is checked at start, and the pages say what is wrong and how it is restored).
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { defaultServerOptions, ServerContext } from "../../../src/server/context.js";
import { Workspace } from "../../../src/workspace.js";
import { checkBeforeStart } from "../../../src/server/serve.js";
import { isMotioneraError, type MotioneraError } from "../../../src/domain/errors.js";
import { explainError } from "../../../src/messages.sv.js";
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
        body: new URLSearchParams({
          template: "kast-avtal",
          kommun: "Lidingö",
          author: "Anna Andersson (L)",
          format: "md",
        }).toString(),
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
    const campaign = {
      template: "kast-avtal",
      municipalities: ["Lidingö"],
      authors: [{ name: "Anna Andersson", party: "L" }],
      formats: ["md"],
    };
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
  it(
    "answers a request that takes longer than the limit with a 503 timeout problem, the pages with the " +
      "Swedish 503 page",
    async () => {
      // Building the search index on first use takes far longer than 1 ms.
      const { app } = await makeApp({ token, requestTimeoutMs: 1 });
      const body = await expectProblem(await app.request("/api/corpus/search?q=sexk%C3%B6pare"), 503);
      expect(body.title).toBe("Tidsgränsen nåddes");
      const page = await (await makeApp({ token, requestTimeoutMs: 1 })).app.request("/korpus?q=sexk%C3%B6pare");
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("Tjänsten är inte tillgänglig just nu");
    },
  );
});

describe("the search index under writes", () => {
  it("is kept when a fact is written (the documents are unchanged) and rebuilt when documents change", async () => {
    const ws = tempWorkspace();
    const workspace = await Workspace.open({ db: ws.db });
    const ctx = new ServerContext(workspace, { ...defaultServerOptions });
    const first = await ctx.searchIndex();
    await workspace.store.addFact({
      subject: "0186",
      key: "population",
      value: { type: "number", value: 1 },
      asOf: "2024",
      source: { title: "t", publisher: "p", date: null },
    });
    expect(await ctx.searchIndex()).toBe(first);
    const [doc] = await workspace.store.documents();
    await workspace.store.putDocuments([{ ...doc!, id: "ny-post", title: "Zebrafinkar i Lidingö" }]);
    const after = await ctx.searchIndex();
    expect(after).not.toBe(first);
    await workspace.store.close();
  });
});

describe("a database that cannot be read", () => {
  it(
    "while running: 503 problem+json and a page that say the database cannot be read and how it is restored, " +
      "without its path or a stack; the log one line with the code",
    async () => {
      const ws = tempWorkspace();
      const app = createApp(await Workspace.open({ db: ws.db }), { token });
      // Corrupted after the start (the start checks it: below).
      writeFileSync(ws.db, '{"schemaVersion": 2, "facts": [');
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      try {
        const body = await expectProblem(await app.request("/api/municipalities/lidingo/facts"), 503);
        expect(body.title).toBe("Databasen kan inte läsas");
        expect(body.detail).toContain("säkerhetskopian");
        expect(JSON.stringify(body)).not.toContain(ws.db);
        const page = await app.request("/kommun/lidingo");
        expect(page.status).toBe(503);
        const html = await page.text();
        expect(html).toContain("Databasen kan inte läsas");
        expect(html).toContain("återställer den senaste fungerande säkerhetskopian");
        expect(html).not.toContain("tog för lång tid"); // the timeout's text was shown before
        expect(html).not.toContain(ws.db);
        expect(html).not.toMatch(/\n\s+at /);
        // One line per failed request: the code and the CLI's explanation (the file), no stack.
        expect(log).toHaveBeenCalledTimes(2);
        for (const call of log.mock.calls) {
          expect(call).toHaveLength(1);
          const line = String(call[0]);
          expect(line).toMatch(/^motionera serve: GET \/\S+: database_invalid: Databasfilen .*db\.json kan inte läsas/);
          expect(line).not.toContain("\n");
        }
      } finally {
        log.mockRestore();
      }
    },
  );

  it("an unexpected error is logged with its stack (that is what finds the bug); the answer has none", async () => {
    const { app, workspace } = await makeApp({ token });
    vi.spyOn(workspace.store, "facts").mockRejectedValue(new TypeError("boom"));
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const body = await expectProblem(await app.request("/api/municipalities/lidingo/facts"), 500);
      expect(JSON.stringify(body)).not.toContain("boom");
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]?.[0])).toMatch(
        /^motionera serve: GET \/api\/municipalities\/lidingo\/facts: internal:/,
      );
      expect((log.mock.calls[0]?.[1] as Error | undefined)?.stack).toContain("TypeError: boom");
    } finally {
      log.mockRestore();
    }
  });

  it("at start: a corrupt database stops the start with the CLI's error, naming the newest good backup", async () => {
    const ws = tempWorkspace();
    copyFileSync(ws.db, `${ws.db}.bak`);
    writeFileSync(ws.db, '{"schemaVersion": 2, "facts": [');
    let error: unknown;
    try {
      await checkBeforeStart(await Workspace.open({ db: ws.db }));
    } catch (e) {
      error = e;
    }
    expect(isMotioneraError(error) && error.details).toMatchObject({
      code: "database_invalid",
      file: ws.db,
      backup: { file: `${ws.db}.bak` },
    });
    expect(explainError((error as MotioneraError).details)).toContain(`cp "${ws.db}.bak" "${ws.db}"`);
  });
});
