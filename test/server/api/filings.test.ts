/**
 * /api/filings: list (the CLI's --json rows), one with its history, add and add a step with the
 * write token (a missing token 401, a bad body 400 with the field's path, an unknown id 404 with
 * suggestions), the OpenAPI document describing the four routes.
 */
import { describe, expect, it } from "vitest";
import { auth, expectProblem, json, makeApp, paths } from "./helpers.js";

const filing = {
  kind: "interpellation",
  title: "Vad hände med cykelplanen",
  municipality: "Vaxholm",
  signers: [{ name: "Per Berg", party: "MP" }],
  filed: { kind: "filed", date: "2026-02-01", dnr: "KS 2026/0020", body: "kommunfullmäktige" },
};

describe("/api/filings", () => {
  it("adds an ärende, a step and a correction; lists and returns it with its history", async () => {
    const { app } = await makeApp();
    const added = await app.request("/api/filings", json(filing, auth));
    expect(added.status).toBe(201);
    const body = (await added.json()) as { id: string; municipality: { code: string }; events: unknown[] };
    expect(body.id).toBe("2026-02-01-vad-hande-med-cykelplanen");
    expect(body.municipality.code).toBe("0187");

    const answered = await app.request(
      `/api/filings/${body.id}/steps`,
      json({ step: { kind: "answered", date: "2026-02-20", by: "Kommunstyrelsens ordförande" } }, auth),
    );
    expect(answered.status).toBe(200);
    const corrected = await app.request(
      `/api/filings/${body.id}/steps`,
      json(
        {
          step: { kind: "answered", date: "2026-02-21", by: "Kommunstyrelsens ordförande" },
          corrects: 2,
          reason: "fel dag",
        },
        auth,
      ),
    );
    expect(corrected.status).toBe(200);

    const one = (await (await app.request(`/api/filings/${body.id}`)).json()) as {
      events: { seq: number; corrects?: number; by: { kind: string } }[];
    };
    expect(one.events.map((e) => [e.seq, e.corrects ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, 2],
    ]);
    expect(one.events[0]!.by.kind).toBe("env-token");

    const rows = (await (await app.request("/api/filings?parti=MP&idag=2026-03-01")).json()) as {
      id: string;
      status: string;
      closed: boolean;
    }[];
    expect(rows).toEqual([expect.objectContaining({ id: body.id, status: "besvarad", closed: true })]);
    expect(await (await app.request("/api/filings?parti=V")).json()).toEqual([]);
  });

  it("refuses without a token, a bad body with its path, a step on an unknown id", async () => {
    const { app } = await makeApp();
    await expectProblem(await app.request("/api/filings", json(filing)), 401);
    const bad = await expectProblem(
      await app.request("/api/filings", json({ ...filing, filed: { ...filing.filed, date: "1 feb" } }, auth)),
      400,
    );
    expect(paths(bad)).toContain("filed/date");
    const unknown = await expectProblem(
      await app.request(
        "/api/filings/finns-inte/steps",
        json({ step: { kind: "referred", date: "2026-02-20", committee: "kommunstyrelsen" } }, auth),
      ),
      404,
    );
    expect(unknown.type).toMatch(/filing-unknown$/);
    await expectProblem(await app.request("/api/filings/finns-inte"), 404);
  });

  it("is described in the OpenAPI document", async () => {
    const { app } = await makeApp();
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { tags: string[] }>>;
    };
    expect(Object.keys(doc.paths["/api/filings"]!)).toEqual(["get", "post"]);
    expect(doc.paths["/api/filings/{id}"]!.get!.tags).toEqual(["Ärenden"]);
    expect(doc.paths["/api/filings/{id}/steps"]!.post).toBeDefined();
  });
});
