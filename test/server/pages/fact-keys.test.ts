/**
 * The fact-key pages for staff through app.request: sign-in needed, the list, add, edit and
 * remove through the core, every refusal at its field (with "Menade du …" links that fill the
 * form again), the CSRF guard.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { formPost, origin, signedIn, withCookie } from "../../helpers/staff-app.js";
import { flatFields, isAsked } from "../../../src/server/pages/fact-keys/schema-fields.js";
import { sv } from "../../../src/server/messages.sv.js";

const token = "personalens-nyckel";
const list = "/personal/faktanycklar";

let app: ReturnType<typeof createApp>;
let ws: Workspace;
let cookie: string;

beforeEach(async () => {
  ws = await Workspace.open({ db: tempWorkspace().db });
  app = createApp(ws, { token, draftsPerMinute: 0 });
  cookie = await signedIn(app, token);
});

const post = (form: Record<string, string | string[]>, asCookie = cookie, from = origin) =>
  formPost(form, { origin: from, ...withCookie(asCookie) });

const get = (path: string) => app.request(path, { headers: { cookie } });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** A key as the catalogue holds it, and (`snow`) as the form posts it. */
const snowKey = {
  key: "snow_clearing_cost",
  label: "Kostnad för snöröjning",
  description: "Kronor per invånare och år.",
  type: "number",
  scopes: ["kommun"],
  format: "count",
  unit: { one: "krona", many: "kronor" },
  maxAge: "P2Y",
};
const { unit: snowUnit, ...snowRest } = snowKey;
const snow = { ...snowRest, "unit.one": snowUnit.one, "unit.many": snowUnit.many };

/** The error shown at a field: its <p class="field-error" id="err-…">. */
function fieldError(html: string, field: string): string {
  const m = new RegExp(`<p class="field-error" id="err-${field}">([\\s\\S]*?)</p>`).exec(html);
  return m ? text(m[1]!) : "";
}

describe("fact keys on the web", () => {
  it("needs a staff sign-in: a visitor goes to sign in, a post without a session is refused", async () => {
    const res = await app.request(list);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/personal/logga-in?till=%2Fpersonal%2Ffaktanycklar");
    for (const path of [`${list}/ny`, `${list}/andra/population`, `${list}/ta-bort/population`]) {
      expect((await app.request(path)).status).toBe(303);
    }
    const add = await app.request(`${list}/ny`, post(snow, ""));
    expect(add.status).toBe(401);
    const gone = await app.request(`${list}/ta-bort/sex_trade_shift`, post({}, ""));
    expect(gone.status).toBe(401);
    expect((await ws.catalog()).has("snow_clearing_cost")).toBe(false);
    expect((await ws.catalog()).has("sex_trade_shift")).toBe(true);
  });

  it("is listed among the staff tools", async () => {
    const html = await (await get("/personal")).text();
    expect(html).toContain(`href="${list}"`);
    expect(html).toContain("Faktanycklar");
  });

  it("lists every key with its definition and facts, and filters by text", async () => {
    const res = await get(list);
    expect(res.status).toBe(200);
    const html = await res.text();
    const keys = (await ws.catalog()).list();
    expect(text(html)).toContain(`${keys.length} nycklar.`);
    const ids = [...html.matchAll(/<code class="key-id">([\s\S]*?)<\/code>/g)].map((m) =>
      m[1]!.replace(/<wbr\/?>/g, ""),
    );
    expect(ids).toEqual(keys.map((k) => k.key));
    expect(html).toContain("<caption");
    // action_plan_sells_sex has 49 facts; a derived key names what it counts.
    const row = text(html.split("<tr>").find((r) => text(r).includes("(action_plan_sells_sex)"))!);
    expect(row).toMatch(/Kommun\s*Aktuell\s*ingen\s*nej\s*49/);
    expect(text(html)).toContain("mika_kast_agreement: kommuner där värdet är lika med (=) ja");
    expect(html).toContain(`href="${list}/andra/population"`);
    expect(html).toContain(`href="${list}/ta-bort/population"`);
    // Each link says which key in its name.
    expect(html).toMatch(/Ändra<span class="visually-hidden"> [^<]+ \(population\)<\/span>/);

    const filtered = await (await get(`${list}?q=KAST`)).text();
    expect(text(filtered)).toContain("mika_kast_agreement");
    expect(text(filtered)).not.toContain("population");
    expect(text(filtered)).toMatch(/\d+ av \d+ nycklar innehåller ”KAST”\./);
    expect(text(await (await get(`${list}?q=finnsinte`)).text())).toContain("Ingen nyckel innehåller texten.");
  });

  it("asks for every field of the definition's schema, each with a Swedish label", async () => {
    const form = await (await get(`${list}/ny`)).text();
    const fields = flatFields().filter(isAsked);
    expect(fields.map((f) => f.path)).toContain("derived.where.value");
    for (const f of fields) {
      expect(sv.factKeys.fields[f.path]?.label, f.path).toBeTruthy();
      if (f.kind === "group" || f.kind === "choices") expect(form).toContain(`<fieldset`);
      else expect(form, f.path).toContain(`name="${f.path}"`);
      expect(form).toContain(`id="k-${f.path.replace(/\./g, "-")}"`);
    }
    // A literal of the schema (derived.count) is set, not asked.
    expect(form).not.toContain('name="derived.count"');
  });

  it("adds a key (post, redirect, get with a notice) through the core", async () => {
    const form = await (await get(`${list}/ny`)).text();
    for (const name of ["key", "label", "description", "type", "scopes", "format", "unit.one", "maxAge"]) {
      expect(form).toContain(`name="${name}"`);
    }
    expect(form).toContain('<option value="number"');
    expect(form).toContain('id="k-derived-from"');
    const res = await app.request(`${list}/ny`, post(snow));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${list}?klar=tillagd&nyckel=snow_clearing_cost`);
    const def = (await ws.catalog()).get("snow_clearing_cost");
    expect(def).toEqual(snowKey);
    const after = await (await get(res.headers.get("location")!)).text();
    expect(after).toContain('role="status"');
    expect(text(after)).toContain("Faktanyckeln snow_clearing_cost är tillagd.");
    // The notice names a key's id and nothing else.
    const forged = await (await get(`${list}?klar=tillagd&nyckel=${encodeURIComponent("Ring oss på 0701")}`)).text();
    expect(forged).not.toContain("data-notice");
  });

  it("adds a derived key, reading its condition as the counted key reads values", async () => {
    const res = await app.request(
      `${list}/ny`,
      post({
        key: "big_municipalities",
        label: "Kommuner med fler än 50 000 invånare",
        description: "Antal kommuner.",
        type: "number",
        scopes: ["lan", "land"],
        "derived.from": "population",
        "derived.where.op": ">",
        "derived.where.value": "50 000",
      }),
    );
    expect(res.status).toBe(303);
    expect((await ws.catalog()).get("big_municipalities")?.derived).toEqual({
      from: "population",
      count: true,
      where: { op: ">", value: { type: "number", value: 50000 } },
    });
  });

  it.each([
    [{ label: "" }, "label", "Fyll i fältet."],
    [{ key: "Snö Röjning" }, "key", "Gemener, siffror och understreck, med en bokstav först."],
    [{ key: "population" }, "key", "Det finns redan en nyckel med id ”population”."],
    [{ scopes: [] }, "scopes", "Välj minst ett."],
    [{ maxAge: "två år" }, "maxAge", "En ålder som P5Y eller P18M."],
    [{ type: "text" }, "format", "Talformat gäller bara typen number."],
    [{ "unit.many": "" }, "unit-many", "Fyll i fältet."],
    [{ format: "percent" }, "unit", "Enhet gäller bara talformatet count."],
    [
      { "derived.from": "population", scopes: ["kommun"] },
      "derived",
      "En härledd nyckel är ett tal för län eller land.",
    ],
    [
      { "derived.from": "population", scopes: ["lan"], "derived.where.op": ">", "derived.where.value": "många" },
      "derived-where-value",
      '"många" är inget tal (population).',
    ],
  ] as [Record<string, string | string[]>, string, string][])(
    "refuses %j at its field (%s)",
    async (change, field, message) => {
      const res = await app.request(`${list}/ny`, post({ ...snow, ...change }));
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(fieldError(html, `k-${field}`)).toContain(message);
      expect(html).toContain(`href="#k-${field}"`);
      expect(html).toMatch(new RegExp(`id="k-${field}"[^>]*aria-describedby="[^"]*err-k-${field}`));
      // What was typed stays in the form.
      expect(html).toContain("Kronor per invånare och år.</textarea>");
      expect((await ws.catalog()).has("snow_clearing_cost")).toBe(false);
    },
  );

  it("shows every problem of the definition at once, each at its field", async () => {
    const res = await app.request(
      `${list}/ny`,
      post({ ...snow, key: "Snö", label: "", scopes: [], maxAge: "fem år", "unit.many": "" }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(text(html)).toContain("Formuläret har 5 fel");
    for (const field of ["key", "label", "scopes", "unit-many", "maxAge"]) {
      expect(fieldError(html, `k-${field}`), field).not.toBe("");
    }
    // In the form's order in the summary.
    const links = [...html.matchAll(/<li><a href="#k-([a-zA-Z-]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(["key", "label", "scopes", "unit-many", "maxAge"]);
  });

  it("says “Menade du …” where the core suggests, each a link that fills the form again", async () => {
    const typo = await app.request(`${list}/ny`, post({ ...snow, type: "nummer" }));
    const html = await typo.text();
    expect(fieldError(html, "k-type")).toContain("Menade du Tal?");
    const href = /<p class="field-error" id="err-k-type">[\s\S]*?<a href="([^"]+)">Tal<\/a>/.exec(html)![1]!;
    const link = href.replace(/&amp;/g, "&");
    expect(link).toContain("type=number");
    expect(link).toContain("label=Kostnad+f%C3%B6r+sn%C3%B6r%C3%B6jning");
    const again = await (await get(link)).text();
    expect(again).toMatch(/<option value="number" selected/);
    expect(again).toContain('value="Kostnad för snöröjning"');

    const scope = await (await app.request(`${list}/ny`, post({ ...snow, scopes: ["lan", "komun"] }))).text();
    expect(fieldError(scope, "k-scopes")).toContain("Menade du Kommun?");
    expect(scope).toMatch(/href="[^"]*scopes=lan&amp;scopes=kommun/);

    const from = await (
      await app.request(
        `${list}/ny`,
        post({
          ...snow,
          scopes: ["lan"],
          format: "plain",
          "unit.one": "",
          "unit.many": "",
          "derived.from": "populaton",
        }),
      )
    ).text();
    expect(fieldError(from, "k-derived-from")).toContain('Okänd faktanyckel "populaton"');
    expect(fieldError(from, "k-derived-from")).toContain("Menade du population,");
  });

  it("edits a key; an empty optional field is cleared", async () => {
    await app.request(`${list}/ny`, post(snow));
    const form = await (await get(`${list}/andra/snow_clearing_cost`)).text();
    expect(form).toContain('value="Kostnad för snöröjning"');
    expect(form).toContain('value="krona"');
    expect(form).not.toContain('name="key"');
    const res = await app.request(
      `${list}/andra/snow_clearing_cost`,
      post({ ...snow, label: "Snöröjning, kronor per invånare", format: "plain", "unit.one": "", "unit.many": "" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${list}?klar=andrad&nyckel=snow_clearing_cost`);
    const def = (await ws.catalog()).get("snow_clearing_cost")!;
    expect(def.label).toBe("Snöröjning, kronor per invånare");
    expect(def.format).toBe("plain");
    expect(def.unit).toBeUndefined();
    expect(text(await (await get(res.headers.get("location")!)).text())).toContain("är ändrad.");
  });

  it("fills the edit form again from a “Menade du …” link", async () => {
    const res = await app.request(
      `${list}/andra/population`,
      post({ label: "Folkmängd", description: "Invånare.", type: "numbr", scopes: "kommun" }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    const href = /<a href="([^"]+)">Tal<\/a>/.exec(html)![1]!.replace(/&amp;/g, "&");
    expect(href.startsWith(`${list}/andra/population?`)).toBe(true);
    const again = await (await get(href)).text();
    expect(again).toContain('value="Folkmängd"');
    expect(again).toMatch(/<option value="number" selected/);
  });

  it("refuses a type the recorded values do not have, naming the values", async () => {
    const def = (await ws.catalog()).get("mika_kast_agreement")!;
    const form = { label: def.label, description: def.description, type: "number", scopes: def.scopes };
    const res = await app.request(`${list}/andra/mika_kast_agreement`, post(form));
    expect(res.status).toBe(422);
    const shown = fieldError(await res.text(), "k-type");
    expect(shown).toMatch(/Typen kan inte bli tal: 3 registrerade värden är av en annan typ/);
    expect(shown).toContain("Lidingö 13 november 2023: ja");
    expect((await ws.catalog()).get("mika_kast_agreement")!.type).toBe("boolean");
  });

  it("says so for a key that does not exist", async () => {
    const res = await get(`${list}/andra/finns_inte`);
    expect(res.status).toBe(404);
    expect(text(await res.text())).toContain("Det finns ingen faktanyckel med id ”finns_inte”.");
    expect((await app.request(`${list}/ta-bort/finns_inte`, post({}))).status).toBe(404);
  });

  it("removes an unused key after a confirm step", async () => {
    await app.request(`${list}/ny`, post(snow));
    const confirm = await (await get(`${list}/ta-bort/snow_clearing_cost`)).text();
    expect(confirm).toContain(`<form method="post" action="${list}/ta-bort/snow_clearing_cost"`);
    expect(text(confirm)).toContain("Ta bort faktanyckeln snow_clearing_cost");
    const res = await app.request(`${list}/ta-bort/snow_clearing_cost`, post({}));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${list}?klar=borttagen&nyckel=snow_clearing_cost`);
    expect((await ws.catalog()).has("snow_clearing_cost")).toBe(false);
  });

  it("refuses to remove a key in use, naming its facts, templates and derived keys", async () => {
    const res = await app.request(`${list}/ta-bort/action_plan_sells_sex`, post({}));
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    const shown = text(html);
    expect(shown).toContain("Faktanyckeln action_plan_sells_sex används och kan inte tas bort.");
    expect(shown).toContain("49 uppgifter i faktaregistret");
    expect(shown).toMatch(/mallarna ”handlingsplan-prostitution” och ”nytt-forslag”/);
    expect((await ws.catalog()).has("action_plan_sells_sex")).toBe(true);
    const counted = text(await (await app.request(`${list}/ta-bort/mika_kast_agreement`, post({}))).text());
    expect(counted).toContain("den härledda nyckeln mika_kast_agreements_counted");
  });

  it("holds the CSRF guard: a post from another site changes nothing, even signed in", async () => {
    for (const [path, form] of [
      [`${list}/ny`, snow],
      [`${list}/andra/population`, { label: "X", description: "Y", type: "number", scopes: ["kommun"] }],
      [`${list}/ta-bort/sex_trade_shift`, {}],
    ] as const) {
      const res = await app.request(path, post(form as Record<string, string>, cookie, "https://evil.example"));
      expect(res.status).toBe(403);
    }
    const catalog = await ws.catalog();
    expect(catalog.has("snow_clearing_cost")).toBe(false);
    expect(catalog.get("population")!.label).not.toBe("X");
    expect(catalog.has("sex_trade_shift")).toBe(true);
  });
});
