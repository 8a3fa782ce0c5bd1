/**
 * "Lägg till uppgift" through app.request: the form fills from a link and fits the key's type;
 * a write sign-in is needed (a read token cannot get one, a visitor is told how, keeping what was
 * typed); every problem at its field with the input kept; the write goes through the store under
 * the token's name; back where the user came from with a notice; the CSRF guard; the links from
 * the facts panel, the municipality page and the campaign selection.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { issueToken } from "../../../src/tokens/issue.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { formPost, origin, signedIn, withCookie } from "../../helpers/staff-app.js";
import { errorForField } from "../../../src/server/pages/draft/check.js";
import { readForm } from "../../../src/server/pages/draft/state.js";
import { sourceFromQuery } from "../../../src/server/pages/kit/form-source.js";

const token = "personalens-nyckel";
const form = "/personal/uppgifter/ny";

let app: ReturnType<typeof createApp>;
let ws: Workspace;
let secrets: { reader: string; writer: string };

beforeEach(async () => {
  ws = await Workspace.open({ db: tempWorkspace().db });
  app = createApp(ws, { token, draftsPerMinute: 0 });
  secrets = {
    reader: (await issueToken(ws.store, "lasaren", "read")).secret,
    writer: (await issueToken(ws.store, "skribenten", "write")).secret,
  };
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The error shown at a field: its <p class="field-error" id="err-u-…">. */
function fieldError(html: string, field: string): string {
  const m = new RegExp(`<p class="field-error" id="err-u-${field}">([\\s\\S]*?)</p>`).exec(html);
  return m ? text(m[1]!).replace(/^Fel: /, "") : "";
}

/** A good entry for Pajala: no KAST agreement, with its source. */
const pajala = {
  kommun: "Pajala",
  nyckel: "mika_kast_agreement",
  varde: "nej",
  per: "2025-06-30",
  titel: "Protokoll från socialnämnden",
  utgivare: "Pajala kommun",
  kalldatum: "2025-06-30",
  webbadress: "https://www.pajala.se/",
  till: "/?template=kast-avtal&kommun=Pajala",
};

const pajalaFacts = async () => (await ws.store.facts()).filter((f) => f.subject === "2521");

describe("the add-fact form", () => {
  it("fills from a link: municipality, key, the current value, a control that fits the key's type", async () => {
    const cookie = await signedIn(app, secrets.writer, form);
    const get = (q: string) => app.request(`${form}?${q}`, { headers: { cookie } });
    const yesNo = await (await get("kommun=Pajala&nyckel=mika_kast_agreement")).text();
    expect(yesNo).toContain("Lägg till uppgift: Pajala");
    expect(yesNo).toContain("Avtal med Mikamottagningen och KAST i Stockholm");
    expect(yesNo).toMatch(/type="radio" name="varde" value="ja"/);
    expect(yesNo).toMatch(/type="radio" name="varde" value="nej"/);
    expect(yesNo).toContain("Registret har ingen uppgift om det här för kommunen.");
    expect(yesNo).not.toContain("data-sign-in-needed");
    const number = await (await get("kommun=Lidingö&nyckel=population")).text();
    expect(number).toMatch(/<input type="text" name="varde" value="" inputmode="decimal"/);
    const date = await (await get("kommun=Lidingö&nyckel=kast_since")).text();
    expect(date).toMatch(/<input type="date" name="varde"/);
    const words = await (await get("kommun=Lidingö&nyckel=sex_trade_shift")).text();
    expect(words).toMatch(/<textarea name="varde"/);
    const lidingo = await (await get("kommun=Lidingö&nyckel=mika_kast_agreement")).text();
    expect(lidingo).toMatch(/Registret har i dag: /);
    // Without a key: choose one (only keys a municipality's value can be typed for, not derived ones).
    const choose = await (await get("kommun=Pajala")).text();
    expect(choose).toContain('<select name="nyckel"');
    expect(choose).toContain('value="population"');
    expect(choose).not.toContain('value="mika_kast_agreements_in_county"');
  });

  it("without a write sign-in explains how to get one, and the sign-in comes back to the form", async () => {
    const res = await app.request(`${form}?kommun=Pajala&nyckel=mika_kast_agreement`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("data-sign-in-needed");
    const href = /<a class="button" href="([^"]+)">Logga in och kom tillbaka hit/
      .exec(html)?.[1]
      ?.replace(/&amp;/g, "&");
    expect(href).toBeDefined();
    const till = new URL(href!, origin).searchParams.get("till")!;
    expect(till).toBe(`${form}?kommun=Pajala&nyckel=mika_kast_agreement`);
    // The sign-in page asks for write (not admin) when it leads here.
    const signInPage = await (await app.request(href!)).text();
    expect(signInPage).toContain("rollen write eller admin");
    const signIn = await app.request("/personal/logga-in", formPost({ token: secrets.writer, till }));
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get("location")).toBe(till);
    // A read token gets no session, and is told why.
    const read = await app.request("/personal/logga-in", formPost({ token: secrets.reader, till }));
    expect(read.status).toBe(403);
    expect(read.headers.get("set-cookie")).toBeNull();
    expect(text(await read.text())).toContain("Den här token har bara rollen read");
    // A write token's session does not open the admin pages.
    const cookie = await signedIn(app, secrets.writer, till);
    const admin = await app.request("/personal/faktanycklar", { headers: { cookie } });
    expect(admin.status).toBe(303);
  });

  it("refuses a post without a session or with a read token, keeping what was typed", async () => {
    const anonymous = await app.request(form, formPost(pajala));
    expect(anonymous.status).toBe(401);
    const html = await anonymous.text();
    expect(html).toContain("så uppgiften sparades inte");
    expect(html).toContain('value="Protokoll från socialnämnden"');
    const href = /<a class="button" href="([^"]+)">Logga in/.exec(html)![1]!.replace(/&amp;/g, "&");
    expect(new URL(href, origin).searchParams.get("till")).toContain("utgivare=Pajala+kommun");
    const reader = await app.request(form, formPost(pajala, { authorization: `Bearer ${secrets.reader}` }));
    expect(reader.status).toBe(401);
    expect(await pajalaFacts()).toHaveLength(0);
  });

  it("saves through the store under the token's name and goes back with a notice", async () => {
    const cookie = await signedIn(app, secrets.writer, form);
    const res = await app.request(form, formPost(pajala, withCookie(cookie)));
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toBe("/?template=kast-avtal&kommun=Pajala&ny-uppgift=mika_kast_agreement");
    const [fact] = await pajalaFacts();
    expect(fact).toMatchObject({
      key: "mika_kast_agreement",
      value: { type: "boolean", value: false },
      asOf: "2025-06-30",
      source: { title: "Protokoll från socialnämnden", publisher: "Pajala kommun", url: "https://www.pajala.se/" },
    });
    const [entry] = await ws.store.audit({ subject: "2521", limit: 1 });
    expect(entry?.actor).toEqual({ kind: "token", name: "skribenten" });
    expect(entry?.ids).toContain(fact!.id);
    // The draft page says so, and its facts panel has the fact.
    const draft = text(await (await app.request(res.headers.get("location")!)).text());
    expect(draft).toContain("Uppgiften ”Avtal med Mikamottagningen och KAST i Stockholm” för Pajala är sparad.");
    expect(draft).toContain("Pajala kommun");
    // Without `till`: the municipality's page, which shows it.
    const { till: _, ...rest } = pajala;
    const again = await app.request(form, formPost({ ...rest, per: "2025-07-01" }, withCookie(cookie)));
    expect(again.headers.get("location")).toBe("/kommun/pajala?ny-uppgift=mika_kast_agreement");
    // Only a path on this site is gone back to.
    const elsewhere = await app.request(form, formPost({ ...pajala, till: "//evil.example/" }, withCookie(cookie)));
    expect(elsewhere.headers.get("location")).toBe("/kommun/pajala?ny-uppgift=mika_kast_agreement");
    const place = text(await (await app.request(again.headers.get("location")!)).text());
    expect(place).toContain("Uppgiften ”Avtal med Mikamottagningen och KAST i Stockholm” för Pajala är sparad.");
  });

  it("shows each problem at its field in Swedish, with what was typed kept", async () => {
    const cookie = await signedIn(app, token);
    const post = (fields: Record<string, string>) => app.request(form, formPost(fields, withCookie(cookie)));
    const res = await post({
      kommun: "Pajalla",
      nyckel: "population",
      varde: "många",
      per: "2999",
      titel: "",
      utgivare: "",
      kalldatum: "21 juni",
      webbadress: "javascript:alert(1)",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldError(html, "kommun")).toContain("Det finns ingen kommun som heter ”Pajalla”.");
    expect(fieldError(html, "kommun")).toContain("Menade du Pajala");
    expect(fieldError(html, "varde")).toMatch(/Kontrollera värdet: .*många/);
    expect(fieldError(html, "per")).toBe("Datumet ligger i framtiden. Ange det datum eller år som värdet beskriver.");
    expect(fieldError(html, "utgivare")).toBe("Fyll i fältet.");
    expect(fieldError(html, "kalldatum")).toContain("ÅÅÅÅ-MM-DD");
    expect(fieldError(html, "webbadress")).toBe(
      "Ange en fullständig webbadress som börjar med https:// eller http://.",
    );
    expect(html).toContain('value="Pajalla"');
    expect(html).toContain('value="många"');
    expect(html).toContain('value="javascript:alert(1)"');
    expect(html).toContain('<a href="#u-webbadress">Webbadress: ');
    // A yes/no left unanswered, a year for a date.
    const yesNo = await (await post({ ...pajala, varde: "" })).text();
    expect(fieldError(yesNo, "varde")).toBe("Välj ja eller nej.");
    expect(await pajalaFacts()).toHaveLength(0);
    const year = await post({ ...pajala, per: "2025" });
    expect(year.status).toBe(303);
  });

  it("is refused from another site (CSRF)", async () => {
    const cookie = await signedIn(app, token);
    const res = await app.request(form, formPost(pajala, { ...withCookie(cookie), origin: "https://evil.example" }));
    expect(res.status).toBe(403);
    expect(await pajalaFacts()).toHaveLength(0);
  });
});

describe("the ways to the form", () => {
  it("the facts panel links each missing fact, coming back to the draft", async () => {
    const html = await (await app.request("/?template=kast-avtal&kommun=Pajala")).text();
    const href = `${form}?kommun=Pajala&amp;nyckel=mika_kast_agreement&amp;till=`;
    expect(html).toContain(href);
    const fragment = await (await app.request("/fragment/fakta?template=kast-avtal&kommun=Pajala")).text();
    expect(fragment).toContain(href);
  });

  it("the municipality page offers to add any key, and says so where the registry has nothing", async () => {
    const html = await (await app.request("/kommun/pajala")).text();
    expect(html).toContain(`${form}?kommun=Pajala&amp;till=%2Fkommun%2Fpajala`);
    expect(text(html)).toContain("Lägg till den första uppgiften om Pajala");
  });

  it("the campaign selection links a municipality left out for a missing fact", async () => {
    const q = new URLSearchParams({ lan: "BD", where: "mika_kast_agreement=nej", visa: "1" });
    const html = await (await app.request(`/kampanj?${q}`)).text();
    expect(text(html)).toContain("Avtal med Mikamottagningen och KAST i Stockholm: saknas i registret");
    expect(html).toContain(`${form}?kommun=Pajala&amp;nyckel=mika_kast_agreement&amp;till=`);
  });
});

describe("warnings on the web", () => {
  it("name the web action (a link to the form), not a command", async () => {
    const fields = {
      template: "beslut-prostitution",
      kommun: "Pajala",
      "name.0": "Anna Andersson",
      "party.0": "L",
      "input.addressee": "socialnämndens ordförande",
      date: "2026-11-24",
      format: "preview",
    };
    const res = await app.request("/utkast", formPost(fields));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).not.toContain("motionera facts");
    expect(html).not.toContain("--set");
    const error = /<p class="field-error" id="err-f-input-decisionDate">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(text(error)).toContain("faktaregistret har ingen uppgift om");
    expect(error).toContain(`${form}?kommun=Pajala&amp;nyckel=prostitution_assignment_decided&amp;till=%2F%3Ftemplate`);
    // A fact the template requires: the form's words, and the link.
    const state = readForm(sourceFromQuery(new URLSearchParams("template=kast-avtal&kommun=Pajala")), {
      defaultTemplate: "kast-avtal",
      today: "2026-11-24",
    });
    const details = {
      code: "fact_missing" as const,
      key: "runs_kast",
      label: "Har en KAST-mottagning",
      subjectName: "Pajala",
      subject: "2521",
    };
    const [field, missing] = errorForField({ path: ["municipality"], details }, state);
    expect(field).toBe("facts");
    expect(missing.text).not.toContain("motionera");
    expect(missing.action?.href).toMatch(/^\/personal\/uppgifter\/ny\?kommun=Pajala&nyckel=runs_kast&till=%2F%3F/);
    const page = await (await app.request("/?template=kast-avtal&kommun=Pajala")).text();
    expect(page).not.toContain("motionera facts");
  });
});
