/**
 * Named tokens and roles over HTTP: each role may do what it should and gets 403 naming the role
 * needed beyond; a wrong or revoked token is 401; MOTIONERA_TOKEN stays one admin token; a
 * request's writes are in the audit log under its token's name (GET /api/audit, the
 * municipality page); a staff session signed with a named admin token ends when it is revoked.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { issueToken } from "../../../src/tokens/issue.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { formPost, signedIn } from "../../helpers/staff-app.js";
import { auth, expectProblem, json, makeApp } from "./helpers.js";

type App = Awaited<ReturnType<typeof makeApp>>["app"];
type Ws = Awaited<ReturnType<typeof makeApp>>["workspace"];

/** A statement about Lidingö, a new one for each day of January 2026. */
const fact = (day: string) => ({
  subject: "Lidingö",
  key: "mika_kast_agreement",
  value: "ja",
  asOf: `2026-01-${day.padStart(2, "0")}`,
  source: { title: "KAST-samverkan i länet", publisher: "Region Stockholm", date: "2026-01-15" },
});

const snowKey = {
  key: "snow_clearing_cost",
  label: "Kostnad för snöröjning",
  description: "Kronor per invånare.",
  type: "number",
  scopes: ["kommun"],
};

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

let app: App;
let workspace: Ws;
const secrets: Record<"reader" | "writer" | "boss" | "gone", string> = { reader: "", writer: "", boss: "", gone: "" };

beforeAll(async () => {
  ({ app, workspace } = await makeApp());
  secrets.reader = (await issueToken(workspace.store, "reader", "read")).secret;
  secrets.writer = (await issueToken(workspace.store, "writer", "write")).secret;
  secrets.boss = (await issueToken(workspace.store, "boss", "admin")).secret;
  secrets.gone = (await issueToken(workspace.store, "gone", "write")).secret;
  await workspace.store.revokeToken("gone");
});

describe("roles", () => {
  it("read may not write facts nor read the audit log: 403 naming the role needed", async () => {
    const body = await expectProblem(await app.request("/api/facts", json(fact("3"), bearer(secrets.reader))), 403);
    expect(body.type).toMatch(/role-too-low$/);
    expect(body.detail).toContain("rollen write eller admin");
    expect(body.detail).toContain("har rollen read");
    await expectProblem(await app.request("/api/audit", { headers: bearer(secrets.reader) }), 403);
  });

  it("write records facts under its name, reads the audit log, but may not change keys nor list tokens", async () => {
    const res = await app.request("/api/facts", json(fact("4"), bearer(secrets.writer)));
    expect(res.status, await res.clone().text()).toBe(201);
    const stored = (await res.json()) as { id: string };
    const log = await app.request("/api/audit?municipality=Lidingö&limit=5", { headers: bearer(secrets.writer) });
    expect(log.status).toBe(200);
    const [latest] = (await log.json()) as { actor: unknown; action: string; ids: string[] }[];
    expect(latest).toMatchObject({ actor: { kind: "token", name: "writer" }, action: "fact.add", ids: [stored.id] });
    const byFact = await app.request(`/api/audit?fact=${encodeURIComponent(stored.id)}`, {
      headers: bearer(secrets.writer),
    });
    expect(((await byFact.json()) as unknown[]).length).toBe(1);

    const key = await expectProblem(await app.request("/api/fact-keys", json(snowKey, bearer(secrets.writer))), 403);
    expect(key.detail).toContain("rollen admin");
    await expectProblem(await app.request("/api/tokens", { headers: bearer(secrets.writer) }), 403);
  });

  it("admin changes keys and lists the tokens (never a hash); MOTIONERA_TOKEN is admin, logged as itself", async () => {
    const added = await app.request("/api/fact-keys", json(snowKey, bearer(secrets.boss)));
    expect(added.status).toBe(201);
    const list = await app.request("/api/tokens", { headers: bearer(secrets.boss) });
    const text = await list.text();
    expect(list.status).toBe(200);
    expect(text).not.toMatch(/"hash"/);
    expect((JSON.parse(text) as { name: string }[]).map((t) => t.name)).toEqual(["reader", "writer", "boss", "gone"]);
    expect((await app.request("/api/tokens", { headers: auth })).status).toBe(200);

    const edited = await app.request("/api/fact-keys/snow_clearing_cost", {
      ...json({ label: "Snöröjning" }, auth),
      method: "PATCH",
    });
    expect(edited.status).toBe(200);
    const entries = (await (await app.request("/api/audit?limit=2", { headers: auth })).json()) as {
      actor: unknown;
      action: string;
      ids: string[];
    }[];
    expect(entries.map((e) => [e.actor, e.action, e.ids])).toEqual([
      [{ kind: "env-token" }, "factKeys.change", ["snow_clearing_cost"]],
      [{ kind: "token", name: "boss" }, "factKeys.change", ["snow_clearing_cost"]],
    ]);
  });

  it("an import through the import thread is logged under the token that sent it", async () => {
    const body = new FormData();
    body.append("file", new File(["Kommun;Avtal\nSolna;ja\nSundbyberg;nej\n"], "avtal.csv"));
    const fields = { key: "mika_kast_agreement", sourceTitle: "Testtabell", publisher: "Testutgivare", asOf: "2025" };
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    const res = await app.request("/api/facts/import", { method: "POST", headers: bearer(secrets.writer), body });
    expect(res.status, await res.clone().text()).toBe(200);
    const [entry] = (await (await app.request("/api/audit?municipality=Solna", { headers: auth })).json()) as {
      actor: unknown;
      action: string;
      count: number;
      subjects: string[];
    }[];
    expect(entry).toMatchObject({
      actor: { kind: "token", name: "writer" },
      action: "facts.import",
      count: 2,
      subjects: ["0183", "0184"],
    });
  });

  it("a revoked token is 401 (token-revoked), a wrong one 401, both with WWW-Authenticate", async () => {
    const revoked = await app.request("/api/facts", json(fact("5"), bearer(secrets.gone)));
    expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await expectProblem(revoked, 401)).type).toMatch(/token-revoked$/);
    const wrong = await app.request("/api/facts", json(fact("5"), bearer(`${secrets.writer}x`)));
    expect((await expectProblem(wrong, 401)).type).toMatch(/unauthorized$/);
  });

  it("an unknown municipality in the audit filter is 404 with suggestions", async () => {
    const body = await expectProblem(await app.request("/api/audit?municipality=Lidingoo", { headers: auth }), 404);
    expect(body.suggestions).toContain("Lidingö");
  });

  it("the OpenAPI document declares GET /api/audit and GET /api/tokens, with the bearer scheme", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { security?: unknown[] } }>;
    };
    expect(doc.paths["/api/audit"]?.get?.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths["/api/tokens"]?.get).toBeDefined();
  });
});

describe("a service without MOTIONERA_TOKEN", () => {
  it("takes named tokens (a request without one is 401), and is read-only (403) with none at all", async () => {
    const ws = tempWorkspace();
    const w = await Workspace.open({ db: ws.db });
    const bare = createApp(w, {});
    await expectProblem(await bare.request("/api/facts", json(fact("6"), auth)), 403);
    const { secret } = await issueToken(w.store, "only", "write");
    expect((await bare.request("/api/facts", json(fact("6"), bearer(secret)))).status).toBe(201);
    await expectProblem(await bare.request("/api/facts", json(fact("7"))), 401);
  });
});

describe("the municipality page", () => {
  it("lists the latest changes with who and when, in Swedish", async () => {
    const html = await (await app.request("/kommun/Lidingö")).text();
    expect(html).toContain("Senaste ändringar");
    expect(html).toContain("token ”writer” lade till en uppgift");
    expect(html).toMatch(/<time datetime="[^"]+">\d{1,2} [a-zåäö]+ \d{4} kl\. \d\d\.\d\d<\/time>/);
    const other = await (await app.request("/kommun/Åmål")).text();
    expect(other).toContain("Inga ändringar är loggade för kommunen");
  });
});

describe("staff sessions with named tokens", () => {
  it("a named admin token signs in; its cookie stops working when it is revoked; write is refused", async () => {
    const ws = tempWorkspace();
    const w = await Workspace.open({ db: ws.db });
    const a = createApp(w, { token: "env-nyckel", draftsPerMinute: 0 });
    const { secret } = await issueToken(w.store, "kansliet", "admin");
    const cookie = await signedIn(a, secret);
    expect(cookie).not.toContain(secret);
    expect((await a.request("/personal", { headers: { cookie } })).status).toBe(200);
    // Altered name in the cookie: refused.
    const forged = cookie.replace(/kansliet$/, "kanslie");
    expect((await a.request("/personal", { headers: { cookie: forged } })).status).toBe(303);
    await w.store.revokeToken("kansliet");
    expect((await a.request("/personal", { headers: { cookie } })).status).toBe(303);

    // What staff change on the pages is logged under the token they signed in with.
    const { secret: other } = await issueToken(w.store, "redaktor", "admin");
    const staff = await signedIn(a, other);
    const form = { key: "snow_clearing_cost", label: "Snöröjning", description: "Kronor.", type: "number" };
    const added = await a.request(
      "/personal/faktanycklar/ny",
      formPost({ ...form, scopes: ["kommun"] }, { cookie: staff }),
    );
    expect(added.status).toBe(303);
    const [entry] = await w.store.audit({ limit: 1 });
    expect(entry).toMatchObject({ actor: { kind: "token", name: "redaktor" }, action: "factKeys.change" });

    const { secret: writer } = await issueToken(w.store, "skribent", "write");
    const refused = await a.request("/personal/logga-in", formPost({ token: writer }));
    expect(refused.status).toBe(403);
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(await refused.text()).toContain("har inte rollen admin");
    // MOTIONERA_TOKEN still signs in.
    expect((await a.request("/personal", { headers: { cookie: await signedIn(a, "env-nyckel") } })).status).toBe(200);
  });
});
