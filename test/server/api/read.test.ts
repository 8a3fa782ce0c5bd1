/** Templates, municipalities and the facts a municipality has (read-only routes). */
import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem, makeApp, paths } from "./helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
beforeAll(async () => {
  ({ app } = await makeApp());
});

describe("GET /api/templates", () => {
  it("lists every template with inputs, facts and maxAge", async () => {
    const res = await app.request("/api/templates");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const list = (await res.json()) as {
      id: string;
      kind: string;
      title: string;
      description: string;
      topics: string[];
      inputs: unknown[];
      facts: { key: string; label: string }[];
      maxAge: string;
    }[];
    expect(list.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        "kast-avtal",
        "handlingsplan-prostitution",
        "beslut-prostitution",
        "natverk-manniskohandel",
        "nytt-forslag",
      ]),
    );
    const kast = list.find((t) => t.id === "kast-avtal")!;
    expect(Object.keys(kast).sort()).toEqual([
      "description",
      "facts",
      "id",
      "inputs",
      "kind",
      "maxAge",
      "title",
      "topics",
    ]);
    expect(kast.kind).toBe("motion");
    expect(kast.maxAge).toBe("P5Y");
    expect(kast.facts.find((f: { key: string }) => f.key === "mika_kast_agreement")).toMatchObject({
      key: "mika_kast_agreement",
      label: expect.any(String),
    });
  });

  it("gives one template", async () => {
    const res = await app.request("/api/templates/kast-avtal");
    expect(res.status).toBe(200);
    const t = (await res.json()) as { id: string; inputs: { name: string }[] };
    expect(t.id).toBe("kast-avtal");
    expect(t.inputs.map((i) => i.name)).toContain("committee");
  });

  it("answers an unknown template with 404 and the nearest ids", async () => {
    const body = await expectProblem(await app.request("/api/templates/kast-avtl"), 404);
    expect(body.title).toBe("Okänd mall");
    expect(body.suggestions).toContain("kast-avtal");
    expect(body.detail).toContain("Menade du");
  });
});

describe("GET /api/municipalities", () => {
  type M = {
    code: string;
    name: string;
    officialName: string;
    selfName: string;
    county: { code: string; name: string; letter: string };
  };

  it("lists all 290", async () => {
    const res = await app.request("/api/municipalities");
    expect(res.status).toBe(200);
    const list = (await res.json()) as M[];
    expect(list).toHaveLength(290);
    expect(list.find((m) => m.code === "0186")).toEqual({
      code: "0186",
      name: "Lidingö",
      officialName: "Lidingö kommun",
      selfName: "Lidingö stad",
      county: { code: "01", name: "Stockholms län", letter: "AB" },
    });
  });

  it("filters by q, diacritics-insensitive, names starting with q first", async () => {
    const lid = (await (await app.request("/api/municipalities?q=lidingo")).json()) as M[];
    expect(lid.map((m) => m.name)).toEqual(["Lidingö"]);
    const ore = (await (await app.request(`/api/municipalities?q=${encodeURIComponent("Öre")}`)).json()) as M[];
    expect(ore.map((m) => m.name)).toEqual(["Örebro", "Töreboda"]);
    expect(await (await app.request("/api/municipalities?q=ore")).json()).toEqual(ore);
    const dal = (await (await app.request("/api/municipalities?q=dal")).json()) as M[];
    const dalNames = dal.map((m) => m.name);
    expect(dalNames.indexOf("Dals-Ed")).toBeLessThan(dalNames.indexOf("Mölndal"));
    expect(dalNames).toContain("Mölndal");
    const none = (await (await app.request("/api/municipalities?q=xyzzy")).json()) as M[];
    expect(none).toEqual([]);
  });

  it("rejects an over-long q with 400", async () => {
    const body = await expectProblem(await app.request(`/api/municipalities?q=${"a".repeat(101)}`), 400);
    expect(paths(body)).toEqual(["q"]);
  });

  it("finds one by code, by folded name and by self name", async () => {
    for (const q of ["0186", "lidingo", encodeURIComponent("Lidingö stad"), "LIDINGÖ"]) {
      const res = await app.request(`/api/municipalities/${q}`);
      expect(res.status, q).toBe(200);
      expect(((await res.json()) as M).code).toBe("0186");
    }
  });

  it("answers an unknown one with 404 and did-you-mean", async () => {
    const body = await expectProblem(await app.request("/api/municipalities/Lidingoo"), 404);
    expect(body.title).toBe("Okänd kommun");
    expect(body.suggestions).toContain("Lidingö");
    expect(body.detail).toContain("Menade du");
  });
});

describe("GET /api/municipalities/{codeOrName}/facts", () => {
  type Row = {
    key: string;
    value: string;
    asOf: string | null;
    age: string | null;
    source: { title?: string; publisher: string };
    scope: string;
    latest: boolean;
    id: string;
    rawValue: { type: string };
  };
  type Out = { municipality: { code: string; name: string }; facts: Row[] };

  it("gives the latest facts for Lidingö with value, date, age, source and scope", async () => {
    const res = await app.request("/api/municipalities/lidingo/facts");
    expect(res.status).toBe(200);
    const out = (await res.json()) as Out;
    expect(out.municipality).toMatchObject({ code: "0186", name: "Lidingö" });
    expect(out.facts.length).toBeGreaterThan(0);
    expect(out.facts.every((r) => r.latest)).toBe(true);
    const scopes = new Set(out.facts.map((r) => r.scope));
    expect(scopes.has("kommun")).toBe(true);
    for (const r of out.facts) {
      expect(r).toMatchObject({
        key: expect.any(String),
        value: expect.any(String),
        source: { publisher: expect.any(String) },
        id: expect.any(String),
      });
      // A source carries its own title or none (never a description of ours).
      if (r.source.title !== undefined) expect(r.source.title).toEqual(expect.any(String));
      expect(r.rawValue.type).toMatch(/^(boolean|number|text|date)$/);
      if (r.asOf) expect(typeof r.age).toBe("string");
    }
  });

  it("includes older values with history=true", async () => {
    const latest = (await (await app.request("/api/municipalities/0186/facts?history=false")).json()) as Out;
    const all = (await (await app.request("/api/municipalities/0186/facts?history=true")).json()) as Out;
    expect(all.facts.length).toBeGreaterThanOrEqual(latest.facts.length);
    expect(all.facts.filter((r) => r.latest)).toHaveLength(latest.facts.length);
  });

  it("rejects a bad history value and an unknown municipality", async () => {
    expect(paths(await expectProblem(await app.request("/api/municipalities/0186/facts?history=maybe"), 400))).toEqual([
      "history",
    ]);
    const body = await expectProblem(await app.request("/api/municipalities/Nowhere/facts"), 404);
    expect(body.title).toBe("Okänd kommun");
  });
});
