/**
 * The template pages (staff only): the library with broken templates and their problems, the
 * editor's check at lines and columns, the preview of an unsaved text, saving to the templates
 * folder (refused with errors, for another template's id, for path tricks), CSRF.
 * Every test works on a copy of templates/ in a temp folder.
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { starterTemplate } from "../../../src/compose/template-starter.js";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { repoRoot, tempWorkspace } from "../../helpers/cli.js";
import { formPost, origin, signedIn } from "../../helpers/staff-app.js";

const token = "mallnyckel";

/** A copy of the shipped templates, and an app over it with a signed-in cookie. */
async function setup(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "motionera-mallar-"));
  cpSync(join(repoRoot, "templates"), dir, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) writeFileSync(join(dir, rel), text);
  const ws = await Workspace.open({ db: tempWorkspace().db, templatesDir: dir, today: "2026-11-24" });
  const app = createApp(ws, { token, draftsPerMinute: 0 });
  const cookie = await signedIn(app, token, "/personal");
  const get = (path: string) => app.request(path, { headers: { cookie } });
  const send = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(path, post(body, { cookie, ...headers }));
  return { dir, app, cookie, get, send };
}

const post = formPost;

/** The page's text without tags (entities decoded as far as the tests need). */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .replace(/ ([:,.;])/g, "$1");

const starter = (id: string) => starterTemplate(id, "motion");
/** The starter with a helper misspelt on its line 27 (the line of "{{pronoun …}} anser att"). */
function broken(id: string): { text: string; line: number } {
  const lines = starter(id).split("\n");
  const line = lines.findIndex((l) => l.startsWith("{{pronoun")) + 1;
  lines[line - 1] = lines[line - 1]!.replace("{{pronoun", "{{pronomen");
  return { text: lines.join("\n"), line };
}

describe("template pages", () => {
  it("need a staff sign-in: a GET goes to sign in, a post is refused", async () => {
    const { app } = await setup();
    const list = await app.request("/personal/mallar");
    expect(list.status).toBe(303);
    expect(list.headers.get("location")).toBe("/personal/logga-in?till=%2Fpersonal%2Fmallar");
    const save = await app.request("/personal/mallar/redigera", post({ text: starter("x"), atgard: "spara" }));
    expect(save.status).toBe(401);
    const frag = await app.request("/personal/mallar/forhandsvisning", post({ text: starter("x") }));
    expect(frag.status).toBe(401);
  });

  it("are listed on /personal, and list every template with its kind, file and state", async () => {
    const { get } = await setup({ "motion/trasig.hbs": broken("trasig").text });
    expect(await (await get("/personal")).text()).toContain('href="/personal/mallar"');
    const res = await get("/personal/mallar");
    expect(res.status).toBe(200);
    const page = textOf(await res.text());
    expect(page).toContain("kast-avtal");
    expect(page).toContain("motion/kast-avtal.hbs");
    expect(page).toContain("Går att använda");
    expect(page).toMatch(
      /Trasig: Mallen "trasig" har ett fel på rad \d+ och kan inte användas: okänd hjälpfunktion "pronomen"/,
    );
    expect(page).toContain("Ny mall");
    expect(page).toContain("Ladda upp");
  });

  it("show a broken template's problem at its line, linked to it, and say it cannot be saved", async () => {
    const b = broken("trasig");
    const { get } = await setup({ "motion/trasig.hbs": b.text });
    const res = await get("/personal/mallar/redigera/trasig");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`data-goto-line="${b.line}"`);
    expect(textOf(html)).toContain(`Fel Rad ${b.line}, kolumn 1: okänd hjälpfunktion "pronomen"`);
    expect(textOf(html)).toContain("1 fel och inga varningar: mallen kan inte sparas förrän felen är rättade.");
    // The whole text, as stored, in the field.
    expect(html).toContain("{{pronomen &quot;Jag&quot;");
  });

  it("check the text in the field (not the file), with warnings from the guide's rules", async () => {
    const { send } = await setup();
    const text = starter("ny-mall").replace("anser att …", "anser att 42 procent är för lite.");
    const html = await (await send("/personal/mallar/redigera", { text, atgard: "kontrollera" })).text();
    const line = text.split("\n").findIndex((l) => l.includes("42 procent")) + 1;
    expect(textOf(html)).toContain(`Varning Rad ${line}, kolumn`);
    expect(textOf(html)).toContain('siffran "42" står i mallens text');
    expect(textOf(html)).toContain("Sparas som motion/ny-mall.hbs.");
  });

  it("preview the unsaved text for a municipality, with its places to fill in", async () => {
    const { send } = await setup();
    const text = starter("ny-mall").replace("# Rubrik för motionen", "# Bättre skolresultat");
    const res = await send("/personal/mallar/forhandsvisning", { text, kommun: "Lidingö", datum: "2026-11-24" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h3>Bättre skolresultat på Lidingö</h3>");
    expect(html).toContain("Att göra innan du lämnar in");
    expect(html).toContain("[Ditt namn]");
    // The check of the same text comes along, for the script to put under the form.
    expect(html).toMatch(/<template data-check-for-editor[^>]*><p class="check-summary">Inga fel och inga varningar/);
    // Without a municipality: a hint; with an error in the text: the error at its line.
    expect(await (await send("/personal/mallar/forhandsvisning", { text })).text()).toContain("Skriv en kommun");
    const b = broken("ny-mall");
    const bad = await (await send("/personal/mallar/forhandsvisning", { text: b.text, kommun: "Lidingö" })).text();
    expect(bad).toContain("kan inte visas förrän mallens fel är rättade");
    expect(bad).toContain(`data-goto-line="${b.line}"`);
  });

  it("fill an interpellation's required addressee with a marker in the preview", async () => {
    const { send } = await setup();
    const text = starterTemplate("fraga-om-skolan", "interpellation");
    const html = await (await send("/personal/mallar/forhandsvisning", { text, kommun: "Lidingö" })).text();
    expect(textOf(html)).toContain("Förhandsvisningen fyller i ”Till vem”");
    expect(html).toContain("[FYLL I: Till vem]");
  });

  it("save a good template to the folder, and the draft form offers it at once", async () => {
    const { dir, get, send } = await setup();
    expect(await (await get("/")).text()).not.toContain('value="fler-klarar-skolan"');
    const text = starter("fler-klarar-skolan").replace("title: Ny mall", "title: Fler ska klara skolan");
    const res = await send("/personal/mallar/redigera", { text, atgard: "spara" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/personal/mallar?sparad=fler-klarar-skolan");
    expect(readFileSync(join(dir, "motion", "fler-klarar-skolan.hbs"), "utf8")).toBe(text);
    expect(readdirSync(join(dir, "motion")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const list = textOf(await (await get(res.headers.get("location")!)).text());
    expect(list).toContain("Mallen ”Fler ska klara skolan” (fler-klarar-skolan) är sparad");
    const form = await (await get("/")).text();
    expect(form).toContain('<option value="fler-klarar-skolan">Fler ska klara skolan</option>');
    // Editing it again saves over its own file.
    const edited = text.replace("title: Fler ska klara skolan", "title: Alla ska klara skolan");
    const again = await send("/personal/mallar/redigera", {
      text: edited,
      editing: "fler-klarar-skolan",
      atgard: "spara",
    });
    expect(again.status).toBe(303);
    expect(readFileSync(join(dir, "motion", "fler-klarar-skolan.hbs"), "utf8")).toBe(edited);
  });

  it("save a template with warnings, and show them after the save", async () => {
    const { dir, get, send } = await setup();
    const text = starter("med-varning").replace("anser att …", "anser att 42 procent är för lite.");
    const res = await send("/personal/mallar/redigera", { text, atgard: "spara" });
    expect(res.status).toBe(303);
    expect(existsSync(join(dir, "motion", "med-varning.hbs"))).toBe(true);
    const page = textOf(await (await get(res.headers.get("location")!)).text());
    expect(page).toContain("Kontrollen har en varning om den");
    expect(page).toMatch(/Varning Rad \d+, kolumn \d+: siffran "42" står i mallens text/);
  });

  it("refuse to save a template with an error, and write nothing", async () => {
    const { dir, send } = await setup();
    const b = broken("trasig-mall");
    const res = await send("/personal/mallar/redigera", { text: b.text, atgard: "spara" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain("Mallen sparades inte: den har fel.");
    expect(html).toContain(`data-goto-line="${b.line}"`);
    expect(existsSync(join(dir, "motion", "trasig-mall.hbs"))).toBe(false);
    // What was typed stays in the field.
    expect(html).toContain("{{pronomen");
  });

  it("never overwrite another template's file: its id is refused unless that template is being edited", async () => {
    const { dir, send } = await setup();
    const before = readFileSync(join(dir, "motion", "kast-avtal.hbs"), "utf8");
    const res = await send("/personal/mallar/redigera", { text: starter("kast-avtal"), atgard: "spara" });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain(
      'Rad 3, kolumn 1: id "kast-avtal" används redan av motion/kast-avtal.hbs',
    );
    // Editing another template and giving it this id is refused too.
    const other = await send("/personal/mallar/redigera", {
      text: starter("kast-avtal"),
      editing: "skolresultat",
      atgard: "spara",
    });
    expect(other.status).toBe(422);
    expect(readFileSync(join(dir, "motion", "kast-avtal.hbs"), "utf8")).toBe(before);
  });

  it("refuse path tricks in ids, in the text, the editor's address, the new-template form and `editing`", async () => {
    const { dir, get, send } = await setup();
    for (const id of ["../utanfor", "motion/../../x", "..", "a/b", "A", "x.hbs"]) {
      const text = starter("x").replace("id: x", `id: "${id}"`);
      const res = await send("/personal/mallar/redigera", { text, atgard: "spara" });
      expect(res.status, id).toBe(422);
      expect(textOf(await res.text())).toContain("id skrivs med a–z, siffror och bindestreck");
      const created = await get(`/personal/mallar/ny?${new URLSearchParams({ id, typ: "motion" })}`);
      expect(created.status, id).toBe(422);
    }
    for (const path of ["/personal/mallar/redigera/..%2F..%2Fpackage", "/personal/mallar/redigera/%2Fetc%2Fpasswd"]) {
      expect((await get(path)).status, path).toBe(404);
    }
    // `editing` names no template: the save is a new template, and the file goes where its id says.
    const res = await send("/personal/mallar/redigera", {
      text: starter("egen"),
      editing: "../../package",
      atgard: "spara",
    });
    expect(res.status).toBe(303);
    expect(existsSync(join(dir, "motion", "egen.hbs"))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["debattartikel", "interpellation", "motion", "pressmeddelande"]);
  });

  it("count the editor's previews against the draft form's per-client preview limit", async () => {
    const ws = await Workspace.open({ db: tempWorkspace().db, templatesDir: mkdtempSync(join(tmpdir(), "mallar-")) });
    const app = createApp(ws, { token, draftsPerMinute: 0, previewsPerMinute: 3 });
    const cookie = await signedIn(app, token);
    const statuses: number[] = [];
    for (const path of ["/fragment/forhandsvisning", "/personal/mallar/forhandsvisning"]) {
      for (let i = 0; i < 2; i++)
        statuses.push((await app.request(path, post({ text: starter("x") }, { cookie }))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("refuse a post from another site (CSRF), writing nothing", async () => {
    const { dir, send } = await setup();
    const res = await send(
      "/personal/mallar/redigera",
      { text: starter("fran-annan-sajt"), atgard: "spara" },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(existsSync(join(dir, "motion", "fran-annan-sajt.hbs"))).toBe(false);
  });

  it("say in Swedish what to do when the templates folder cannot be written, and write nothing", async () => {
    // A templates folder set to a path under a file: it cannot be created, whoever runs the test.
    const file = join(mkdtempSync(join(tmpdir(), "motionera-fil-")), "en-fil");
    writeFileSync(file, "");
    const ws = await Workspace.open({ db: tempWorkspace().db, templatesDir: join(file, "mallar") });
    const app = createApp(ws, { token, draftsPerMinute: 0 });
    const cookie = await signedIn(app, token);
    const res = await app.request(
      "/personal/mallar/redigera",
      post({ text: starter("las-bara"), atgard: "spara" }, { cookie }),
    );
    expect(res.status).toBe(503);
    const html = await res.text();
    const page = textOf(html);
    expect(page).toContain("Mallen sparades inte: tjänsten får inte skriva i mallmappen (ENOTDIR)");
    expect(page).toContain("MOTIONERA_TEMPLATES");
    expect(html).not.toContain(file); // no server path on the page
    expect(html).toContain("id: las-bara"); // what was typed is kept
  });

  it("say so when the folder's permissions refuse the write (not as root)", async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const { dir, send } = await setup();
    chmodSync(join(dir, "motion"), 0o555);
    try {
      const res = await send("/personal/mallar/redigera", { text: starter("las-bara"), atgard: "spara" });
      expect(res.status).toBe(503);
      expect(textOf(await res.text())).toContain("tjänsten får inte skriva i mallmappen (EACCES)");
    } finally {
      chmodSync(join(dir, "motion"), 0o755);
    }
  });

  it("open an uploaded file in the editor without saving it, and the starter of a chosen kind", async () => {
    const { dir, app, cookie, get } = await setup();
    const body = new FormData();
    body.append("fil", new File([`\uFEFF${starter("uppladdad")}`], "uppladdad.md", { type: "text/markdown" }));
    const res = await app.request("/personal/mallar/ladda-upp", { method: "POST", body, headers: { cookie, origin } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("id: uppladdad");
    expect(textOf(html)).toContain("Inga fel");
    expect(existsSync(join(dir, "motion", "uppladdad.hbs"))).toBe(false);
    const empty = new FormData();
    const none = await app.request("/personal/mallar/ladda-upp", {
      method: "POST",
      body: empty,
      headers: { cookie, origin },
    });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("Välj en fil att ladda upp.");
    const created = await get("/personal/mallar/ny?id=ny-fraga&typ=interpellation");
    expect(created.status).toBe(200);
    const page = await created.text();
    expect(page).toContain("kind: interpellation");
    expect(page).toContain("id: ny-fraga");
    const taken = await get("/personal/mallar/ny?id=kast-avtal&typ=motion");
    expect(taken.status).toBe(422);
    expect(textOf(await taken.text())).toContain("Det finns redan en mall med id kast-avtal.");
  });
});
