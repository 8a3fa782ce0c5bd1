/**
 * The ärenden pages through app.request: the list shows what `motionera arenden --json` gives
 * (status, deadline, days left, FÖRSENAD) and filters by municipality, signer and party; one
 * ärende shows its history with who and when; staff with a write sign-in file an ärende and add a
 * step (a visitor and a read token are told how to sign in, nothing written); problems at their
 * field; the calendar feed is text/calendar; the municipality page and staff tools link here.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { issueToken } from "../../../src/tokens/issue.js";
import { Workspace } from "../../../src/workspace.js";
import { actingAs } from "../../../src/store/actor-context.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { addTwoFilings } from "../../helpers/filing-fixtures.js";
import { formPost, signedIn, withCookie } from "../../helpers/staff-app.js";

const token = "personalens-nyckel";
let app: ReturnType<typeof createApp>;
let ws: Workspace;
let writer: string;
let reader: string;

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

beforeEach(async () => {
  ws = await Workspace.open({ db: tempWorkspace().db });
  app = createApp(ws, { token, draftsPerMinute: 0 });
  writer = (await issueToken(ws.store, "skribenten", "write")).secret;
  reader = (await issueToken(ws.store, "lasaren", "read")).secret;
  await addTwoFilings(ws.store);
});

const fileFields = {
  slag: "motion",
  titel: "Läxhjälp på biblioteken",
  kommun: "Lidingö",
  undertecknare: "Eva Ek (V)\nAli Demir (V)",
  datum: "2026-03-10",
  dnr: "KS 2026/0150",
  organ: "kommunfullmäktige",
};

describe("the list", () => {
  it("shows status, deadline, days left and FÖRSENAD, the same rows as the API", async () => {
    const res = await app.request("/arenden?idag=2026-04-01");
    expect(res.status).toBe(200);
    const page = text(await res.text());
    expect(page).toContain("Fler elever ska klara grundskolan");
    expect(page).toContain("FÖRSENAD 30 dagar sedan");
    expect(page).toContain("2 mars 2026");
    expect(page).toContain("1 ärende är försenat.");
    expect(page).toContain("inget känt sammanträde");
    const rows = (await (await app.request("/api/filings?idag=2026-04-01")).json()) as {
      id: string;
      daysLeft: number | null;
      overdue: boolean;
    }[];
    expect(rows.map((r) => [r.daysLeft, r.overdue])).toEqual([
      [-30, true],
      [null, false],
    ]);
  });

  it("filters by municipality, signer and party, and links the calendar of the selection", async () => {
    const byPlace = await (await app.request("/arenden?kommun=Vaxholm")).text();
    expect(byPlace).toContain("Vad hände med cykelplanen");
    expect(byPlace).not.toContain("Fler elever");
    expect(byPlace).toContain('href="/arenden/kalender.ics?kommun=Vaxholm"');
    const bySigner = await (await app.request("/arenden?undertecknare=eva%20ek")).text();
    expect(bySigner).toContain("Fler elever");
    expect(bySigner).not.toContain("cykelplanen");
    const byParty = await (await app.request("/arenden?parti=MP")).text();
    expect(byParty).toContain("cykelplanen");
    expect(byParty).not.toContain("Fler elever");
  });

  it("serves the calendar as text/calendar", async () => {
    const res = await app.request("/arenden/kalender.ics?undertecknare=Eva%20Ek");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("X-WR-CALNAME:Motionera: tidsfrister för Eva Ek");
    expect(ics).toContain("DTSTART;VALUE=DATE:20260302");
    expect(ics).not.toContain("cykelplanen");
  });

  it("is linked from the municipality page and the staff tools", async () => {
    const place = await (await app.request("/kommun/lidingo")).text();
    expect(place).toContain('href="/arenden?kommun=Liding%C3%B6"');
    const cookie = await signedIn(app, token);
    expect(await (await app.request("/personal", { headers: { cookie } })).text()).toContain('href="/arenden"');
  });
});

describe("filing from the web", () => {
  it("asks a visitor and a read token to sign in, writing nothing", async () => {
    const page = await (await app.request("/arenden")).text();
    expect(page).toContain("data-sign-in-needed");
    expect(page).not.toContain("data-file-form");
    const res = await app.request("/arenden", formPost(fileFields, { authorization: `Bearer ${reader}` }));
    expect(res.status).toBe(401);
    expect(await ws.store.filings()).toHaveLength(2);
  });

  it("files an ärende and adds a step as the signed-in token, history naming it", async () => {
    const cookie = await signedIn(app, writer, "/arenden");
    const res = await app.request("/arenden", formPost(fileFields, withCookie(cookie)));
    expect(res.status).toBe(303);
    const where = res.headers.get("location")!;
    expect(where).toBe("/arenden/2026-03-10-laxhjalp-pa-biblioteken?sparat=1");
    const filing = (await ws.store.filings()).find((f) => f.id === "2026-03-10-laxhjalp-pa-biblioteken")!;
    expect(filing.signers).toEqual([
      { name: "Eva Ek", party: "V" },
      { name: "Ali Demir", party: "V" },
    ]);
    expect(filing.events[0]!.by).toEqual({ kind: "token", name: "skribenten" });

    const step = await app.request(
      "/arenden/2026-03-10-laxhjalp-pa-biblioteken/steg",
      formPost({ steg: "referred", datum: "2026-03-20", namnd: "barn- och ungdomsnämnden" }, withCookie(cookie)),
    );
    expect(step.status).toBe(303);
    const page = text(await (await app.request(where, { headers: { cookie } })).text());
    expect(page).toContain("Ärendet är registrerat.");
    expect(page).toContain("Remitterad 20 mars 2026 till barn- och ungdomsnämnden.");
    expect(page).toMatch(/Inlämnad 10 mars 2026 till kommunfullmäktige, dnr KS 2026\/0150\. Registrerat .* av/);
    expect(page).toContain("remitterad");
  });

  it("names each problem at its field and keeps what was typed", async () => {
    const cookie = await signedIn(app, writer, "/arenden");
    const res = await app.request(
      "/arenden",
      formPost({ ...fileFields, titel: "", kommun: "Lidingoo", undertecknare: "(V)" }, withCookie(cookie)),
    );
    expect(res.status).toBe(422);
    const page = text(await res.text());
    expect(page).toContain("Rubrik: Fyll i fältet.");
    expect(page).toMatch(/Kommun: .*Lidingö/);
    expect(page).toContain("Undertecknare: Raden ”(V)” saknar ett namn.");
    expect(await ws.store.filings()).toHaveLength(2);

    const bad = await app.request(
      "/arenden/2025-03-02-fler-elever-ska-klara-grundskolan/steg",
      formPost({ steg: "answered", datum: "2025-04-01", av: "Kommunalrådet" }, withCookie(cookie)),
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("error-summary");
  });

  it("answers an unknown ärende with 404", async () => {
    expect((await app.request("/arenden/finns-inte")).status).toBe(404);
  });

  it("opens the filing form from a saved draft, filled with its municipality and signers", async () => {
    const draft = await actingAs({ kind: "cli", user: "eva" }, () =>
      ws.store.createSavedDraft({
        template: "kast-avtal",
        kommun: "Lidingö",
        signers: [
          { name: "Eva Ek", party: "V", partyOther: "", role: "" },
          { name: "Lokal Person", party: "annat", partyOther: "Lidingöpartiet", role: "" },
        ],
        date: "2026-03-01",
        inputs: {},
        arguments: [],
      }),
    );
    const cookie = await signedIn(app, writer, "/arenden");
    const saved = await (await app.request(`/utkast/${draft.id}`, { headers: { cookie } })).text();
    const href = /<a href="([^"]+)" data-file-draft/.exec(saved)?.[1]?.replace(/&amp;/g, "&");
    const url = new URL(href!, "http://localhost");
    expect(url.pathname).toBe("/arenden/ny");
    expect(url.searchParams.get("kommun")).toBe("Lidingö");
    expect(url.searchParams.get("undertecknare")).toBe("Eva Ek (V)\nLokal Person (Lidingöpartiet)");
    const form = await (await app.request(href!, { headers: { cookie } })).text();
    expect(form).toContain('value="Lidingö"');
    expect(form).toMatch(
      /<textarea name="undertecknare"[^>]*>Eva Ek \(V\)\nLokal Person \(Lidingöpartiet\)<\/textarea>/,
    );
    expect(await (await app.request(href!)).text()).toContain("data-sign-in-needed");
  });
});
