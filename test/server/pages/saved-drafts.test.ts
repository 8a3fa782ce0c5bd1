/**
 * Saved drafts on the web through app.request: "Spara utkast" with a write sign-in stores the form and leads to
 * /utkast/<id> (prefilled, history, the link to share); without one the page says how (the browser saves it with
 * JavaScript); a new version and a duplicate are made as the caller; the facts then and now with the difference
 * after a fact changed; unknown and malformed ids get the Swedish 404 with a way back; the CSRF guard.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { issueToken } from "../../../src/tokens/issue.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { formPost, signedIn } from "../../helpers/staff-app.js";

let app: ReturnType<typeof createApp>;
let ws: Workspace;
let secrets: { reader: string; writer: string; colleague: string };

beforeEach(async () => {
  ws = await Workspace.open({ db: tempWorkspace().db });
  app = createApp(ws, { draftsPerMinute: 0, previewsPerMinute: 0 });
  secrets = {
    reader: (await issueToken(ws.store, "lasaren", "read")).secret,
    writer: (await issueToken(ws.store, "anna", "write")).secret,
    colleague: (await issueToken(ws.store, "bo", "write")).secret,
  };
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

const form = {
  template: "kast-avtal",
  kommun: "Lidingö",
  "name.0": "Anna Andersson",
  "party.0": "L",
  "partyOther.0": "",
  "role.0": "ledamot",
  date: "2026-12-01",
  "input.committee": "socialnämnden",
  "input.background": "Vår egen bakgrund.",
};

async function saveAs(secret: string): Promise<{ cookie: string; id: string }> {
  const cookie = await signedIn(app, secret, "/utkast/sparade");
  const res = await app.request("/utkast/spara", formPost(form, { cookie }));
  expect(res.status).toBe(303);
  const location = res.headers.get("location")!;
  const id = /^\/utkast\/([A-Za-z0-9_-]{22})\?sparat=1$/.exec(location)?.[1];
  expect(id).toBeDefined();
  return { cookie, id: id! };
}

describe("saved drafts on the web", () => {
  it("saves the form in the store with a write sign-in, and shows it prefilled with its history and link", async () => {
    const { cookie, id } = await saveAs(secrets.writer);
    const page = await app.request(`/utkast/${id}?sparat=1`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('value="Anna Andersson"');
    expect(html).toContain("Vår egen bakgrund.");
    expect(text(html)).toContain("Utkastet är sparat.");
    expect(text(html)).toMatch(/Skapat av anna den \d+ \w+ 2026 kl\. \d\d\.\d\d\./);
    expect(html).toContain(`value="http://localhost/utkast/${id}"`);
    expect(text(html)).toContain("Historik (1 version)");
    expect(html).toContain(`formaction="/utkast/${id}/version"`);
    expect(html).toContain(`formaction="/utkast/${id}/duplicera"`);
    const stored = await ws.store.savedDraft(id);
    expect(stored?.versions[0]?.state).toMatchObject({ kommun: "Lidingö", inputs: { committee: "socialnämnden" } });
    expect((await ws.store.audit({ limit: 1 }))[0]).toMatchObject({ action: "draft.save", actor: { name: "anna" } });
  });

  it("a colleague opens the link, saves a version and duplicates; the history names who and when", async () => {
    const { id } = await saveAs(secrets.writer);
    const bo = await signedIn(app, secrets.colleague, `/utkast/${id}`);
    const changed = { ...form, "input.background": "Bos ändring." };
    const version = await app.request(`/utkast/${id}/version`, formPost(changed, { cookie: bo }));
    expect(version.status).toBe(303);
    expect(version.headers.get("location")).toBe(`/utkast/${id}?sparat=1`);
    const html = await (await app.request(`/utkast/${id}`, { headers: { cookie: bo } })).text();
    expect(text(html)).toContain("Historik (2 versioner)");
    expect(text(html)).toMatch(/Version 2 sparades av bo den/);
    expect(html).toContain("Bos ändring.");
    // The first version is still there.
    const first = await (await app.request(`/utkast/${id}?version=1`, { headers: { cookie: bo } })).text();
    expect(first).toContain("Vår egen bakgrund.");
    expect(text(first)).toContain("Du visar version 1 av 2.");

    const dup = await app.request(`/utkast/${id}/duplicera`, formPost(changed, { cookie: bo }));
    expect(dup.status).toBe(303);
    const copyId = /^\/utkast\/([A-Za-z0-9_-]{22})/.exec(dup.headers.get("location")!)?.[1];
    expect(copyId).not.toBe(id);
    const copy = await ws.store.savedDraft(copyId!);
    expect(copy).toMatchObject({ duplicatedFrom: id, createdBy: { kind: "token", name: "bo" } });
    expect((await ws.store.savedDraft(id))?.versions).toHaveLength(2);
  });

  it("shows the facts as when saved or as now, and which cited facts changed in between", async () => {
    const { cookie, id } = await saveAs(secrets.writer);
    const before = (await ws.store.facts()).filter((f) => f.subject === "0186" && f.key === "mika_kast_agreement");
    expect(before.length).toBeGreaterThan(0);
    await ws.store.addFact({
      subject: "0186",
      key: "mika_kast_agreement",
      value: { type: "boolean", value: false },
      asOf: "2026-11-30",
      source: { title: "Protokoll från socialnämnden (test)", publisher: "Lidingö stad", date: "2026-11-30" },
    });
    ws.invalidate();
    const saved = text(await (await app.request(`/utkast/${id}`, { headers: { cookie } })).text());
    expect(saved).toContain("Förhandsvisningen använder uppgifterna som de var registrerade när utkastet sparades");
    expect(saved).toContain("Uppgifter som har ändrats sedan utkastet sparades");
    expect(saved).toMatch(
      /Avtal med Mikamottagningen och KAST[^,]*, Lidingö ja \(avser [^)]*\) nej \(avser 30 november 2026; registrerad/,
    );
    const now = text(await (await app.request(`/utkast/${id}?fakta=nu`, { headers: { cookie } })).text());
    expect(now).toContain("Förhandsvisningen använder uppgifterna som de är nu.");
  });

  it("without a write sign-in: the browser saves it (with JavaScript), and the page says how", async () => {
    const res = await app.request("/", {});
    const html = await res.text();
    expect(html).toContain('data-save-draft="browser"');
    expect(html).toContain("Mina sparade utkast");
    const post = await app.request("/utkast/spara", formPost(form));
    expect(post.status).toBe(200);
    const page = text(await post.text());
    expect(page).toContain("Utan JavaScript kan utkastet inte sparas i webbläsaren.");
    expect(page).toContain("Logga in för att spara på servern");
    expect(await ws.store.savedDrafts()).toEqual([]);
    // A version or a duplicate without a sign-in is refused, nothing written.
    const { id } = await saveAs(secrets.writer);
    expect((await app.request(`/utkast/${id}/version`, formPost(form))).status).toBe(401);
    const read = await app.request(`/utkast/${id}`, {});
    expect(read.status).toBe(303);
    expect(read.headers.get("location")).toBe(`/personal/logga-in?till=%2Futkast%2F${id}`);
    // The CSRF guard: a post from another site is refused.
    const cookie = await signedIn(app, secrets.writer, "/utkast/sparade");
    const foreign = await app.request("/utkast/spara", formPost(form, { cookie, origin: "https://evil.example" }));
    expect(foreign.status).toBe(403);
    expect((await ws.store.savedDrafts()).length).toBe(1);
  });

  it("without the script, 'Förhandsgranska' posts to /utkast/<id> and the user stays on the saved draft", async () => {
    const { cookie, id } = await saveAs(secrets.writer);
    const page = await (await app.request(`/utkast/${id}`, { headers: { cookie } })).text();
    expect(page).toMatch(new RegExp(`<form method="post" action="/utkast/${id}"[^>]*data-draft-form`));
    const changed = { ...form, "input.background": "Ändrat före förhandsgranskningen." };
    const res = await app.request(`/utkast/${id}`, formPost(changed, { cookie }));
    expect(res.status).toBe(200);
    const html = await res.text();
    // The saved draft's panel and controls are still there, around the changed form and its preview.
    expect(text(html)).toContain("Historik (1 version)");
    expect(html).toContain(`value="http://localhost/utkast/${id}"`);
    expect(html).toContain(`formaction="/utkast/${id}/version"`);
    expect(html).toMatch(new RegExp(`<form method="post" action="/utkast/${id}"`));
    expect(html).toContain("Ändrat före förhandsgranskningen.");
    expect(html).toMatch(/<article[^>]*>[\s\S]*Ändrat före förhandsgranskningen\./);
    // Nothing was saved by previewing; a download from here is still a download.
    expect((await ws.store.savedDraft(id))?.versions).toHaveLength(1);
    const md = await app.request(`/utkast/${id}`, formPost({ ...changed, format: "md" }, { cookie }));
    expect(md.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.md"/);
    // With an edited text, "Välj mall" posts back here too (not to /utkast), so the panel stays.
    const edited = { ...changed, editedMarkdown: "Vår egen text.", "editedFrom.template": "kast-avtal" };
    const withEdits = await (await app.request(`/utkast/${id}`, formPost(edited, { cookie }))).text();
    expect(withEdits).toMatch(new RegExp(`formaction="/utkast/${id}"[^>]*data-action="choose-template"`));
    // Signed out, the address asks to sign in instead.
    const anonymous = await app.request(`/utkast/${id}`, formPost(changed, {}));
    expect(anonymous.status).toBe(303);
  });

  it("an unknown or malformed id: a Swedish 404 with a way back", async () => {
    const cookie = await signedIn(app, secrets.writer, "/utkast/sparade");
    for (const path of ["/utkast/AAAAAAAAAAAAAAAAAAAAAA", "/utkast/kort", "/utkast/AAAAAAAAAAAAAAAAAAAAAA?version=9"]) {
      const res = await app.request(path, { headers: { cookie } });
      expect(res.status, path).toBe(404);
      const html = text(await res.text());
      expect(html).toContain("Utkastet finns inte");
      expect(html).toContain("Till startsidan");
    }
    const { id } = await saveAs(secrets.writer);
    expect((await app.request(`/utkast/${id}?version=7`, { headers: { cookie } })).status).toBe(404);
  });

  it("lists the signed-in user's drafts", async () => {
    const { cookie, id } = await saveAs(secrets.writer);
    const html = await (await app.request("/utkast/sparade", { headers: { cookie } })).text();
    expect(html).toContain(`href="/utkast/${id}"`);
    expect(text(html)).toContain("kast-avtal, Lidingö (1 version, senast sparat");
    const bo = await signedIn(app, secrets.colleague, "/utkast/sparade");
    expect(await (await app.request("/utkast/sparade", { headers: { cookie: bo } })).text()).not.toContain(id);
  });
});
