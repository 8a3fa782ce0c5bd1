/**
 * The draft page shows what the signer must do before filing: "Att göra innan du lämnar in"
 * above the preview and in the facts panel, the places to fill in highlighted in the preview,
 * and the form's downloads carry the list in a header. Our own templates (review-fixture.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { reviewTemplates } from "../review-fixture.js";

const origin = "http://localhost";
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp(await Workspace.open({ db: tempWorkspace().db, templatesDir: reviewTemplates() }));
});

const form = {
  template: "fyll-i",
  kommun: "Lidingö",
  "name.0": "Anna Andersson",
  "party.0": "S",
  "partyOther.0": "",
  "role.0": "",
  date: "2026-11-24",
};
const post = (path: string, fields: Record<string, string>) =>
  app.request(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
  });

/** The text of some HTML, without its tags, spaces folded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
/** The first element that starts with `open`, up to its matching `</tag>` (no nesting of the same tag inside). */
const element = (html: string, open: RegExp, tag: string) => {
  const m = open.exec(html);
  if (!m) return "";
  const end = html.indexOf(`</${tag}>`, m.index);
  return html.slice(m.index, end + tag.length + 3);
};
const previewOf = (html: string) => /<div id="forhandsvisning"[\s\S]*<\/section>/.exec(html)?.[0] ?? "";
const factsPanelOf = (html: string) =>
  new RegExp(
    [
      String.raw`<section class="facts-panel[^"]*" id="fakta"[\s\S]*?<div class="facts-review" da`,
      String.raw`ta-review-slot="true">[\s\S]*?<\/div>\s*<\/section>`,
    ].join(""),
  ).exec(html)?.[0] ?? "";

describe("the draft page's review", () => {
  it(
    "lists the places to fill in and the things to check above the preview, and highlights the places in the " +
      "draft (no script)",
    async () => {
      const res = await post("/utkast", { ...form, format: "preview" });
      expect(res.status).toBe(200);
      const html = await res.text();
      const preview = previewOf(html);
      const box = element(preview, /<section class="review" aria-labelledby="granska-rubrik"/, "section");
      expect(box).toContain('<h3 id="granska-rubrik">Att göra innan du lämnar in</h3>');
      expect(text(box)).toContain("2 ställen att fylla i och 1 sak att kontrollera.");
      expect(text(box)).toContain(
        "Fyll i: beslutets datum Fyll i: nämndens namn Kontrollera: Uppgiften ”Avtal med Mikamottagningen och " +
          "KAST i Stockholm” för Lidingö är från",
      );
      expect(text(box)).toMatch(
        /äldre än mallen godtar \(\d+ \w+ \d{4} eller senare\)\. Se om det finns en nyare uppgift\./,
      );
      // The web's words, not the command line's.
      expect(box).not.toContain("motionera facts add");
      // The review comes before the draft; the draft marks each place.
      expect(preview.indexOf('class="review"')).toBeLessThan(preview.indexOf("<article"));
      const article = preview.slice(preview.indexOf("<article"));
      expect(article).toContain('<mark class="placeholder">[FYLL I: beslutets datum]</mark>');
      expect(article).toContain('<mark class="placeholder">[FYLL I: nämndens namn]</mark>');
    },
  );

  it("lists the same in the facts panel", async () => {
    const html = await (await post("/utkast", { ...form, format: "preview" })).text();
    const panel = factsPanelOf(html);
    expect(panel).toContain('<h3 id="granska-fakta-rubrik">Att göra innan du lämnar in</h3>');
    expect(text(panel)).toContain(
      "Fyll i: beslutets datum Fyll i: nämndens namn Kontrollera: Uppgiften ”Avtal med Mikamottagningen och " +
        "KAST i Stockholm”",
    );
    // Outside the panel's copy, its heading's id is only inside the preview's inert <template>.
    expect(html.split('id="granska-fakta-rubrik"')).toHaveLength(3);
    expect(element(previewOf(html), /<template data-review-for-facts="true">/, "template")).toContain(
      'id="granska-fakta-rubrik"',
    );
  });

  it("sends the list with the preview fragment, also for the facts panel (the script moves it there)", async () => {
    const res = await post("/fragment/forhandsvisning", form);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(text(element(html, /<section class="review" aria-labelledby="granska-rubrik"/, "section"))).toContain(
      "Fyll i: beslutets datum",
    );
    const forFacts = element(html, /<template data-review-for-facts="true">/, "template");
    expect(text(forFacts)).toContain("Fyll i: nämndens namn");
    expect(html).toContain('<mark class="placeholder">[FYLL I: beslutets datum]</mark>');
    // The script puts it in the panel's slot.
    const script = readFileSync(
      join(import.meta.dirname, "..", "..", "..", "src", "server", "assets", "site.js"),
      "utf8",
    );
    expect(script).toContain('preview.querySelector("template[data-review-for-facts]")');
    expect(script).toContain('document.querySelector("[data-review-slot]")');
  });

  it("says so in one line when there is nothing to do", async () => {
    const html = await (await post("/utkast", { ...form, template: "klar", format: "preview" })).text();
    const box = element(previewOf(html), /<section class="review review-none"/, "section");
    expect(text(box)).toBe("Att göra innan du lämnar in Inget att fylla i eller kontrollera i utkastet.");
    expect(previewOf(html)).not.toContain('<mark class="placeholder">');
    expect(text(factsPanelOf(html))).toContain("Inget att fylla i eller kontrollera i utkastet.");
  });

  it("shows no list while the preview cannot be made (the panel's slot stays empty)", async () => {
    const html = await (await post("/utkast", { ...form, kommun: "", format: "preview" })).text();
    expect(html).toMatch(/<div class="facts-review" data-review-slot="true"><\/div>/);
    expect(html).not.toContain('class="review');
  });

  it("the form's downloads carry the places to fill in and the warnings in headers", async () => {
    const res = await post("/utkast", { ...form, format: "md" });
    expect(res.status).toBe(200);
    expect(JSON.parse(decodeURIComponent(res.headers.get("x-motionera-placeholders")!))).toEqual([
      "beslutets datum",
      "nämndens namn",
    ]);
    expect(JSON.parse(decodeURIComponent(res.headers.get("x-motionera-warnings")!)).join("\n")).toMatch(
      /äldre än mallen godtar/,
    );
    expect(await res.text()).toContain("\\[FYLL I: nämndens namn\\]");
  });

  it("styles the highlighted places: dark text on amber, a dashed frame, and a frame in forced colours", async () => {
    const page = await (await app.request("/")).text();
    const css = await (await app.request(/href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(page)![1]!)).text();
    const rule = /mark\.placeholder \{([^}]*)\}/.exec(css)?.[1] ?? "";
    expect(rule).toContain("background: #ffd08a;");
    expect(rule).toContain("color: #1b1b1b;");
    expect(rule).toContain("border: 1px dashed");
    expect(css).toMatch(/@media \(forced-colors: active\) \{\s*mark\.placeholder/);
  });
});
