/** The OpenAPI document, Swagger UI and its assets, and the answers for paths and methods we do not have. */
import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem, makeApp } from "./helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
beforeAll(async () => {
  ({ app } = await makeApp());
});

const routes: [string, string][] = [
  ["get", "/api/templates"],
  ["get", "/api/templates/{id}"],
  ["get", "/api/municipalities"],
  ["get", "/api/municipalities/{codeOrName}"],
  ["get", "/api/municipalities/{codeOrName}/facts"],
  ["post", "/api/facts"],
  ["get", "/api/corpus/search"],
  ["get", "/api/corpus/export"],
  ["post", "/api/corpus/import"],
  ["get", "/api/corpus/{id}"],
  ["post", "/api/drafts"],
];

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3 document with every route and the schemas they use", async () => {
    const res = await app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await res.json()) as {
      openapi: string;
      info: { title: string; version: string; description: string };
      servers: { url: string }[];
      paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: "Motionera API", version: "0.1.0" });
    expect(doc.info.description).toContain("kommuner");
    expect(doc.servers).toEqual([{ url: "/", description: expect.any(String) }]);
    for (const [method, path] of routes) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    for (const name of [
      "Problem",
      "DraftRequest",
      "Template",
      "Municipality",
      "FactEntry",
      "Fact",
      "CorpusDocument",
      "SearchResult",
    ])
      expect(doc.components.schemas[name], name).toBeDefined();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/api/facts"]!.post!.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(doc.paths["/api/corpus/import"]!.post!.responses)).toEqual(
      expect.arrayContaining(["200", "207", "401", "413", "422"]),
    );
  });
});

describe("GET /api/docs", () => {
  it("shows for each error status an example of that status's own answer (not one 422 for all)", async () => {
    type Media = { schema?: { $ref?: string }; example?: { status: number; type: string } };
    type Responses = Record<string, { content?: Record<string, Media> }>;
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Responses }>>;
    };
    const seen = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const media = response.content?.["application/problem+json"];
          // A route's own problem shape (the import's results) is described by the route itself.
          if (media?.schema?.$ref !== "#/components/schemas/Problem") continue;
          const example = media.example;
          expect(example, `${method} ${path} ${status}`).toBeDefined();
          expect(example!.status, `${method} ${path} ${status}`).toBe(Number(status));
          seen.add(`${status} ${example!.type.replace(/^.*\//, "")}`);
        }
      }
    }
    expect([...seen]).toEqual(
      expect.arrayContaining(["404 not-found", "406 not-acceptable", "413 too-large", "422 unknown-municipality"]),
    );
  });

  it("the documentation page leads back to the site, in Swedish", async () => {
    const html = await (await app.request("/api/docs")).text();
    expect(html).toMatch(
      /<nav class="motionera-back" lang="sv" aria-label="Motionera"><a href="\/">← Till Motionera<\/a>/,
    );
    const css = await app.request("/api/docs/assets/docs.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
  });

  it("serves Swagger UI with its assets from /api/docs/assets, no CDN", async () => {
    const res = await app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('id="swagger-ui"');
    expect(page).not.toMatch(/https?:\/\//);
    // Scripts and stylesheets (the bar's links back to the site are pages, tested above).
    const srcs = [...page.matchAll(/(?:src|rel="stylesheet" href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThanOrEqual(3);
    for (const url of srcs) {
      expect(url.startsWith("/api/docs/assets/")).toBe(true);
      const asset = await app.request(url);
      expect(asset.status, url).toBe(200);
      expect(asset.headers.get("content-type"), url).toMatch(url.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
    }
    // The page's own script is a file: it runs under the strict policy every page has.
    expect(page).not.toMatch(/<script>(?!<\/script>)/);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const init = await (await app.request("/api/docs/assets/init.js")).text();
    expect(init).toContain('"/api/openapi.json"');
  });

  it("serves only swagger-ui-dist's own files", async () => {
    await expectProblem(await app.request("/api/docs/assets/swagger-ui-dist/nope.js"), 404);
    await expectProblem(await app.request("/api/docs/assets/swagger-ui-dist/package.json"), 404);
    await expectProblem(await app.request("/api/docs/assets/swagger-ui-dist/..%2F..%2Fpackage.json"), 404);
    expect((await app.request("/api/docs/assets/swagger-ui-dist/swagger-ui.css")).status).toBe(200);
  });
});

describe("methods and paths the API does not have", () => {
  it("answers other methods with 405 and Allow", async () => {
    const cases: [string, string, string][] = [
      ["GET", "/api/drafts", "POST"],
      ["DELETE", "/api/templates", "GET"],
      ["PUT", "/api/templates/kast-avtal", "GET"],
      ["POST", "/api/municipalities", "GET"],
      ["DELETE", "/api/municipalities/0186", "GET"],
      ["POST", "/api/municipalities/0186/facts", "GET"],
      ["GET", "/api/facts", "POST"],
      ["POST", "/api/corpus/search", "GET"],
      ["PATCH", "/api/corpus/export", "GET"],
      ["GET", "/api/corpus/import", "POST"],
      ["DELETE", "/api/corpus/2018-umea-debattartikel-s", "GET"],
      ["POST", "/api/openapi.json", "GET"],
      ["POST", "/api/docs", "GET"],
    ];
    for (const [method, path, allowed] of cases) {
      const res = await app.request(path, { method });
      expect(res.headers.get("allow"), `${method} ${path}`).toContain(allowed);
      const body = await expectProblem(res, 405);
      expect(body.title).toBe("Metoden stöds inte");
    }
  });

  it("answers OPTIONS with 204 and Allow", async () => {
    const res = await app.request("/api/drafts", { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("answers an unknown path with a 404 problem", async () => {
    const body = await expectProblem(await app.request("/api/nope"), 404);
    expect(body.title).toBe("Hittades inte");
    await expectProblem(await app.request("/api/corpus/a/b"), 404);
  });
});
