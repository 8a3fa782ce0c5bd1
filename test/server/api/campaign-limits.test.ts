/**
 * Campaigns cost what they are (issue 11, point 3), through the app as a client sees it, on
 * the form (/kampanj) and the API (POST /api/campaigns) alike: each document counts against
 * the client's drafting limit, a campaign larger than the limit without the token is refused,
 * and only --max-campaigns run at once.
 */
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { releasing } from "../../../src/server/campaign-admission.js";
import type { ServerOptions } from "../../../src/server/context.js";
import { auth, expectProblem, json, lidingoRequest, makeApp, token } from "./helpers.js";

const three = ["Värmdö", "Nacka", "Ekerö"];
/** Three municipalities × two formats: six documents. */
const campaign = {
  template: "kast-avtal",
  municipalities: three,
  authors: [{ name: "Anna Andersson", party: "L" }],
  date: "2026-11-24",
  formats: ["md", "html"],
};
const formFields = {
  template: "kast-avtal",
  lan: "",
  kommuner: three.join("\n"),
  where: "",
  "name.0": "Anna Andersson",
  "party.0": "L",
  date: "2026-11-24",
  formats: ["md", "html"],
};

async function appWith(options: ServerOptions) {
  const { app } = await makeApp({ token, ...options });
  const api = (body: unknown = campaign, headers: Record<string, string> = {}) =>
    app.request("/api/campaigns", json(body, headers));
  const form = (fields: Record<string, string | string[]> = formFields) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return app.request("/kampanj", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
    });
  };
  const draft = () => app.request("/api/drafts", json({ ...lidingoRequest, format: "md" }));
  return { app, api, form, draft };
}

/** The zip's file names (reading the body to its end, which ends the campaign). */
async function zipNames(res: Response): Promise<string[]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/zip");
  return Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer()))).sort();
}

describe("each document of a campaign counts against the drafting limit", () => {
  it(
    "API: a six-document campaign uses six of ten; the next is refused (429, Retry-After) and costs only " +
      "its request",
    async () => {
      const { api, draft } = await appWith({ draftsPerMinute: 10 });
      const first = await api();
      expect(first.headers.get("ratelimit")).toMatch(/limit=10, remaining=4\b/);
      expect(await zipNames(first)).toHaveLength(8); // 6 drafts + 2 summaries
      const second = await api();
      const p = await expectProblem(second, 429);
      expect(p.detail).toContain("6 dokument");
      const retry = Number(second.headers.get("retry-after"));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      // 6 + 1 (the refused request) used: three single drafts fit, the fourth does not.
      for (let i = 0; i < 3; i++) expect((await draft()).status).toBe(200);
      await expectProblem(await draft(), 429);
    },
  );

  it(
    "form: the same budget, the Swedish page with Retry-After when the campaign does not fit, what was " + "typed kept",
    async () => {
      const { form, draft } = await appWith({ draftsPerMinute: 10 });
      expect(await zipNames(await form())).toHaveLength(8);
      const refused = await form();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("content-type")).toMatch(/text\/html/);
      const html = await refused.text();
      expect(html).toContain("Kampanjen blir 6 filer, fler än du har kvar av 10 utkast i minuten");
      expect(html).toContain(">Värmdö\nNacka\nEkerö</textarea>");
      // The form's campaign was charged to the budget the API's drafts use.
      for (let i = 0; i < 3; i++) expect((await draft()).status).toBe(200);
      expect((await draft()).status).toBe(429);
    },
  );

  it("with the token a campaign is not counted beyond its request", async () => {
    const { api, draft } = await appWith({ draftsPerMinute: 10 });
    expect(await zipNames(await api(campaign, auth))).toHaveLength(8);
    for (let i = 0; i < 9; i++) expect((await draft()).status).toBe(200);
    await expectProblem(await draft(), 429);
  });
});

describe("a campaign larger than the limit needs the token", () => {
  it(
    "API: over --campaign-limit municipalities without the token is 401 campaign-needs-token; with " + "it, the zip",
    async () => {
      const { api } = await appWith({ campaignLimit: 2 });
      const res = await api();
      const p = await expectProblem(res, 401);
      expect(p.type).toMatch(/campaign-needs-token$/);
      expect(p.detail).toContain("Kampanjen omfattar 3 kommuner och 6 dokument");
      expect(p.detail).toContain("högst 2 kommuner");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await zipNames(await api(campaign, auth))).toHaveLength(8);
    },
  );

  it("API: more documents than the drafting limit allows a minute also needs the token", async () => {
    const { api } = await appWith({ draftsPerMinute: 4 });
    const p = await expectProblem(await api(), 401);
    expect(p.detail).toContain("högst 50 kommuner och 4 dokument");
    expect(await zipNames(await api(campaign, auth))).toHaveLength(8);
  });

  it("API on a service without a token: 403, and the detail says there is none", async () => {
    const { app } = await makeApp({ campaignLimit: 2 });
    const p = await expectProblem(await app.request("/api/campaigns", json(campaign)), 403);
    expect(p.detail).toContain("Tjänsten har ingen token");
  });

  it(
    "form: the whole country in one request (the issue's case) is refused before anything is drafted, " + "in Swedish",
    async () => {
      const { form } = await appWith({});
      const res = await form({ ...formFields, kommuner: "" });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toContain("Kampanjen omfattar 290 kommuner och 580 filer");
      expect(html).toContain("högst 50 kommuner");
      expect(html).toContain("API:t och tjänstens token");
    },
  );

  it("form: over --campaign-limit is refused; at the limit it runs; 'Visa urvalet' warns", async () => {
    const { app, form } = await appWith({ campaignLimit: 2 });
    expect((await form()).status).toBe(403);
    expect(await zipNames(await form({ ...formFields, kommuner: "Värmdö\nNacka" }))).toHaveLength(6);
    const q = new URLSearchParams({ template: "kast-avtal", kommuner: three.join("\n"), visa: "1" });
    expect(await (await app.request(`/kampanj?${q}`)).text()).toContain("Fler än 2 kommuner: för stort för formuläret");
  });
});

describe("at most --max-campaigns run at once", () => {
  it(
    "the next campaign gets 503 with Retry-After (problem on the API, the Swedish page on the form) until the " +
      "running one is read to its end",
    async () => {
      const { api, form } = await appWith({ maxCampaigns: 1 });
      const running = await api();
      expect(running.status).toBe(200); // its zip is not read yet: the campaign is still running
      const busy = await api();
      const p = await expectProblem(busy, 503);
      expect(p.type).toMatch(/campaigns-busy$/);
      expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
      const busyPage = await form();
      expect(busyPage.status).toBe(503);
      expect(Number(busyPage.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await busyPage.text()).toContain("Tjänsten gör redan en kampanj och gör inte fler samtidigt");
      // The token does not jump the queue.
      await expectProblem(await api(campaign, auth), 503);
      expect(await zipNames(running)).toHaveLength(8);
      expect(await zipNames(await form())).toHaveLength(8);
    },
  );

  it("a client that goes away gives its place back", async () => {
    const { api } = await appWith({ maxCampaigns: 1 });
    const abandoned = await api();
    expect(abandoned.status).toBe(200);
    await expectProblem(await api(), 503);
    await abandoned.body!.cancel();
    expect(await zipNames(await api())).toHaveLength(8);
  });

  it("two places: two run, the third waits", async () => {
    const { api } = await appWith({ maxCampaigns: 2 });
    const a = await api();
    const b = await api();
    expect([a.status, b.status]).toEqual([200, 200]);
    await expectProblem(await api(), 503);
    await a.arrayBuffer();
    const c = await api();
    expect(c.status).toBe(200);
    await Promise.all([b.arrayBuffer(), c.arrayBuffer()]);
  });

  it(
    "a download that outlives the campaign deadline is ended with an error and its place given " + "back once",
    async () => {
      let released = 0;
      const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
      const stream = releasing(never, () => released++, 20);
      await expect(stream.getReader().read()).rejects.toThrow(/deadline/);
      expect(released).toBe(1);
    },
  );
});
