/**
 * /kampanj through app.request: the form, the selection, the zip stream, CSRF, errors beside fields; POST
 * /api/campaigns.
 */
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { tempDb } from "../../campaign/fixture.js";

const origin = "http://localhost";
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const { db } = tempDb();
  app = createApp(await Workspace.open({ db }), { token: "t0ken" });
});

const post = (form: Record<string, string | string[]>, headers: Record<string, string> = { origin }) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return app.request("/kampanj", {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
};

const good = {
  template: "kast-avtal",
  lan: "01",
  kommuner: "",
  "fakta.0": "mika_kast_agreement",
  "op.0": "=",
  "varde.0": "nej",
  "name.0": "Anna Andersson",
  "party.0": "L",
  "role.0": "ledamot i kommunfullmäktige",
  date: "2026-11-24",
  "input.committee": "socialnämnden",
  formats: ["docx", "pdf"],
};

describe("/kampanj", () => {
  it("renders the form in Swedish, linked from the navigation, with no inline script or style", async () => {
    const res = await app.request("/kampanj");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<a href="/kampanj" aria-current="page">Kampanj</a>');
    expect(html).toContain('<form method="post" action="/kampanj"');
    for (const name of ["template", "lan", "kommuner", "fakta.0", "op.0", "varde.0", "where", "name.0", "date"])
      expect(html).toContain(`name="${name}"`);
    expect(html).toContain('name="input.committee"');
    expect(html).toMatch(/<input type="checkbox" name="lan" value="01"\/?>\s*<span>Stockholms län \(AB\)<\/span>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/ style="/);
    expect(await (await app.request("/")).text()).toContain('<a href="/kampanj">Kampanj</a>');
  });

  it("'Visa urvalet' lists the municipalities the choices select", async () => {
    const q = new URLSearchParams({ template: "kast-avtal", lan: "01", where: "mika_kast_agreement=nej", visa: "1" });
    const html = await (await app.request(`/kampanj?${q}`)).text();
    expect(html).toContain("3 kommuner i urvalet");
    for (const name of ["Värmdö", "Ekerö", "Botkyrka"]) expect(html).toContain(`>${name}</a>`);
  });

  it("takes several counties and a condition by label", async () => {
    const q = new URLSearchParams([
      ["template", "kast-avtal"],
      ["lan", "01"],
      ["lan", "03"],
      ["where", "Avtal med Mikamottagningen och KAST i Stockholm = nej"],
      ["visa", "1"],
    ]);
    const res = await app.request(`/kampanj?${q}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("3 kommuner i urvalet");
    expect(html).toMatch(/av 34 kommuner kommer med/);
    expect(html).toMatch(/name="lan" value="03" checked/);
  });

  it("says when '!=' took a municipality in only because the registry lacks the fact", async () => {
    const q = new URLSearchParams({ template: "kast-avtal", lan: "01", where: "mika_kast_agreement!=ja", visa: "1" });
    const html = await (await app.request(`/kampanj?${q}`)).text();
    const row = /<tr class="is-selected" data-code="0140">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? "";
    expect(row).toContain(">Nykvarn</a>");
    expect(row).toContain("saknas i registret – kom med eftersom ”är inte” också gäller när uppgiften saknas");
  });

  it("refuses 'handlingsplan=nej' with labels to choose among, not keys", async () => {
    const q = new URLSearchParams({ template: "kast-avtal", where: "handlingsplan=nej", visa: "1" });
    const res = await app.request(`/kampanj?${q}`);
    expect(res.status).toBe(422);
    const html = await res.text();
    const error = /<p class="field-error" id="err-k-where">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(error).toContain("menade du &quot;Handlingsplan för stöd till personer som säljer sex&quot;");
    expect(error).not.toMatch(/[a-z]_[a-z]/);
  });

  it("a picker row with a fact but no value asks for a value, in words, at the value field", async () => {
    const row = { "fakta.0": "mika_kast_agreement", "op.0": "=", "varde.0": "" };
    const res = await app.request(
      `/kampanj?${new URLSearchParams({ template: "kast-avtal", lan: "01", ...row, visa: "1" })}`,
    );
    const html = await res.text();
    expect(html).toContain("Välj ett värde för villkoret, eller välj ”Inget villkor” under Uppgift.");
    expect(html).not.toContain("värdet efter = saknas");
  });

  it("a picker row's value control lists the registry's values and 'saknas'", async () => {
    const html = await (await app.request("/kampanj/varde?rad=2&fakta=mika_kast_agreement")).text();
    expect(html).toContain('name="varde.2"');
    expect(html).toMatch(/<option value="nej">nej \(\d+ kommun(er)?\)<\/option>/);
    expect(html).toContain('<option value="(saknas)">saknas (ingen uppgift i registret)</option>');
    const typed = await (await app.request("/kampanj/varde?rad=0&fakta=population")).text();
    expect(typed).toMatch(/<input type="text" name="varde.0"/);
  });

  it("POST streams a zip of valid drafts and the summary", async () => {
    const res = await post(good);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="kampanj-2026-11-24-kast-avtal\.zip"/,
    );
    expect(res.body).toBeInstanceOf(ReadableStream);
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(entries).sort();
    expect(names).toHaveLength(8);
    expect(names).toContain("sammanstallning.csv");
    for (const n of names.filter((x) => x.endsWith(".docx"))) {
      const docx = unzipSync(entries[n]!);
      expect(strFromU8(docx["word/document.xml"]!)).toMatch(/Värmdö|Ekerö|Botkyrka/);
    }
    for (const n of names.filter((x) => x.endsWith(".pdf"))) expect(strFromU8(entries[n]!.slice(0, 5))).toBe("%PDF-");
    const rows = parse(strFromU8(entries["sammanstallning.csv"]!).replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.municipality)).toEqual(["Värmdö", "Ekerö", "Botkyrka"]);
    expect(rows.every((r) => r.status === "written")).toBe(true);
  });

  it("refuses a cross-site POST (CSRF)", async () => {
    expect((await post(good, { origin: "https://evil.example" })).status).toBe(403);
  });

  it("shows every error next to its field, keeping what was typed", async () => {
    const res = await post({
      ...good,
      lan: "Stokholm",
      kommuner: "Lidngö",
      where: "mika_kast_agrement=nej",
      "name.0": "",
      "party.0": "",
      "role.0": "",
      date: "igår",
      formats: [],
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Formuläret har 6 fel");
    const errorAfter = (id: string) =>
      new RegExp(`<p class="field-error" id="err-k-${id}">[\\s\\S]*?</p>[\\s\\S]{0,200}id="k-${id}"`).exec(html)?.[0] ??
      "";
    expect(/<p class="field-error" id="err-k-lan">[\s\S]*?<\/p>/.exec(html)?.[0]).toContain(
      "Det finns inget län som heter ”Stokholm”",
    );
    expect(errorAfter("kommuner")).toContain("Menade du &quot;Lidingö&quot;");
    expect(errorAfter("where")).toContain("mika_kast_agreement");
    expect(errorAfter("name-0")).toContain("minst en undertecknare");
    expect(errorAfter("date")).toContain("ÅÅÅÅ-MM-DD");
    expect(html).toContain('id="err-k-formats"');
    expect(html).toMatch(/id="k-lan"/);
    expect(html).toContain(">Lidngö</textarea>");
  });

  it("an empty selection is an error on the form, not an empty zip", async () => {
    const res = await post({ ...good, "fakta.0": "population", "op.0": ">", "varde.0": "99999999" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Ingen kommun uppfyller urvalet");
  });
});

describe("POST /api/campaigns", () => {
  const body = {
    template: "kast-avtal",
    municipalities: ["Värmdö", "Nacka"],
    authors: [{ name: "Anna Andersson", party: "L" }],
    date: "2026-11-24",
    formats: ["md"],
  };
  const req = (b: unknown, auth = true) =>
    app.request("/api/campaigns", {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: "Bearer t0ken" } : {}) },
      body: JSON.stringify(b),
    });

  it(
    "returns the zip for a small campaign without the token, refuses a wrong token (limits: " +
      "campaign-limits.test.ts)",
    async () => {
      const res = await req(body, false);
      expect(res.status).toBe(200);
      const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
      expect(Object.keys(entries).sort()).toEqual([
        "2026-11-24-nacka-motion-kast-avtal.md",
        "2026-11-24-varmdo-motion-kast-avtal.md",
        "sammanstallning.csv",
        "sammanstallning.json",
      ]);
      const wrong = await app.request("/api/campaigns", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer fel" },
        body: JSON.stringify(body),
      });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const withToken = await req(body);
      expect(withToken.status).toBe(200);
      await withToken.arrayBuffer();
    },
  );

  it("bad input is a problem naming the field", async () => {
    const res = await req({ ...body, where: ["population>många"] });
    expect(res.status).toBe(422);
    const p = (await res.json()) as { errors: { path: string }[] };
    expect(p.errors[0]?.path).toBe("where");
    expect((await req({ ...body, counties: ["Stokholm"] })).status).toBe(422);
    expect((await req({ ...body, authors: [] })).status).toBe(400);
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { post: { security: unknown } }>;
    };
    // The token is optional (a large campaign needs it).
    expect(doc.paths["/api/campaigns"]?.post.security).toEqual([{}, { bearerAuth: [] }]);
  });
});
