/**
 * Issue 16: responses compressed where the client accepts it (brotli, else gzip), decoded back
 * to exactly the uncompressed body; never for small bodies, downloads compressed already, HEAD,
 * or a client that refuses both; a favicon on every page.
 */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { auth, json, lidingoRequest, makeApp } from "./api/helpers.js";

type App = Awaited<ReturnType<typeof makeApp>>["app"];

async function get(app: App, path: string, acceptEncoding?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (acceptEncoding !== undefined) headers.set("accept-encoding", acceptEncoding);
  const res = await app.request(path, { ...init, headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

function decoded(res: Response, bytes: Buffer): string {
  const encoding = res.headers.get("content-encoding");
  if (encoding === "br") return brotliDecompressSync(bytes).toString("utf8");
  if (encoding === "gzip") return gunzipSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

describe("compressed responses", () => {
  it("pages, the API and the API documentation's bundle: brotli first, gzip next, the same body decoded", async () => {
    const { app } = await makeApp();
    for (const path of [
      "/",
      "/api/templates",
      "/api/openapi.json",
      "/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js",
    ]) {
      const plain = await get(app, path);
      expect(plain.res.status, path).toBe(200);
      expect(plain.res.headers.get("content-encoding"), path).toBeNull();
      expect(plain.res.headers.get("vary"), path).toMatch(/accept-encoding/i);
      const text = plain.bytes.toString("utf8");

      const br = await get(app, path, "gzip, deflate, br");
      expect(br.res.headers.get("content-encoding"), path).toBe("br");
      expect(br.res.headers.get("vary"), path).toMatch(/accept-encoding/i);
      expect(decoded(br.res, br.bytes), path).toBe(text);
      expect(br.bytes.length, path).toBeLessThan(plain.bytes.length / 3);

      const gz = await get(app, path, "gzip");
      expect(gz.res.headers.get("content-encoding"), path).toBe("gzip");
      expect(decoded(gz.res, gz.bytes), path).toBe(text);
    }
  });

  it("follows the client's q-values: br;q=0 gets gzip, identity only gets the body as it is", async () => {
    const { app } = await makeApp();
    expect((await get(app, "/", "br;q=0, gzip")).res.headers.get("content-encoding")).toBe("gzip");
    expect((await get(app, "/", "gzip;q=0.5, br;q=0.8")).res.headers.get("content-encoding")).toBe("br");
    const identity = await get(app, "/", "identity");
    expect(identity.res.headers.get("content-encoding")).toBeNull();
    expect(identity.bytes.toString("utf8")).toContain("<!doctype html>");
  });

  it("the API documentation's bundle: at least 4 times smaller with brotli (1.7 MB sent whole before)", async () => {
    const { app } = await makeApp();
    const path = "/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js";
    const plain = await get(app, path);
    const first = await get(app, path, "br");
    const again = await get(app, path, "br"); // kept: the same bytes
    expect(first.bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(again.bytes.equals(first.bytes)).toBe(true);
  });

  it("leaves alone: a small body, HEAD, a DOCX download; a cached asset's 304 answers a weak ETag", async () => {
    const { app } = await makeApp();
    const health = await get(app, "/healthz", "br");
    expect(health.res.headers.get("content-encoding")).toBeNull();
    expect(JSON.parse(health.bytes.toString("utf8"))).toEqual({ status: "ok" });

    const head = await get(app, "/", "br", { method: "HEAD" });
    expect(head.res.headers.get("content-encoding")).toBeNull();

    const docx = await app.request("/api/drafts", {
      ...json({ ...lidingoRequest, format: "docx" }, { ...auth, "accept-encoding": "br, gzip" }),
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-encoding")).toBeNull();
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");

    const css = await get(app, "/assets/site.css", "br");
    expect(css.res.headers.get("content-encoding")).toBe("br");
    const etag = css.res.headers.get("etag")!;
    expect(etag).toMatch(/^W\//);
    const cached = await get(app, "/assets/site.css", "br", { headers: { "if-none-match": etag } });
    expect(cached.res.status).toBe(304);
  });
});

describe("the favicon", () => {
  it("every page links it; /favicon.ico leads to it; it is an SVG", async () => {
    const { app } = await makeApp();
    for (const path of ["/", "/korpus", "/kommun", "/kampanj"]) {
      const html = await (await app.request(path)).text();
      expect(html, path).toMatch(
        /<link rel="icon" href="\/assets\/favicon\.svg\?v=[0-9a-f]{12}" type="image\/svg\+xml"/,
      );
    }
    const ico = await app.request("/favicon.ico");
    expect(ico.status).toBe(302);
    const svg = await app.request(ico.headers.get("location")!);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
