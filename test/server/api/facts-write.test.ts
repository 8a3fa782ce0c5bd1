/** POST /api/facts: token, read-only service, validation, core errors, and the stored fact. */
import { beforeAll, describe, expect, it } from "vitest";
import { auth, expectProblem, json, makeApp, paths } from "./helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
let readOnly: Awaited<ReturnType<typeof makeApp>>["app"];
beforeAll(async () => {
  ({ app } = await makeApp());
  ({ app: readOnly } = await makeApp({}));
});

const entry = {
  subject: "Lidingö",
  key: "kast_municipality_count",
  value: "31",
  asOf: "2026-01-15",
  source: {
    title: "KAST-samverkan i länet",
    publisher: "Region Stockholm",
    date: "2026-01-15",
    url: "https://example.se/kast",
  },
  note: "testvärde",
};

describe("POST /api/facts", () => {
  it("needs a token: missing 401, wrong 401 (with WWW-Authenticate)", async () => {
    const missing = await app.request("/api/facts", json(entry));
    await expectProblem(missing, 401);
    const wrong = await app.request("/api/facts", json(entry, { Authorization: "Bearer nope" }));
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectProblem(wrong, 401);
  });

  it("is refused with 403 when the service has no token", async () => {
    const body = await expectProblem(await readOnly.request("/api/facts", json(entry, auth)), 403);
    expect(body.title).toBe("Skrivskyddad tjänst");
  });

  it("answers an invalid body with 400 and the path of each field", async () => {
    const bad = { ...entry, asOf: "15 januari", source: { title: "", publisher: "X", url: "not a url" } };
    const body = await expectProblem(await app.request("/api/facts", json(bad, auth)), 400);
    expect(paths(body)).toEqual(expect.arrayContaining(["asOf", "source/title", "source/url"]));
  });

  it("answers an unknown key with 422 and suggestions", async () => {
    const body = await expectProblem(
      await app.request("/api/facts", json({ ...entry, key: "kast_municipality_cout" }, auth)),
      422,
    );
    expect(paths(body)).toEqual(["key"]);
    expect(body.suggestions).toContain("kast_municipality_count");
  });

  it("answers a value of the wrong type and an unknown subject with 422 at that field", async () => {
    const key = "mika_kast_agreement";
    const v = await expectProblem(await app.request("/api/facts", json({ ...entry, key, value: "kanske" }, auth)), 422);
    expect(paths(v)).toEqual(["value"]);
    const s = await expectProblem(
      await app.request("/api/facts", json({ ...entry, key, value: "ja", subject: "Ingenstans" }, auth)),
      422,
    );
    expect(paths(s)).toEqual(["subject"]);
  });

  it("needs JSON: 415 for another content type, 400 problem for malformed JSON", async () => {
    await expectProblem(
      await app.request("/api/facts", {
        method: "POST",
        headers: { ...auth, "content-type": "text/plain" },
        body: "x",
      }),
      415,
    );
    const body = await expectProblem(
      await app.request("/api/facts", {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: '{"subject": "Lid',
      }),
      400,
    );
    expect(body.title).toBe("Ogiltig JSON");
  });

  it("stores a good fact (201) and GET shows it", async () => {
    const fact = { ...entry, key: "mika_kast_agreement", value: "ja" };
    const res = await app.request("/api/facts", json(fact, auth));
    expect(res.status).toBe(201);
    const stored = (await res.json()) as {
      id: string;
      subject: string;
      key: string;
      value: { type: string; value: unknown };
      asOf: string;
      source: { title: string };
    };
    expect(stored).toMatchObject({
      subject: "0186",
      key: "mika_kast_agreement",
      value: { type: "boolean", value: true },
      asOf: "2026-01-15",
      source: { title: entry.source.title },
    });

    const out = (await (await app.request("/api/municipalities/0186/facts")).json()) as {
      facts: { id: string; key: string; value: string; latest: boolean; note?: string }[];
    };
    const row = out.facts.find((r) => r.id === stored.id);
    expect(row).toMatchObject({ key: "mika_kast_agreement", value: "ja", latest: true, note: "testvärde" });
  });
});
