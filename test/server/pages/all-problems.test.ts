/** The forms show every problem the core finds at once, each in the error summary linked to its field. */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";

const root = join(import.meta.dirname, "..", "..", "..");
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const db = join(mkdtempSync(join(tmpdir(), "motionera-all-problems-")), "db.json");
  copyFileSync(join(root, "corpus", "motionera.json"), db);
  app = createApp(await Workspace.open({ db }));
});

const post = (path: string, form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return app.request(path, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
  });
};

/** The error summary's links: [href, text]. */
function summaryLinks(html: string): [string, string][] {
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
  return [...summary.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1]!, m[2]!]);
}

describe("every problem at once on the forms", () => {
  it(
    "the draft form: unknown municipality, a signer row without a name, a bad date and an unknown argument, " +
      "each linked to its field",
    async () => {
      const res = await post("/utkast", {
        template: "kast-avtal",
        kommun: "Lidngö",
        "name.0": "",
        "party.0": "L",
        "role.0": "ledamot",
        date: "2026-02-30",
        arguments: "finns-inte#1",
        format: "docx",
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(/Formuläret har 4 fel/);
      const links = summaryLinks(html);
      expect(links.map(([href]) => href)).toEqual(["#f-kommun", "#f-name-0", "#f-date", "#f-arguments"]);
      expect(links[0]![1]).toMatch(/^Kommun: Det finns ingen kommun som heter ”Lidngö”/);
      // Each field carries its own error, and the "Menade du" link keeps the form.
      for (const id of ["f-kommun", "f-name-0", "f-date"]) expect(html).toContain(`id="err-${id}"`);
      expect(html).toMatch(/id="err-f-kommun">[\s\S]*?Menade du[\s\S]*?>Lidingö<\/a>/);
      expect(html).toMatch(/id="err-f-arguments">[\s\S]*?finns-inte#1 finns inte längre i korpusen/);
    },
  );

  it("the draft form: an unknown {fakta:…} in the user's text at its field, beside another problem", async () => {
    const res = await post("/utkast", {
      template: "allman-motion",
      kommun: "Lidngö",
      "name.0": "Eva Ek",
      "party.0": "V",
      "role.0": "",
      date: "2026-11-24",
      "input.title": "Skolan",
      "input.background": "I Lidingö klarade {fakta:kolada_n1541} alla ämnen.",
      "input.proposals": "ge nämnden i uppdrag att höja andelen",
      format: "docx",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/Formuläret har 2 fel/);
    const links = summaryLinks(html);
    expect(links.map(([href]) => href)).toEqual(["#f-kommun", "#f-input-background"]);
    expect(html).toMatch(/id="err-f-input-background">[\s\S]*?okänd faktanyckel (&quot;|")kolada_n1541/);
  });

  it("the campaign form: an unknown municipality and an unknown fact key in a condition, with no signer", async () => {
    const res = await post("/kampanj", {
      template: "kast-avtal",
      lan: "",
      kommuner: "Lidingö, Lidngö",
      where: "no_such_key=ja",
      "name.0": "",
      date: "2026-11-24",
      formats: ["docx"],
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/Formuläret har 3 fel/);
    expect(summaryLinks(html).map(([href]) => href)).toEqual(["#k-kommuner", "#k-where", "#k-name-0"]);
    for (const id of ["k-kommuner", "k-where", "k-name-0"]) expect(html).toContain(`id="err-${id}"`);
  });
});
