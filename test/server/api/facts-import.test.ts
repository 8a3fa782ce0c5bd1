/** POST /api/facts/import: the same core function as `motionera facts import`. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auth, expectProblem, makeApp } from "./helpers.js";

const form = (name: string, content: string, fields: Record<string, string>) => {
  const fd = new FormData();
  fd.append("file", new File([content], name));
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
const source = { key: "mika_kast_agreement", sourceTitle: "Testtabell", publisher: "Testutgivare", asOf: "2025" };

describe("POST /api/facts/import", () => {
  it("needs a token", async () => {
    const { app } = await makeApp();
    await expectProblem(await app.request("/api/facts/import", { method: "POST", body: form("a.csv", "Kommun;Avtal\nSolna;ja\n", source) }), 401);
  });

  it("plans with dryRun, then imports; the new value is served", async () => {
    const { app, ws } = await makeApp();
    const before = readFileSync(ws.db);
    const dry = await app.request("/api/facts/import", { method: "POST", headers: auth, body: form("a.csv", "Kommun;Avtal\nSolna;ja\n", { ...source, dryRun: "true" }) });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ committed: false, counts: { new: 1 }, facts: [{ subject: "0184", kind: "new" }] });
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    const res = await app.request("/api/facts/import", { method: "POST", headers: auth, body: form("a.csv", "Kommun;Avtal\nSolna;ja\n", source) });
    expect(res.status).toBe(200);
    const facts = (await (await app.request("/api/municipalities/solna/facts")).json()) as { facts: { key: string; value: string; source: { title: string } }[] };
    expect(facts.facts.find((f) => f.key === "mika_kast_agreement")).toMatchObject({ value: "ja", source: { title: "Testtabell" } });
  });

  it("refuses a file with a bad row: 422 with line and column per problem, nothing written", async () => {
    const { app, ws } = await makeApp();
    const before = readFileSync(ws.db);
    const p = await expectProblem(await app.request("/api/facts/import", { method: "POST", headers: auth, body: form("a.csv", "Kommun;Avtal\nSolna;ja\nLidngö;ja\n", source) }), 422);
    expect(p.errors?.[0]?.message).toMatch(/rad 3, kolumn "Kommun": okänd kommun "Lidngö"/);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    const noSource = await expectProblem(await app.request("/api/facts/import", { method: "POST", headers: auth, body: form("a.csv", "Kommun;Avtal\nSolna;ja\n", { key: "mika_kast_agreement", asOf: "2025" }) }), 422);
    expect(noSource.errors?.[0]?.path).toBe("sourceTitle");
  });
});
