/** Staff sign-in: the token typed once becomes a signed cookie; staff pages need it; a wrong token never passes. */
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { cookieOf, formPost, signedIn, withCookie } from "../../helpers/staff-app.js";

const token = "rätt-nyckel";

async function app(options: { token?: string } = { token }) {
  return createApp(await Workspace.open({ db: tempWorkspace().db }), { ...options, draftsPerMinute: 0 });
}

const form = (body: Record<string, string>, cookie = "") => formPost(body, withCookie(cookie));

describe("staff sign-in", () => {
  it("sends a visitor to the sign-in page and back to where they were going", async () => {
    const a = await app();
    const res = await a.request("/personal");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/personal/logga-in?till=%2Fpersonal");
    const page = await (await a.request("/personal/logga-in?till=%2Fpersonal")).text();
    expect(page).toContain("Logga in som personal");
    expect(page).toContain('type="password"');
    expect(page).toContain('name="till" value="/personal"');
  });

  it("takes the right token, sets an HttpOnly SameSite=Strict cookie, and the cookie opens staff pages", async () => {
    const a = await app();
    const res = await a.request("/personal/logga-in", form({ token, till: "/personal" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/personal");
    const set = res.headers.get("set-cookie")!;
    expect(set).toMatch(/^motionera_personal=/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Max-Age=43200/);
    expect(set).not.toContain(token);
    const home = await a.request("/personal", { headers: { cookie: cookieOf(res) } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("För partikansliet");
  });

  it("refuses a wrong or empty token with the field's error, and sets no cookie", async () => {
    const a = await app();
    const wrong = await a.request("/personal/logga-in", form({ token: "fel" }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const html = await wrong.text();
    expect(html).toContain("Skrivnyckeln stämmer inte.");
    expect(html).toContain('aria-invalid="true"');
    const empty = await a.request("/personal/logga-in", form({ token: "  " }));
    expect(empty.status).toBe(401);
    expect(await empty.text()).toContain("Skriv skrivnyckeln.");
  });

  it("accepts no forged, altered or foreign cookie, and one signed for another token stops working", async () => {
    const a = await app();
    const good = await signedIn(a, token);
    const [name, value] = good.split("=") as [string, string];
    const forged = `${name}=v1.99999999999999.${value.split(".").pop()}`;
    for (const cookie of [forged, `${name}=v1.99999999999999`, `${name}=${value.slice(0, -3)}abc`]) {
      expect((await a.request("/personal", { headers: { cookie } })).status).toBe(303);
    }
    const other = await app({ token: "en-annan-nyckel" });
    expect((await other.request("/personal", { headers: { cookie: good } })).status).toBe(303);
  });

  it("goes back only to a path on this site", async () => {
    const a = await app();
    for (const till of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      const res = await a.request("/personal/logga-in", form({ token, till }));
      expect(res.headers.get("location")).toBe("/personal");
    }
  });

  it("says a service without a token is read-only, and refuses sign-in there", async () => {
    const a = await app({});
    expect(await (await a.request("/personal/logga-in")).text()).toContain("Tjänsten är bara för läsning");
    const res = await a.request("/personal/logga-in", form({ token: "vad-som-helst" }));
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a sign-in posted from another site, and a post to a staff page without a session", async () => {
    const a = await app();
    const cross = await a.request("/personal/logga-in", {
      ...form({ token }),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    expect(cross.headers.get("set-cookie")).toBeNull();
    const out = await a.request("/personal/logga-ut", form({}));
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/motionera_personal=;.*Max-Age=0/);
  });

  it("limits sign-in attempts per client", async () => {
    const a = await app();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await a.request("/personal/logga-in", form({ token: "fel" }))).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
