/**
 * The ärenden forms the CLI has, on the web (app.request): a step corrected ("Rättar") and the
 * history telling it; council meetings added one by one and from a CSV file, a bad file named by
 * its line; the follow-up interpellation previewed and downloaded as DOCX citing the filing (dnr,
 * date), hidden with its reason when there is nothing to follow up; a decision recorded with its
 * corpus record and a fact, then on the municipality's facts; each problem at its field.
 */
import { strFromU8, unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { issueToken } from "../../../src/tokens/issue.js";
import { Workspace } from "../../../src/workspace.js";
import { filedStep } from "../../../src/filings/steps.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { addTwoFilings } from "../../helpers/filing-fixtures.js";
import { formPost, origin, signedIn, withCookie } from "../../helpers/staff-app.js";

let app: ReturnType<typeof createApp>;
let ws: Workspace;
let cookie: string;
const motion = "2025-03-02-fler-elever-ska-klara-grundskolan";
const interpellation = "2026-02-01-vad-hande-med-cykelplanen";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

beforeEach(async () => {
  ws = await Workspace.open({ db: tempWorkspace().db });
  app = createApp(ws, { token: "personalens-nyckel", draftsPerMinute: 0 });
  const writer = (await issueToken(ws.store, "skribenten", "write")).secret;
  await addTwoFilings(ws.store);
  cookie = await signedIn(app, writer, "/arenden");
});

const post = (path: string, fields: Record<string, string>) => app.request(path, formPost(fields, withCookie(cookie)));
const page = async (path: string) => (await app.request(path, { headers: { cookie } })).text();

describe("corrections", () => {
  it("corrects the filing and a step, keeping what is left empty, and the history tells both", async () => {
    expect((await post(`/arenden/${motion}/steg`, { steg: "referred", datum: "2025-04-01", namnd: "KS" })).status).toBe(
      303,
    );
    const form = await page(`/arenden/${motion}`);
    expect(form).toContain('<option value="" selected="">Inget (ett nytt steg)</option>');
    expect(form).toContain('<option value="1">1. Inlämnad 2 mars 2025</option>');
    expect(form).toContain('<option value="2">2. Remitterad 1 april 2025</option>');

    const refile = await post(`/arenden/${motion}/steg`, { rattar: "1", dnr: "KS 2025/0102", skal: "fel dnr" });
    expect([refile.status, refile.headers.get("location")]).toEqual([303, `/arenden/${motion}?sparat=1`]);
    const refer = await post(`/arenden/${motion}/steg`, { steg: "answered", rattar: "2", namnd: "utbildningsnämnden" });
    expect(refer.status).toBe(303);

    const filing = (await ws.store.filings()).find((f) => f.id === motion)!;
    expect(filedStep(filing)).toEqual({
      kind: "filed",
      date: "2025-03-02",
      dnr: "KS 2025/0102",
      body: "kommunfullmäktige",
    });
    expect(filing.events.map((e) => [e.seq, e.corrects, e.reason, e.by])).toEqual([
      [1, undefined, undefined, { kind: "cli", user: "eva" }],
      [2, undefined, undefined, { kind: "token", name: "skribenten" }],
      [3, 1, "fel dnr", { kind: "token", name: "skribenten" }],
      [4, 2, undefined, { kind: "token", name: "skribenten" }],
    ]);
    const history = text(await page(`/arenden/${motion}`));
    expect(history).toContain(
      "Rättelse av steg 1 (fel dnr): Inlämnad 2 mars 2025 till kommunfullmäktige, dnr KS 2025/0102.",
    );
    expect(history).toMatch(/dnr KS 2025\/0102\. Registrerat .* av token ”skribenten”/);
    expect(history).toContain("Rättelse av steg 2: Remitterad 1 april 2025 till utbildningsnämnden.");
    expect(history).toMatch(/dnr KS 2025\/0101\. Rättat i steg 3\. Registrerat/);
  });

  it("names a correction's problems at their fields and writes nothing", async () => {
    const unknown = await post(`/arenden/${motion}/steg`, { rattar: "9", dnr: "x" });
    expect(unknown.status).toBe(422);
    expect(text(await unknown.text())).toContain("Rättar: Välj ett av stegen i listan.");
    expect((await post(`/arenden/${motion}/steg`, { steg: "referred", datum: "2025-04-01", namnd: "KS" })).status).toBe(
      303,
    );
    const late = await post(`/arenden/${motion}/steg`, { rattar: "1", datum: "2025-05-01" });
    expect(late.status).toBe(422);
    const html = await late.text();
    expect(html).toContain('id="err-s-datum"');
    expect(text(html)).toContain("Datum: datumet ligger efter ett senare steg i ärendet");
    expect((await ws.store.filings()).find((f) => f.id === motion)!.events).toHaveLength(2);
  });
});

describe("council meetings", () => {
  const upload = (name: string, content: string, fields: Record<string, string> = { kommun: "Lidingö" }) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append("fil", new File([content], name, { type: "text/plain" }));
    return app.request("/arenden/sammantraden/fil", { method: "POST", body, headers: { origin, cookie } });
  };

  it("adds a meeting and imports a CSV file, saying how many were new, and lists them", async () => {
    const one = await post("/arenden/sammantraden", { kommun: "Lidingö", datum: "2026-03-16", organ: "" });
    expect(one.status).toBe(303);
    expect(one.headers.get("location")).toBe("/arenden/sammantraden?kommun=Liding%C3%B6&sparat=1&nya=1&av=1");
    const csv = await upload("sammantraden.csv", "datum;organ\n2026-04-20;kommunfullmäktige\n2026-03-16;\n");
    expect(csv.status).toBe(303);
    const listed = text(await page(csv.headers.get("location")!));
    expect(listed).toContain("1 sammanträde har lagts till (1 fanns redan).");
    expect(listed).toMatch(/16 mars 2026 kommunfullmäktige 20 april 2026 kommunfullmäktige/);
    expect((await ws.store.meetings()).map((m) => [m.municipality.code, m.date, m.body])).toEqual([
      ["0186", "2026-03-16", "kommunfullmäktige"],
      ["0186", "2026-04-20", "kommunfullmäktige"],
    ]);
    expect(text(await page("/arenden?kommun=Lidingö"))).toContain("Sammanträden i Lidingö");
  });

  it("names the line of a bad file and the field of a bad date, adding nothing", async () => {
    const bad = await upload("möten.csv", "datum\n2026-05-01\n2026-13-45\n");
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('id="err-f-fil"');
    expect(text(html)).toContain('Fil (.csv eller .ics): möten.csv: rad 3: "2026-13-45" är inget datum');
    const ics = await upload("kalender.txt", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    expect(text(await ics.text())).toContain("okänd filtyp: ange en .csv- eller .ics-fil");
    const date = await post("/arenden/sammantraden", { kommun: "Lidingö", datum: "16 mars" });
    expect(date.status).toBe(422);
    expect(text(await date.text())).toContain("Datum: Skriv datumet som ÅÅÅÅ-MM-DD");
    const visitor = await app.request("/arenden/sammantraden", formPost({ kommun: "Lidingö", datum: "2026-03-16" }));
    expect(visitor.status).toBe(401);
    expect(await visitor.text()).toContain("data-sign-in-needed");
    expect(await ws.store.meetings()).toEqual([]);
  });
});

describe("the follow-up interpellation", () => {
  it("previews the draft citing the filing and gives it as DOCX", async () => {
    expect(await page(`/arenden/${motion}?idag=2026-04-01`)).toContain("data-follow-up-form");
    const none = await app.request(`/arenden/${motion}/uppfoljning?idag=2026-04-01`, { headers: { cookie } });
    expect(none.status).toBe(422);
    expect(text(await none.text())).toContain("Till: Fyll i fältet.");

    const till = "kommunstyrelsens ordförande Anna Andersson (M)";
    const q = `till=${encodeURIComponent(till)}&idag=2026-04-01`;
    const preview = await app.request(`/arenden/${motion}/uppfoljning?${q}`, { headers: { cookie } });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(text(html)).toContain("Vad har hänt med motionen ”Fler elever ska klara grundskolan”?");
    expect(text(html)).toContain("dnr KS 2025/0101");
    expect(html).toContain(`href="/arenden/${motion}/uppfoljning.docx?till=`);
    expect(html).toContain("data-review-count");

    const docx = await app.request(`/arenden/${motion}/uppfoljning.docx?${q}`, { headers: { cookie } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.docx"/);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))["word/document.xml"]!);
    const words = xml.replace(/<[^>]+>/g, "");
    expect(words).toContain("KS 2025/0101");
    expect(words).toContain("2 mars 2025");
    expect(words).toContain(till);
  });

  it("is hidden with its reason when there is nothing to follow up, and asks a visitor to sign in", async () => {
    expect(await page(`/arenden/${interpellation}`)).toContain("data-follow-up-form");
    await post(`/arenden/${interpellation}/steg`, { steg: "answered", datum: "2026-03-01", av: "Kommunalrådet" });
    const closed = await page(`/arenden/${interpellation}`);
    expect(closed).not.toContain("data-follow-up-form");
    expect(text(closed)).toContain("Ingen uppföljning: ärendet är avslutat (besvarad)");
    const visitor = await app.request(`/arenden/${motion}/uppfoljning.docx?till=x`);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toMatch(/^\/personal\/logga-in\?till=/);
  });
});

describe("a decision with its facts and corpus record", () => {
  const decided = {
    steg: "decided",
    datum: "2026-03-16",
    beslut: "bifall",
    protokoll: "Protokoll kommunfullmäktige 2026-03-16",
    utgivare: "Lidingö stad",
    paragraf: "§ 45",
  };

  it("offers the catalog's keys and names each problem at its row, writing nothing", async () => {
    const form = await page(`/arenden/${motion}`);
    expect(form).toContain('name="korpus"');
    expect(form).toMatch(/<select name="fakta-0-nyckel"[^>]*>[\s\S]*<option value="action_plan_sells_sex">/);
    expect(await page(`/arenden/${interpellation}`)).not.toContain('name="korpus"');
    const res = await post(`/arenden/${motion}/steg`, {
      ...decided,
      "fakta-0-nyckel": "action_plan_sells_sex",
      "fakta-0-varde": "kanske",
      "fakta-1-varde": "ja",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="err-s-fakta-0-varde"');
    expect(html).toContain('id="err-s-fakta-1-nyckel"');
    expect(text(html)).toMatch(/Värde för uppgift 1: .*kanske/);
    expect(text(html)).toContain("Uppgift 2: Välj uppgiften som värdet gäller.");
    expect((await ws.store.filings()).find((f) => f.id === motion)!.events).toHaveLength(1);
    const early = await post(`/arenden/${motion}/steg`, { ...decided, datum: "2025-01-01", korpus: "ja" });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('id="err-s-datum"');
  });

  it("records the decision, its fact and its corpus record, then on the municipality's facts", async () => {
    const res = await post(`/arenden/${motion}/steg`, {
      ...decided,
      korpus: "ja",
      "fakta-0-nyckel": "action_plan_sells_sex",
      "fakta-0-varde": "ja",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/arenden/${motion}?sparat=1&uppgifter=1&korpus=1`);
    expect(text(await page(res.headers.get("location")!))).toContain(
      "Beslutet är sparat. 1 uppgift sparades för kommunen. Motionen finns nu i korpusen.",
    );
    const fact = (await ws.store.facts()).find((f) => f.subject === "0186" && f.key === "action_plan_sells_sex");
    expect(fact).toMatchObject({
      value: { type: "boolean", value: true },
      asOf: "2026-03-16",
      source: { title: "Protokoll kommunfullmäktige 2026-03-16, § 45", publisher: "Lidingö stad" },
    });
    const doc = (await ws.store.documents()).find((d) => d.designation === "KS 2025/0101");
    expect(doc?.summary).toContain("bifall");
    expect(text(await page("/kommun/lidingo"))).toContain("Protokoll kommunfullmäktige 2026-03-16");
  });
});
