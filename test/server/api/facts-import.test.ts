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
    await expectProblem(
      await app.request("/api/facts/import", {
        method: "POST",
        body: form("a.csv", "Kommun;Avtal\nSolna;ja\n", source),
      }),
      401,
    );
  });

  it("plans with dryRun, then imports; the new value is served", async () => {
    const { app, ws } = await makeApp();
    const before = readFileSync(ws.db);
    const dry = await app.request("/api/facts/import", {
      method: "POST",
      headers: auth,
      body: form("a.csv", "Kommun;Avtal\nSolna;ja\n", { ...source, dryRun: "true" }),
    });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      committed: false,
      counts: { new: 1 },
      facts: [{ subject: "0184", kind: "new" }],
    });
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    const res = await app.request("/api/facts/import", {
      method: "POST",
      headers: auth,
      body: form("a.csv", "Kommun;Avtal\nSolna;ja\n", source),
    });
    expect(res.status).toBe(200);
    const facts = (await (await app.request("/api/municipalities/solna/facts")).json()) as {
      facts: { key: string; value: string; source: { title: string } }[];
    };
    expect(facts.facts.find((f) => f.key === "mika_kast_agreement")).toMatchObject({
      value: "ja",
      source: { title: "Testtabell" },
    });
  });

  it("refuses a file with a bad row: 422 with line and column per problem, nothing written", async () => {
    const { app, ws } = await makeApp();
    const before = readFileSync(ws.db);
    const p = await expectProblem(
      await app.request("/api/facts/import", {
        method: "POST",
        headers: auth,
        body: form("a.csv", "Kommun;Avtal\nSolna;ja\nLidngö;ja\n", source),
      }),
      422,
    );
    expect(p.errors?.[0]?.message).toMatch(/rad 3, kolumn "Kommun": okänd kommun "Lidngö"/);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    const noSource = await expectProblem(
      await app.request("/api/facts/import", {
        method: "POST",
        headers: auth,
        body: form("a.csv", "Kommun;Avtal\nSolna;ja\n", { key: "mika_kast_agreement", asOf: "2025" }),
      }),
      422,
    );
    expect(noSource.errors?.[0]?.path).toBe("sourceTitle");
  });
});

describe("POST /api/facts/import: bounds", () => {
  it("lists the first 100 problems (line and column each) and says how many more there are", async () => {
    const { app, ws } = await makeApp();
    const before = readFileSync(ws.db);
    const rows = Array.from({ length: 150 }, (_, i) => `Lidngö${i};ja`).join("\n");
    const p = await expectProblem(
      await app.request("/api/facts/import", {
        method: "POST",
        headers: auth,
        body: form("a.csv", `Kommun;Avtal\n${rows}\n`, { ...source, dryRun: "true" }),
      }),
      422,
    );
    expect(p.errors).toHaveLength(100);
    expect(p.errors?.[0]?.message).toMatch(/^rad 2, kolumn "Kommun": okänd kommun "Lidngö0"/);
    expect(p.errors?.[99]?.message).toMatch(/^rad 101,/);
    expect(p.detail).toMatch(/150 fel:/);
    expect(p.detail).toMatch(/… och 50 fel till\.$/);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
  });

  it(
    "refuses a body over the import limit with 413, declared or not, and a body that is not " + "multipart with 400",
    async () => {
      const { app: small } = await makeApp({ token: "t0ken", maxImportBytes: 1000 });
      const big = form("a.csv", `Kommun;Avtal\n${"Solna;ja\n".repeat(500)}`, source);
      // FormData bodies carry no Content-Length here: the limit is applied while reading.
      await expectProblem(await small.request("/api/facts/import", { method: "POST", headers: auth, body: big }), 413);
      const encoded = new Request("http://x/", { method: "POST", body: big });
      const declared = {
        ...auth,
        "content-type": encoded.headers.get("content-type")!,
        "content-length": String((await encoded.clone().arrayBuffer()).byteLength),
      };
      await expectProblem(
        await small.request("/api/facts/import", {
          method: "POST",
          headers: declared,
          body: await encoded.arrayBuffer(),
        }),
        413,
      );
      const { app } = await makeApp();
      await expectProblem(
        await app.request("/api/facts/import", {
          method: "POST",
          headers: { ...auth, "content-type": "multipart/form-data; boundary=abc" },
          body: "inte ett formulär",
        }),
        400,
      );
    },
  );

  it(
    "checks the form's fields with the same schema (400 with the path of each), and answers other " + "methods 405",
    async () => {
      const { app } = await makeApp();
      const noFile = new FormData();
      noFile.append("key", "mika_kast_agreement");
      expect(
        (
          await expectProblem(
            await app.request("/api/facts/import", { method: "POST", headers: auth, body: noFile }),
            400,
          )
        ).errors?.map((e) => e.path),
      ).toEqual(["file"]);
      const textAsFile = form("a.csv", "Kommun;Avtal\nSolna;ja\n", { ...source, asOf: "igår" });
      expect(
        (
          await expectProblem(
            await app.request("/api/facts/import", { method: "POST", headers: auth, body: textAsFile }),
            400,
          )
        ).errors?.map((e) => e.path),
      ).toEqual(["asOf"]);
      const get = await app.request("/api/facts/import");
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toMatch(/POST/);
      const spec = (await (await app.request("/api/openapi.json")).json()) as {
        paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
      };
      expect(Object.keys(spec.paths["/api/facts/import"]?.post?.requestBody?.content ?? {})).toEqual([
        "multipart/form-data",
      ]);
    },
  );
});
