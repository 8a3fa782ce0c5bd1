/**
 * Issue 11, point 8: the optional Host allow-list (against DNS rebinding) and problem bodies
 * for missing assets. The Node adapter builds the request URL from the Host header, so a
 * request for http://evil.example/ is what a rebinding page's request looks like to the app;
 * the real socket is tested in test/cli/serve-limits.e2e.test.ts.
 */
import { describe, expect, it } from "vitest";
import { allowedHostSchema } from "../../../src/domain/allowed-host.js";
import { expectProblem, makeApp, token } from "./helpers.js";

describe("--allowed-hosts", () => {
  it(
    "answers only the listed hosts: another Host gets 421 problem+json on pages and API alike, without " +
      "repeating the Host",
    async () => {
      const { app } = await makeApp({ token, allowedHosts: ["motionera.example", "127.0.0.1:8787", "[::1]"] });
      for (const url of [
        "http://motionera.example/",
        "http://motionera.example:9000/api/templates",
        "http://127.0.0.1:8787/kampanj",
        "http://[::1]:8787/korpus",
        "http://MOTIONERA.example/kommun",
      ]) {
        expect((await app.request(url)).status, url).toBe(200);
      }
      for (const url of [
        "http://evil.example/",
        "http://evil.example/api/templates",
        "http://127.0.0.1:8788/",
        "http://motionera.example.evil.example/",
        "http://localhost/",
      ]) {
        const res = await app.request(url);
        const p = await expectProblem(res, 421);
        expect(p.type).toMatch(/host-not-allowed$/);
        expect(JSON.stringify(p)).not.toMatch(/evil|localhost|8788/);
        // The security headers are still set on the refusal.
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      }
      // A refused POST does not reach the form (no CSRF check, no drafting, no budget spent).
      const post = await app.request("http://evil.example/utkast", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://evil.example" },
        body: "template=kast-avtal",
      });
      await expectProblem(post, 421);
    },
  );

  it("answers /healthz and /readyz whatever the Host (load balancers probe by address)", async () => {
    const { app } = await makeApp({ token, allowedHosts: ["motionera.example"] });
    expect((await app.request("http://10.0.0.7:8787/healthz")).status).toBe(200);
    const ready = await app.request("http://10.0.0.7:8787/readyz");
    expect([ready.status, await ready.json()]).toEqual([200, { status: "ok" }]);
  });

  it("without a list every Host is answered (the default)", async () => {
    const { app } = await makeApp({ token });
    expect((await app.request("http://anything.example/")).status).toBe(200);
  });

  it("the option's values are host names or addresses, with an optional port", () => {
    for (const ok of ["motionera.example", "localhost", "127.0.0.1:8787", "[::1]", "[::1]:8787", "xn--lidng-jua.se"])
      expect(allowedHostSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["", "http://motionera.example", "a/b", "*.example", "user@host", "a b"])
      expect(allowedHostSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe("/assets/<missing>", () => {
  it(
    "is a 404 problem+json with a content type (was an empty body without one); a real asset " + "still loads",
    async () => {
      const { app } = await makeApp({ token });
      for (const path of ["/assets/missing.css", "/assets/..%2Fapp.ts", "/assets/.env", "/assets/site.css.map"]) {
        const res = await app.request(path);
        const p = await expectProblem(res, 404);
        expect(p.detail).toBe("Filen finns inte.");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      }
      const css = await app.request("/assets/site.css");
      expect(css.status).toBe(200);
      expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    },
  );
});
