/** /api/fact-keys: list, and add/edit/remove with the token; the core's rules as problems. */
import { beforeAll, describe, expect, it } from "vitest";
import { auth, expectProblem, json, makeApp, paths } from "./helpers.js";
import { snowCostKey as snow } from "../../helpers/facts.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
let readOnly: Awaited<ReturnType<typeof makeApp>>["app"];
beforeAll(async () => {
  ({ app } = await makeApp());
  ({ app: readOnly } = await makeApp({}));
});

const send = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  ...json(body, headers),
  method,
});
const del = (headers: Record<string, string> = {}): RequestInit => ({ method: "DELETE", headers });

describe("/api/fact-keys", () => {
  it("lists the database's keys without a token", async () => {
    const res = await app.request("/api/fact-keys");
    expect(res.status).toBe(200);
    const keys = (await res.json()) as { key: string }[];
    expect(keys.map((k) => k.key)).toContain("population");
  });

  it("writes need the token: missing or wrong 401, read-only service 403; nothing is stored", async () => {
    await expectProblem(await app.request("/api/fact-keys", json(snow)), 401);
    await expectProblem(await app.request("/api/fact-keys", json(snow, { Authorization: "Bearer nope" })), 401);
    await expectProblem(await readOnly.request("/api/fact-keys", json(snow, auth)), 403);
    await expectProblem(await app.request("/api/fact-keys/population", del()), 401);
    await expectProblem(await app.request("/api/fact-keys/population", send("PATCH", { label: "X" })), 401);
    const keys = (await (await app.request("/api/fact-keys")).json()) as { key: string }[];
    expect(keys.map((k) => k.key)).not.toContain("snow_cost");
  });

  it("adds, edits and removes a key with the token", async () => {
    const added = await app.request("/api/fact-keys", json(snow, auth));
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject(snow);
    await expectProblem(await app.request("/api/fact-keys", json(snow, auth)), 409);
    const edited = await app.request("/api/fact-keys/snow_cost", send("PATCH", { label: "Snöröjning" }, auth));
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ key: "snow_cost", label: "Snöröjning" });
    const removed = await app.request("/api/fact-keys/snow_cost", del(auth));
    expect(removed.status).toBe(200);
  });

  it("answers a bad field with 422, its path and a suggestion", async () => {
    const body = await expectProblem(
      await app.request("/api/fact-keys", json({ ...snow, key: "snow_x", type: "numbr" }, auth)),
      422,
    );
    expect(paths(body)).toEqual(["type"]);
    expect(body.suggestions).toEqual(["number"]);
  });

  it("refuses to remove a key in use and a type its values break, with 409", async () => {
    const inUse = await expectProblem(await app.request("/api/fact-keys/mika_kast_agreement", del(auth)), 409);
    expect(inUse.detail).toMatch(/används och kan inte tas bort/);
    const conflict = await expectProblem(
      await app.request("/api/fact-keys/mika_kast_agreement", send("PATCH", { type: "number" }, auth)),
      409,
    );
    expect(conflict.detail).toMatch(/kan inte få typen number/);
  });
});
