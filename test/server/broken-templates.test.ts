/**
 * The service with a broken template in its folder (issue 11, point 4: an alias bomb gave a
 * 500 on every page): every page and API route answers, the other templates are offered,
 * the broken one is named with its line and problem and never with a file path; start-up
 * logs it on one line.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/server/app.js";
import { checkBeforeStart } from "../../src/server/serve.js";
import { Workspace } from "../../src/workspace.js";
import { repoRoot, tempWorkspace, templatesFolder } from "../helpers/cli.js";
import { aliasBomb } from "../security/hostile-templates.js";
import { expectProblem, json, lidingoRequest, token } from "./api/helpers.js";

const origin = "http://localhost";

function folderWithBomb(others = ["motion/kast-avtal.hbs", "interpellation/beslut-prostitution.hbs"]): string {
  const dir = templatesFolder({ "motion/bomb.hbs": aliasBomb });
  for (const rel of others) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    copyFileSync(join(repoRoot, "templates", rel), join(dir, rel));
  }
  return dir;
}

async function appOver(templatesDir: string) {
  const ws = tempWorkspace();
  const workspace = await Workspace.open({ db: ws.db, templatesDir });
  return { app: createApp(workspace, { token }), workspace, templatesDir };
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", origin },
  body: new URLSearchParams(fields).toString(),
});

/** A page: the status, HTML, no stack, no path of the templates folder. */
async function page(res: Response, status: number, dir: string): Promise<string> {
  const html = await res.text();
  expect(res.status, html.slice(0, 300)).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/text\/html/);
  expect(html).not.toMatch(/\n\s+at |ReferenceError|Excessive alias/);
  expect(html).not.toContain(dir);
  expect(html).not.toContain("/tmp/");
  return html;
}

const named =
  "Mallen &quot;bomb&quot; har ett fel på rad 7 och kan inte användas: YAML: alias (*a) används inte i mallar";

describe("a template folder holding an alias bomb", () => {
  it(
    "the draft form: 200, the other templates offered, the broken one named (line, problem) " + "above the form",
    async () => {
      const { app, templatesDir } = await appOver(folderWithBomb());
      const html = await page(await app.request("/"), 200, templatesDir);
      expect(html).toContain("En mall har ett fel och visas inte:");
      expect(html).toContain(named);
      expect(html).toContain('<option value="kast-avtal"');
      expect(html).not.toContain('<option value="bomb"');
    },
  );

  it(
    "the form asked for the broken template: the error at the template field; a download of it: " + "422, not 500",
    async () => {
      const { app, templatesDir } = await appOver(folderWithBomb());
      const html = await page(await app.request("/?template=bomb&kommun=Liding%C3%B6"), 200, templatesDir);
      expect(html).toMatch(/id="err-[^"]*template"[^>]*>[\s\S]*Mallen &quot;bomb&quot; har ett fel på rad 7/);
      const download = await app.request(
        "/utkast",
        form({ template: "bomb", kommun: "Lidingö", "name.0": "Anna Andersson", format: "md" }),
      );
      expect(await page(download, 422, templatesDir)).toContain(named);
      // The fragments the script fetches.
      expect((await app.request("/fragment/fakta?template=bomb&kommun=Liding%C3%B6")).status).toBe(404);
      expect(
        (await app.request("/fragment/forhandsvisning", form({ template: "bomb", kommun: "Lidingö" }))).status,
      ).toBe(200);
    },
  );

  it("the campaign page, a municipality's page and the corpus answer", async () => {
    const { app, templatesDir } = await appOver(folderWithBomb());
    expect(await page(await app.request("/kampanj"), 200, templatesDir)).toContain(named);
    const campaign = await app.request(
      "/kampanj",
      form({ template: "bomb", kommuner: "Lidingö", "name.0": "Anna Andersson", date: "2026-11-24", formats: "md" }),
    );
    expect(await page(campaign, 422, templatesDir)).toContain(named);
    expect(await page(await app.request("/kommun/lidingo"), 200, templatesDir)).toContain("Lidingö");
    await page(await app.request("/korpus?q=KAST"), 200, templatesDir);
  });

  it(
    "the API: the list leaves it out; asking for it, drafting or campaigning with it is 422 template-invalid " +
      "naming it, without a path",
    async () => {
      const { app, templatesDir } = await appOver(folderWithBomb());
      const list = await app.request("/api/templates");
      expect(list.status).toBe(200);
      expect(((await list.json()) as { id: string }[]).map((t) => t.id).sort()).toEqual([
        "beslut-prostitution",
        "kast-avtal",
      ]);
      for (const res of [
        await app.request("/api/templates/bomb"),
        await app.request("/api/drafts", json({ ...lidingoRequest, template: "bomb", inputs: {}, format: "md" })),
        await app.request(
          "/api/campaigns",
          json({
            template: "bomb",
            municipalities: ["Lidingö"],
            authors: [{ name: "Anna Andersson" }],
            formats: ["md"],
          }),
        ),
      ]) {
        const p = await expectProblem(res, 422);
        expect(p.type).toMatch(/template-invalid$/);
        expect(p.detail).toContain('Mallen "bomb" har ett fel på rad 7 och kan inte användas: YAML: alias (*a)');
        expect(JSON.stringify(p)).not.toContain(templatesDir);
        expect(p.errors?.[0]?.path).toBe("template");
      }
      // The others still draft.
      expect((await app.request("/api/drafts", json({ ...lidingoRequest, format: "md" }))).status).toBe(200);
    },
  );

  it("no template usable at all: the form says so (503), still no 500", async () => {
    const dir = folderWithBomb([]);
    const { app } = await appOver(dir);
    const html = await page(await app.request("/"), 503, dir);
    expect(html).toContain("Ingen mall kan användas");
    expect(html).toContain(named);
    expect((await app.request("/kampanj")).status).toBe(503);
  });

  it("at start the service logs each broken template on one line with its code and file, and starts", async () => {
    const { workspace, templatesDir } = await appOver(folderWithBomb());
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await checkBeforeStart(workspace);
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]?.[0]);
      expect(line).toMatch(/^motionera serve: template_invalid: Fel i mallen .*motion\/bomb\.hbs:7:8: YAML: alias/);
      expect(line).not.toContain("\n");
      expect(log.mock.calls[0]).toHaveLength(1); // no error object (no stack)
      expect(templatesDir).toBeTruthy();
    } finally {
      log.mockRestore();
    }
  });
});
