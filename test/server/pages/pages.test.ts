/** The Swedish pages through app.request: forms, fragments, downloads, errors, search, records, places. */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { Hono } from "hono";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { renderErrorPage } from "../../../src/server/pages/index.js";
import { Workspace } from "../../../src/workspace.js";
import { oldestAcceptable } from "../../../src/facts/staleness.js";
import { todayInSweden } from "../../../src/lang/dates.js";

const root = join(import.meta.dirname, "..", "..", "..");
const origin = "http://localhost";
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "motionera-pages-"));
  const db = join(dir, "db.json");
  copyFileSync(join(root, "corpus", "motionera.json"), db);
  app = createApp(await Workspace.open({ db }));
});

const get = (path: string) => app.request(path);
const post = (path: string, form: Record<string, string | string[]>, headers: Record<string, string> = { origin }) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return app.request(path, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
};

/** The text of some HTML, without its tags. */
const text = (html: string) => html.replace(/<[^>]+>/g, "");

/** The element with this id, as its opening tag. */
const tagWithId = (html: string, id: string) => new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? "";

const lidingoForm = {
  template: "kast-avtal",
  kommun: "Lidingö",
  "name.0": "Anna Andersson",
  "party.0": "L",
  "partyOther.0": "",
  "role.0": "ledamot i kommunfullmäktige",
  date: "2026-03-01",
  "input.committee": "socialnämnden",
  "input.background": "",
};

describe("pages", () => {
  it.each([
    "/",
    "/korpus",
    "/korpus?q=KAST",
    "/kommun",
    "/kommun/lidingo",
    "/korpus/2023-02-21-lidingo-debattartikel-l",
  ])("%s renders in Swedish with the shared layout", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toContain('class="skip-link" href="#innehall"');
    expect(html).toContain('<main id="innehall"');
    expect(html).toContain('<nav aria-label="Huvudmeny">');
    expect(html).toContain("<footer");
    expect(html).not.toMatch(/ style="/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("serves the stylesheet and the script with their types and caching", async () => {
    const page = await (await get("/")).text();
    const css = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(page)?.[1];
    const js = /src="(\/assets\/site\.js\?v=[0-9a-f]+)"/.exec(page)?.[1];
    expect(css && js).toBeTruthy();
    const cssRes = await get(css!);
    expect(cssRes.status).toBe(200);
    expect(cssRes.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(cssRes.headers.get("cache-control")).toContain("immutable");
    const etag = cssRes.headers.get("etag")!;
    expect((await app.request(css!, { headers: { "if-none-match": etag } })).status).toBe(304);
    const jsRes = await get(js!);
    expect(jsRes.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await get("/assets/site.css")).headers.get("cache-control")).toBe("public, max-age=300");
    expect((await get("/assets/..%2Fpackage.json")).status).toBe(404);
    expect((await get("/assets/nope.css")).status).toBe(404);
  });
});

describe("the draft form", () => {
  it("groups templates by kind and shows a municipality datalist of all 290", async () => {
    const html = await (await get("/")).text();
    for (const g of ["Motioner", "Interpellationer", "Debattartiklar", "Pressmeddelanden"])
      expect(html).toContain(`<optgroup label="${g}">`);
    const datalist = /<datalist id="kommuner">([\s\S]*?)<\/datalist>/.exec(html)?.[1] ?? "";
    expect(datalist.match(/<option /g)).toHaveLength(290);
    expect(datalist).toContain('value="Lidingö"');
    expect(html).toContain('formaction="/"');
    expect(html).toContain("Fler rader");
    expect(html.match(/data-signer-row="true">/g)?.length).toBe(3 + 1); // three rows and the script's row template
  });

  it("generates the kast-avtal template's own inputs from its front matter", async () => {
    const html = await (await get("/?template=kast-avtal")).text();
    expect(html).toContain('<label for="f-input-committee">Ansvarig nämnd</label>');
    // No default: the registry's committee (or "socialnämnden", listed as something to check) is used.
    expect(tagWithId(html, "f-input-committee")).toContain('value=""');
    expect(html).toContain("Lämnas det tomt används nämnden i faktaregistret.");
    expect(tagWithId(html, "f-input-committee")).toContain('aria-describedby="help-f-input-committee"');
    expect(html).toMatch(/<textarea[^>]*name="input\.background"/);
    expect(html).toContain("Ett eller flera stycken om läget i kommunen");
    expect(html).not.toContain('name="input.addressee"');
  });

  it("generates the interpellation's inputs: a required addressee, a date, a number, a yes/no", async () => {
    const html = await (await get("/?template=beslut-prostitution&kommun=Norrk%C3%B6ping")).text();
    expect(html).toMatch(
      new RegExp(
        [
          `<label for="f-input-addressee">Interpellationen ställs till<span class="required`,
          String.raw`"> \(måste fyllas i\)<\/span><\/label>`,
        ].join(""),
      ),
    );
    expect(tagWithId(html, "f-input-addressee")).toContain('aria-required="true"');
    expect(tagWithId(html, "f-input-decisionDate")).toContain('type="date"');
    expect(tagWithId(html, "f-input-decisionYear")).toMatch(/type="number".*min="1990".*max="2100"|type="number"/);
    expect(html).toMatch(/<textarea[^>]*name="input\.decision"/);
    // A yes/no without a default keeps "not given" (the registry's value is used then).
    expect(html).toMatch(/<input type="radio" name="input\.fundingMissing" value="" checked=""/);
    expect(html).toContain('value="kast-avtal"');
  });

  it("changing template by GET keeps what was typed", async () => {
    const q = new URLSearchParams({
      template: "beslut-prostitution",
      kommun: "Lidingö",
      "name.0": "Anna Andersson",
      "party.0": "L",
      "input.committee": "omsorgsnämnden",
    });
    const html = await (await get(`/?${q}`)).text();
    expect(tagWithId(html, "f-kommun")).toContain('value="Lidingö"');
    expect(tagWithId(html, "f-name-0")).toContain('value="Anna Andersson"');
    expect(html).toMatch(/<option value="L" selected="">/);
    expect(tagWithId(html, "f-input-committee")).toContain('value="omsorgsnämnden"');
    expect(html).toMatch(/<option value="beslut-prostitution" selected="">/);
  });

  it("adds and removes signer rows without script", async () => {
    const more = await (await get("/?name.0=A&name.1=B&name.2=C&add=1")).text();
    expect(tagWithId(more, "f-name-3")).toContain('value=""');
    const fewer = await (await get("/?name.0=A&name.1=B&name.2=C&remove=1")).text();
    expect(tagWithId(fewer, "f-name-1")).toContain('value="C"');
    expect(tagWithId(fewer, "f-name-2")).toBe("");
  });

  it("shows the facts the template cites for Lidingö, with values, sources, ages and what is missing", async () => {
    const html = await (await get("/?template=kast-avtal&kommun=Lidingö")).text();
    const panel = /<section class="facts-panel[^"]*" id="fakta"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(panel).toContain("Avtal med Mikamottagningen och KAST i Stockholm");
    expect(panel).toMatch(/<span class="fact-value">ja<\/span>/);
    expect(panel).toContain("Studiebesök hos Mikamottagningen");
    expect(panel).toContain("Socialdemokraterna Lidingö");
    expect(panel).toContain("Gäller: Stockholms län");
    expect(panel).toMatch(/<span class="fact-value">16<\/span>/);
    expect(panel).toMatch(
      /Saknas i faktaregistret \(9\):[\s\S]*<li class="fact-missing">Driver en Mikamottagning <a [^>]*>Lägg till<span/,
    );
    expect(panel).toMatch(/Uppgift per 13 november 2023 \(\d+ år/);
    expect(text(panel)).toMatch(/För Lidingö finns \d+ av 18 uppgifter/);
  });

  it("marks facts older than the template allows as för gammal", async () => {
    const html = await (await get("/?template=kast-avtal&kommun=Lidingö")).text();
    // sex_trade_detected for Lidingö is from 2022; the template accepts five years.
    const staleExpected = "2022-12-31" < oldestAcceptable("P5Y", todayInSweden());
    expect(html.includes('badge-stale">för gammal')).toBe(staleExpected);
  });

  it("serves the facts panel as a fragment for the script", async () => {
    const res = await get("/fragment/fakta?template=kast-avtal&kommun=lidingo");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("<html");
    expect(text(html)).toContain("För Lidingö finns");
    expect(await (await get("/fragment/fakta?template=kast-avtal&kommun=Lidingoo")).text()).toContain(
      "Det finns ingen kommun som heter ”Lidingoo”",
    );
  });

  it(
    "lists corpus arguments whose topics overlap the template's, with citation and a checkbox " + "per argument",
    async () => {
      const html = await (await get("/?template=kast-avtal")).text();
      expect(html).toContain("<legend>Argument från korpusen</legend>");
      expect(html).toMatch(/<input type="checkbox" name="arguments" value="2023-02-21-lidingo-debattartikel-l#1"/);
      expect(html).toContain("Framfört i: ");
      expect(html).toContain("Liberalerna Lidingö");
    },
  );

  it("renders a preview on the page when the form is complete enough (no script)", async () => {
    const q = new URLSearchParams(lidingoForm);
    const html = await (await get(`/?${q}`)).text();
    const preview = /<div id="forhandsvisning"[\s\S]*<\/section>/.exec(html)?.[0] ?? "";
    expect(preview).toContain('aria-live="polite"');
    expect(preview).toContain("<article");
    expect(preview).toContain("Lidingö");
    expect(preview).toMatch(/<h3[^>]*>/); // the draft's headings sit below the page's
    expect(preview).not.toMatch(/<h1[\s>]/);
  });

  it("serves the preview as a fragment for the script, with the chosen argument", async () => {
    const res = await post("/fragment/forhandsvisning", {
      ...lidingoForm,
      arguments: "2023-02-21-lidingo-debattartikel-l#1",
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<article class="draft');
    expect(html).toContain("Lidingö");
    expect(html).toContain("Argumentet framförs i");
  });

  it("previews with a placeholder signer before one is given", async () => {
    const html = await (
      await post("/fragment/forhandsvisning", { ...lidingoForm, "name.0": "", "party.0": "", "role.0": "" })
    ).text();
    expect(html).toContain("[Ditt namn]");
    expect(html).toContain("preview-note");
  });

  it("downloads a DOCX with a proper Origin", async () => {
    const res = await post("/utkast", {
      ...lidingoForm,
      format: "docx",
      arguments: "2023-02-21-lidingo-debattartikel-l#1",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.docx"; filename\*=UTF-8''/);
    const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = strFromU8(zip["word/document.xml"]!);
    expect(xml).toContain("Lidingö");
    expect(xml).toMatch(/att ge socialnämnden i uppdrag/);
  });

  it("previews on the page with the Förhandsgranska button (no script)", async () => {
    const res = await post("/utkast", { ...lidingoForm, format: "preview" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(/<div id="forhandsvisning"[\s\S]*<\/section>/.exec(html)?.[0]).toContain("Ge Lidingö ett varaktigt avtal");
    expect(tagWithId(html, "f-name-0")).toContain('value="Anna Andersson"');
  });

  it("downloads Markdown and PDF", async () => {
    const md = await post("/utkast", { ...lidingoForm, format: "md" });
    expect(md.headers.get("content-type")).toMatch(/text\/markdown/);
    expect(await md.text()).toContain("Lidingö");
    const pdf = await post("/utkast", { ...lidingoForm, format: "pdf" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(strFromU8(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  }, 60_000);

  it("re-renders the form with the error next to the municipality field, keeping what was typed (422)", async () => {
    const res = await post("/utkast", { ...lidingoForm, kommun: "Lidingo x", format: "docx" });
    expect(res.status).toBe(422);
    const html = await res.text();
    const input = tagWithId(html, "f-kommun");
    expect(input).toContain('aria-invalid="true"');
    expect(input).toMatch(/aria-describedby="help-f-kommun err-f-kommun"/);
    expect(html).toMatch(
      new RegExp(
        [
          String.raw`<p class="field-error" id="err-f-kommun">[\s\S]*?Det finns ingen kommun som hete`,
          String.raw`r ”Lidingo x”\.[\s\S]*?Menade du[\s\S]*?<a href="\/\?[^"]*kommun=Liding%C3%B6[^"]*">Lidingö<\/a>`,
        ].join(""),
      ),
    );
    // Next to the field: the message sits between the field's label and its input.
    const at = html.indexOf('<label for="f-kommun"');
    expect(html.indexOf('id="err-f-kommun"')).toBeGreaterThan(at);
    expect(html.indexOf('id="err-f-kommun"')).toBeLessThan(html.indexOf('id="f-kommun"'));
    expect(html).toContain("<title>Fel: Skriv ett utkast – Motionera</title>");
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('<a href="#f-kommun">');
    expect(input).toContain('value="Lidingo x"');
    expect(tagWithId(html, "f-name-0")).toContain('value="Anna Andersson"');
  });

  it("ties each invalid input and signer error to its own field", async () => {
    const res = await post("/utkast", {
      template: "beslut-prostitution",
      kommun: "Norrköping",
      "name.0": "",
      "party.0": "V",
      "role.0": "gruppledare",
      date: "2026-02-30",
      "input.addressee": "",
      "input.decisionYear": "1800",
      format: "pdf",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(tagWithId(html, "f-input-addressee")).toContain('aria-invalid="true"');
    expect(html).toMatch(/id="err-f-input-addressee">[\s\S]*?Fyll i fältet\./);
    expect(tagWithId(html, "f-input-decisionYear")).toContain('aria-invalid="true"');
    expect(tagWithId(html, "f-name-0")).toContain('aria-invalid="true"');
    expect(html).toMatch(/id="err-f-name-0">[\s\S]*?Skriv namnet/);
    expect(tagWithId(html, "f-date")).toContain('aria-invalid="true"');
    expect(html).toMatch(/Formuläret har 4 fel/);
  });

  it("refuses a form POST without Origin (CSRF)", async () => {
    const res = await post("/utkast", { ...lidingoForm, format: "docx" }, {});
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("Åtkomst nekad");
    expect((await post("/utkast", { ...lidingoForm, format: "docx" }, { origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect((await post("/fragment/forhandsvisning", lidingoForm, {})).status).toBe(403);
  });

  it("refuses a form larger than the limit with the 413 page", async () => {
    const res = await post("/utkast", {
      ...lidingoForm,
      "input.background": "x".repeat(1.2 * 1024 * 1024),
      format: "docx",
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("För mycket på en gång");
  });
});

describe("errors only the core finds", () => {
  it("puts an unknown argument on the arguments fieldset", async () => {
    const res = await post("/utkast", { ...lidingoForm, arguments: "finns-inte#1", format: "docx" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="err-f-arguments">[\s\S]*?finns-inte#1 finns inte längre i korpusen/);
    expect(tagWithId(html, "f-arguments")).toContain("err-f-arguments");
  });

  it("puts a missing required fact on the facts panel", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-pages-templates-"));
    mkdirSync(join(dir, "motion"));
    writeFileSync(
      join(dir, "motion", "kraver-kast.hbs"),
      [
        "---",
        "id: kraver-kast",
        "kind: motion",
        "title: Kräver KAST",
        "description: Testmall som kräver en uppgift.",
        "facts:",
        "  - key: runs_kast",
        "    required: true",
        "---",
        "# KAST i {{municipality.name}}",
        "",
        '{{cite "runs_kast"}}',
        "",
      ].join("\n"),
    );
    const db = join(dir, "db.json");
    copyFileSync(join(root, "corpus", "motionera.json"), db);
    const own = createApp(await Workspace.open({ db, templatesDir: dir }));
    const body = new URLSearchParams({ ...lidingoForm, template: "kraver-kast", format: "docx" });
    const res = await own.request("/utkast", {
      method: "POST",
      body,
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<section class="facts-panel has-error" id="fakta"/);
    expect(html).toMatch(/id="err-fakta">[\s\S]*?Uppgiften ”Har en KAST-mottagning” saknas för Lidingö/);
    expect(html).toMatch(
      /<li class="fact-missing">Har en KAST-mottagning <span class="badge badge-required">krävs<\/span>/,
    );
    expect(html).toContain('<a href="#fakta">');
    // A municipality page lists only the templates whose required facts it has.
    expect(await (await own.request("/kommun/lidingo")).text()).toContain("Ingen mall har alla uppgifter den kräver");
  });
});

describe("corpus search", () => {
  it("shows hits with <mark>ed snippets, citations, links to records and facet counts", async () => {
    const res = await get("/korpus?q=sexk%C3%B6pare");
    const html = await res.text();
    expect(html).toContain("<mark>");
    // A record's link carries the search, for the way back.
    expect(html).toMatch(/<a href="\/korpus\/[a-z0-9-]+\?q=sexk%C3%B6pare">/);
    expect(html).toContain("<legend>Parti</legend>");
    expect(html).toMatch(
      new RegExp(
        [
          '<input type="checkbox" form="korpus-sok" name="party" value="V" id="f-party-V"/>',
          String.raw`<label for="f-party-V"><span class="facet-label">Vänsterpartiet \(V\)</span>`,
          String.raw`<span class="facet-count"><span class="visually-hidden">, </span>\d+`,
          '<span class="visually-hidden"> dokument',
        ].join(""),
      ),
    );
    expect(html).toMatch(/<legend>(Typ|Kommun|Län|År|Ämne)<\/legend>/);
    expect(html).toMatch(/data-result-count="\d+"/);
  });

  it("combines filters from facets and shows the filtered count", async () => {
    const all = Number(/data-result-count="(\d+)"/.exec(await (await get("/korpus")).text())?.[1]);
    const v = await (await get("/korpus?party=V")).text();
    const nV = Number(/data-result-count="(\d+)"/.exec(v)?.[1]);
    expect(nV).toBeGreaterThan(0);
    expect(nV).toBeLessThan(all);
    expect(v).toContain('aria-label="Ta bort filtret Vänsterpartiet (V)"');
    const both = await (await get("/korpus?party=V&kind=interpellation")).text();
    expect(Number(/data-result-count="(\d+)"/.exec(both)?.[1])).toBeLessThanOrEqual(nV);
    const wrong = await get("/korpus?topic=nope");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("okänt ämne");
  });

  it("pages with limit and offset", async () => {
    const html = await (await get("/korpus?offset=3")).text();
    expect(html).toMatch(/<ol class="hits" start="4">/);
  });

  it("shows a record: kind, place, parties, authors, arguments, proposals, facts with sources", async () => {
    const html = await (await get("/korpus/2023-02-21-lidingo-debattartikel-l")).text();
    expect(html).toContain("<dt>Typ</dt><dd>debattartikel</dd>");
    expect(html).toContain('<a href="/kommun/lidingo">Lidingö</a>');
    expect(html).toContain("Liberalerna (L)");
    expect(html).toContain('<h2 id="argument">Argument</h2>');
    expect(html).toMatch(/class="stance stance-for">För</);
    expect(html).toContain('<h2 id="uppgifter">Uppgifter i dokumentet</h2>');
    expect(html).toContain("Källa: ");
    expect(html).toContain("Använd i ett utkast");
  });

  it("answers an unknown record with the 404 page", async () => {
    const res = await get("/korpus/finns-inte");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("Det finns inget dokument med id ”finns-inte”");
    expect(html).toContain('href="/">Till startsidan</a>');
  });
});

describe("municipality pages", () => {
  it(
    "shows a municipality's facts with sources and history, its county's and the nation's, and fitting " + "templates",
    async () => {
      const html = await (await get("/kommun/lidingo")).text();
      expect(html).toContain("<h1>Lidingö stad</h1>");
      expect(html).toContain("Uppgifter om Lidingö");
      expect(html).toContain("Tidigare värden");
      expect(html).toMatch(/Tidigare värden[\s\S]*?<span class="fact-value">nej<\/span>/);
      expect(html).toContain("Uppgifter om Stockholms län");
      expect(html).toContain("Uppgifter om hela landet");
      expect(html).toContain('href="/?template=kast-avtal&amp;kommun=Liding%C3%B6"');
    },
  );

  it("the legal name only where it differs; the corpus link only with documents", async () => {
    const stockholm = await (await get("/kommun/stockholm")).text();
    expect(stockholm).toContain("<h1>Stockholms stad</h1>");
    expect(stockholm).toMatch(/<dt>Juridiskt namn<\/dt>\s*<dd>Stockholms kommun<\/dd>/);
    expect(stockholm).not.toContain("Officiellt namn");
    // The shipped corpus has no document about Stockholm: no link to an empty search.
    expect(stockholm).toContain("Korpusen har inga dokument om Stockholm ännu.");
    expect(stockholm).not.toContain('href="/korpus?kommun=0180"');

    const pajala = await (await get("/kommun/pajala")).text();
    expect(pajala).toContain("<h1>Pajala kommun</h1>");
    expect(pajala).not.toContain("Juridiskt namn");

    // Lidingö has one shipped document: the link says how many, and the search it opens finds it.
    const lidingo = await (await get("/kommun/lidingo")).text();
    expect(lidingo).toContain('<a href="/korpus?kommun=0186">Ett dokument i korpusen om Lidingö</a>');
    expect(await (await get("/korpus?kommun=0186")).text()).toContain("1 träff.");
  });

  it("accepts the code and other name forms", async () => {
    for (const p of ["/kommun/0186", "/kommun/Liding%C3%B6%20stad", "/kommun/LIDINGO"]) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect(await res.text()).toContain("<h1>Lidingö stad</h1>");
    }
  });

  it("answers an unknown municipality with a 404 suggesting names", async () => {
    const res = await get("/kommun/lidingoo");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Menade du");
    expect(html).toContain('<a href="/kommun/lidingo">Lidingö</a>');
  });

  it("lists all 290 by county", async () => {
    const html = await (await get("/kommun")).text();
    expect(html.match(/<a href="\/kommun\/[^"]+">/g)?.length).toBe(290);
    expect(html).toContain('<h2 id="lan-01">Stockholms län');
  });

  it("links Håbo and Habo to different pages", async () => {
    const html = await (await get("/kommun")).text();
    const habo = /<a href="(\/kommun\/[^"]+)">Habo<\/a>/.exec(html)?.[1];
    const haabo = /<a href="(\/kommun\/[^"]+)">Håbo<\/a>/.exec(html)?.[1];
    expect(habo).not.toBe(haabo);
    expect(await (await get(haabo!)).text()).toContain("<h1>Håbo");
  });
});

describe("error pages", () => {
  it("404 in Swedish with a way back", async () => {
    const res = await get("/finns/inte");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("<h1>Sidan finns inte</h1>");
    expect(html).toContain('href="/">Till startsidan</a>');
  });

  it("405 with Allow for other methods on a page", async () => {
    const res = await app.request("/korpus", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(await res.text()).toContain("Metoden stöds inte");
  });

  it.each([500, 503, 413])("%i in Swedish", async (status) => {
    const h = new Hono().get("/", (c) => renderErrorPage(c, status));
    const res = await h.request("/");
    expect(res.status).toBe(status);
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain(`Felkod ${status}`);
    expect(html).toContain('href="/">Till startsidan</a>');
  });

  it("HEAD works where GET does", async () => {
    for (const p of ["/", "/korpus", "/kommun/lidingo"])
      expect((await app.request(p, { method: "HEAD" })).status, p).toBe(200);
  });

  it("GET /utkast goes back to the form", async () => {
    const res = await get("/utkast");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
  });
});
