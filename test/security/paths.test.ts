/**
 * Template ids and output names cannot escape their folders: "../", absolute paths, NUL
 * bytes, Windows separators and very long names, for the template library, for the file
 * names derived from a draft, for the files written under --out, for the download name, and
 * for the web routes and the API that take a template id.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TemplateLibrary } from "../../src/compose/template-library.js";
import { isMotioneraError } from "../../src/domain/errors.js";
import type { Draft } from "../../src/domain/draft.js";
import { draftBaseName, writeDraftFiles } from "../../src/files/draft-files.js";
import { attachment } from "../../src/server/drafting.js";
import { sampleDraft } from "../fixtures/sample-draft.js";
import { repoRoot, runCli, tempWorkspace } from "../helpers/cli.js";
import { tempDir } from "../render/helpers.js";
import { makeApp } from "../server/api/helpers.js";
import { hostileStrings } from "./hostile-strings.js";

/** Ids that try to leave templates/ or confuse a path: each must be an unknown template. */
const hostileIds = [
  "../../etc/passwd",
  "../motion/kast-avtal",
  "motion/kast-avtal",
  "./kast-avtal",
  "kast-avtal.hbs",
  "/etc/passwd",
  "/srv/motionera/templates/motion/kast-avtal.hbs",
  "kast-avtal\u0000",
  "kast-avtal\u0000.hbs",
  "\u0000",
  "..\\..\\Windows\\win.ini",
  "motion\\kast-avtal",
  "C:\\Windows\\System32\\drivers\\etc\\hosts",
  "\\\\server\\share\\x",
  "%2e%2e%2fetc%2fpasswd",
  "kast-avtal/../../../etc/passwd",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "k".repeat(10_000),
  "../".repeat(2000),
];

const lib = TemplateLibrary.load(join(repoRoot, "templates"));

describe("the template library", () => {
  for (const id of hostileIds) {
    it(`refuses ${JSON.stringify(id.slice(0, 40))}`, () => {
      try {
        lib.get(id);
        expect.unreachable(`${id} was found`);
      } catch (e) {
        expect(isMotioneraError(e) && e.details.code).toBe("unknown_template");
      }
    });
  }

  it("lists only files directly in a kind's folder", () => {
    for (const id of lib.ids()) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("file names derived from a draft", () => {
  const names = Object.values(hostileStrings).concat(hostileIds);
  const hostileDraft = (v: string): Draft => ({
    ...sampleDraft,
    meta: {
      ...sampleDraft.meta,
      date: v,
      kind: v as Draft["meta"]["kind"],
      templateId: v,
      municipality: { code: v, name: v, selfName: v },
      authors: [{ name: v, party: v }],
    },
  });

  it("are one plain segment of a-z, digits and hyphens, at most a few hundred characters", () => {
    for (const v of names) {
      const base = draftBaseName(hostileDraft(v));
      expect(base, JSON.stringify(v.slice(0, 40))).toMatch(/^[a-z0-9-]*$/);
      expect(base.length).toBeLessThanOrEqual(300);
      expect(base).not.toContain("..");
    }
  });

  it("the download header carries no quote, CR, LF or path separator in its plain name", () => {
    for (const v of names) {
      const header = attachment(`${draftBaseName(hostileDraft(v))}.docx`);
      expect(header).toMatch(/^attachment; filename="[^"\r\n\\/]*"; filename\*=UTF-8''[A-Za-z0-9%._~!'()*-]*$/);
      // And whatever name a caller passes, the header stays one line with one quoted name.
      const raw = attachment(`${v}.docx`);
      expect(raw).not.toMatch(/[\r\n\u0000]/);
      expect(raw.split('"').length).toBe(3);
    }
  });

  const tmp = tempDir("motionera-paths-");
  afterAll(() => tmp.cleanup());

  it("writeDraftFiles writes only inside the --out folder, whatever the draft says", async () => {
    const out = join(tmp.dir, "out");
    for (const v of ["../../../../tmp/escaped", "/etc/passwd", "..\\..\\x", "a\u0000b", "k".repeat(5000)]) {
      const files = await writeDraftFiles(hostileDraft(v), ["md", "html"], out);
      for (const f of files)
        expect(f.path.startsWith(`${out}/`) && !f.path.slice(out.length + 1).includes("/")).toBe(true);
    }
    expect(readdirSync(tmp.dir)).toEqual(["out"]);
    for (const f of readdirSync(out)) expect(f).toMatch(/^[a-z0-9-]+\.(md|html)$/);
  });
});

describe("the CLI's --template", () => {
  it("refuses ids outside the templates folder with a Swedish message and writes nothing", () => {
    const ws = tempWorkspace();
    for (const id of ["../../etc/passwd", "/etc/passwd", "..\\..\\Windows\\win.ini", "k".repeat(5000)]) {
      const r = runCli([
        "draft",
        "--template",
        id,
        "--kommun",
        "Lidingö",
        "--author",
        "Anna Andersson (L)",
        "--format",
        "md",
        "--out",
        ws.out,
        "--db",
        ws.db,
      ]);
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.stderr).toMatch(/^motionera: (Okänd mall|Ogiltig|.*template)/im);
      expect(r.stderr).not.toMatch(/root:|\[extensions\]|at .*\.js/);
    }
    expect(() => readdirSync(ws.out)).toThrow();
  }, 60_000);
});

describe("web routes and the API that take a template id", () => {
  let app: Awaited<ReturnType<typeof makeApp>>["app"];
  beforeAll(async () => {
    ({ app } = await makeApp());
  });
  const leaked = /root:x:0|\[extensions\]|for 16-bit app support|\/work\/|node_modules|\bat [^\s]+ \(/;

  for (const id of hostileIds.filter((x) => x.length < 200)) {
    const label = JSON.stringify(id.slice(0, 40));
    it(`GET /api/templates/{id} with ${label} is a 404 problem`, async () => {
      const res = await app.request(`/api/templates/${encodeURIComponent(id)}`);
      const text = await res.text();
      expect([400, 404]).toContain(res.status);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      expect(text).not.toMatch(leaked);
    });

    it(`POST /api/drafts with template ${label} is a problem, not a file`, async () => {
      const res = await app.request("/api/drafts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          template: id,
          municipality: "Lidingö",
          authors: [{ name: "Anna Andersson" }],
          format: "md",
        }),
      });
      const text = await res.text();
      expect([400, 404, 422]).toContain(res.status);
      expect(text).not.toMatch(leaked);
    });

    it(`the form and the facts fragment with template ${label} fall back or answer 404`, async () => {
      const page = await app.request(`/?template=${encodeURIComponent(id)}&kommun=Liding%C3%B6`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toMatch(leaked);
      const fragment = await app.request(`/fragment/fakta?template=${encodeURIComponent(id)}&kommun=Liding%C3%B6`);
      expect(fragment.status).toBe(404);
      expect(await fragment.text()).not.toMatch(leaked);
    });
  }

  it("a very long template id is refused without echoing it whole", async () => {
    const long = "k".repeat(10_000);
    const res = await app.request(`/api/templates/${long}`);
    expect([400, 404, 414]).toContain(res.status);
    expect((await res.text()).length).toBeLessThan(5_000);
  });
});
