/** The draft form's fact picker through app.request: the keys with the municipality's values, and without script. */
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";

let app: ReturnType<typeof createApp>;
let keys: number;

beforeAll(async () => {
  const ws = await Workspace.open({ db: tempWorkspace().db });
  app = createApp(ws);
  keys = (await ws.catalog()).list().length;
});

const text = (html: string) => html.replace(/<[^>]+>/g, "");
/** The picker's entry for a key, as text. */
const entry = (html: string, key: string) =>
  text(html.split("<li").find((li) => li.includes(`{fakta:${key}}</code>`)) ?? "");

describe("the fact picker", () => {
  it("lists every key on a general template's form, with the municipality's value and year, or missing", async () => {
    const html = await (await app.request("/?template=allman-motion&kommun=Lidingö")).text();
    expect(html).toContain(
      '<section class="fact-picker group" id="faktavaljare" aria-labelledby="faktavaljare-rubrik"',
    );
    expect(html.match(/data-picker-item/g)?.length).toBe(keys);
    expect(entry(html, "mika_kast_agreement")).toContain("Avtal med Mikamottagningen och KAST i Stockholm");
    expect(entry(html, "mika_kast_agreement")).toContain("ja (2023)");
    // A date says its own year; a county's value says whose it is.
    expect(entry(html, "mika_kast_agreement_expires")).toContain("31 december 2023");
    expect(entry(html, "mika_kast_agreement_expires")).not.toContain("(2023)");
    expect(entry(html, "kolada_n15419")).toContain("saknas för Lidingö");
    // Each button says which key; the script's words are in the page.
    expect(html).toContain(
      'aria-label="Infoga Avtal med Mikamottagningen och KAST i Stockholm ({fakta:mika_kast_agreement})"',
    );
    expect(html).toContain('data-inserted="{ref} infogad i fältet {field}."');
    expect(html).toMatch(/<p class="visually-hidden" aria-live="polite" data-picker-status[^>]*><\/p>/);
    // The text fields the button writes into.
    expect(html).toMatch(/<textarea name="input.background"[^>]*data-fact-target/);
    expect(html).toMatch(/<input type="text" name="input.title"[^>]*data-fact-target/);
  });

  it("says, without script, to copy the reference, and shows each one as text", async () => {
    const html = await (await app.request("/?template=allman-motion")).text();
    expect(html).toContain('<p class="help no-js">Skriv {fakta:nyckel} i en textruta');
    expect(html).toContain('<code class="picker-ref">{fakta:population}</code>');
    expect(html).toContain("Välj en kommun för att se värdena.");
    expect(html).not.toContain("saknas för");
  });

  it("serves the list for another municipality to the script", async () => {
    const res = await app.request("/fragment/faktavaljare?kommun=Ume%C3%A5");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("<html");
    expect(entry(html, "mika_kast_agreement")).toContain("saknas för Umeå");
    expect((await app.request("/fragment/faktavaljare", { method: "POST" })).status).toBe(405);
  });

  it("cites the picked key in the preview", async () => {
    const body = new URLSearchParams({
      template: "allman-motion",
      kommun: "Lidingö",
      "name.0": "Anna Andersson",
      date: "2026-03-01",
      "input.title": "Avtal om stöd",
      "input.background": "Lidingö har avtal: {fakta:mika_kast_agreement}.",
      "input.proposals": "teckna avtal",
    });
    const res = await app.request("/fragment/forhandsvisning", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
    });
    expect(text(await res.text())).toMatch(/Lidingö har avtal: ja/);
  });
});
