/**
 * The API tells what the signer must do before filing: POST /api/drafts with `review` in
 * JSON, the X-Motionera-Placeholders header on every format and `strict` refusing
 * placeholders; POST /api/campaigns with the placeholders and checks columns in its summary.
 * Our own templates (test/server/review-fixture.ts).
 */
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app.js";
import { Workspace } from "../../../src/workspace.js";
import { tempWorkspace } from "../../helpers/cli.js";
import { reviewTemplates } from "../review-fixture.js";
import { expectProblem, json } from "./helpers.js";

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  const ws = tempWorkspace();
  app = createApp(await Workspace.open({ db: ws.db, templatesDir: reviewTemplates() }), { token: "t" });
});

const request = {
  template: "fyll-i",
  municipality: "Lidingö",
  authors: [{ name: "Anna Andersson", party: "S" }],
  date: "2026-11-24",
};
const post = (body: unknown, headers: Record<string, string> = {}) => app.request("/api/drafts", json(body, headers));

function listHeader(res: Response, name: string): string[] {
  const h = res.headers.get(name);
  expect(h, name).not.toBeNull();
  expect(h).toMatch(/^[\x21-\x7e]*$/);
  return JSON.parse(decodeURIComponent(h!)) as string[];
}

interface ReviewJson {
  review: { placeholders: string[]; checks: { code: string; message: string; key?: string }[] };
  warnings: { code: string; message: string }[];
  draft: { blocks: unknown[]; sources: unknown[] };
}

describe("POST /api/drafts: what to fill in and check", () => {
  it(
    "returns review in JSON: the placeholders in reading order and the kontrollera items with their " + "Swedish text",
    async () => {
      const res = await post({ ...request, format: "json" });
      expect(res.status).toBe(200);
      const out = (await res.json()) as ReviewJson;
      expect(out.review.placeholders).toEqual(["beslutets datum", "nämndens namn"]);
      expect(out.review.checks).toHaveLength(1);
      expect(out.review.checks[0]).toMatchObject({ code: "fact_stale", key: "mika_kast_agreement" });
      expect(out.review.checks[0]!.message).toMatch(
        /^Uppgiften "Avtal med Mikamottagningen och KAST i Stockholm" för Lidingö är från .*äldre än mallen godtar/,
      );
      expect(JSON.stringify(out.draft.blocks)).toContain('{"type":"placeholder","text":"beslutets datum"}');
      expect(listHeader(res, "x-motionera-placeholders")).toEqual(["beslutets datum", "nämndens namn"]);

      const byAccept = (await (await post(request, { Accept: "application/json" })).json()) as ReviewJson;
      expect(byAccept.review.placeholders).toEqual(["beslutets datum", "nämndens namn"]);
    },
  );

  it("an empty review when there is nothing to do", async () => {
    const res = await post({ ...request, template: "klar", format: "json" });
    expect(((await res.json()) as ReviewJson).review).toEqual({ placeholders: [], checks: [] });
    expect(listHeader(res, "x-motionera-placeholders")).toEqual([]);
  });

  it(
    "names the placeholders in a header on DOCX, PDF, Markdown and HTML; the warnings header keeps " + "the checks",
    async () => {
      const docx = await post({ ...request, format: "docx" });
      expect(docx.status).toBe(200);
      expect(listHeader(docx, "x-motionera-placeholders")).toEqual(["beslutets datum", "nämndens namn"]);
      expect(listHeader(docx, "x-motionera-warnings").join("\n")).toMatch(/äldre än mallen godtar/);
      const xml = strFromU8(
        unzipSync(new Uint8Array(await docx.arrayBuffer()), { filter: (f) => f.name === "word/document.xml" })[
          "word/document.xml"
        ]!,
      );
      expect(xml).toContain("[FYLL I: beslutets datum]");
      for (const format of ["pdf", "md", "html", "html-fragment"]) {
        const res = await post({ ...request, format });
        expect(res.status, format).toBe(200);
        expect(listHeader(res, "x-motionera-placeholders"), format).toEqual(["beslutets datum", "nämndens namn"]);
      }
      const fragment = await (await post({ ...request, format: "html-fragment" })).text();
      expect(fragment).toContain('<mark class="placeholder">[FYLL I: nämndens namn]</mark>');
    },
  );
});

describe("POST /api/drafts with strict", () => {
  it("answers 422 with type draft-has-placeholders, the Swedish detail and the list", async () => {
    const body = await expectProblem(
      await app.request(
        "/api/drafts",
        json({
          template: "bara-fyll-i",
          municipality: "Lidingö",
          authors: [{ name: "Anna Andersson" }],
          strict: true,
          format: "docx",
        }),
      ),
      422,
    );
    expect(body.type).toBe("https://motionera.se/problem/draft-has-placeholders");
    expect(body.placeholders).toEqual(["beslutets datum", "nämndens namn"]);
    expect(body.detail).toMatch(/^Utkastet har 2 ställen att fylla i \("beslutets datum" och "nämndens namn"\)/);
    const loose = await app.request(
      "/api/drafts",
      json({ template: "bara-fyll-i", municipality: "Lidingö", authors: [{ name: "Anna Andersson" }], format: "md" }),
    );
    expect(loose.status).toBe(200);
    expect(await loose.text()).toContain("\\[FYLL I: beslutets datum\\]");
  });
});

describe("the OpenAPI document", () => {
  it("documents review, the header and the problem's placeholders in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    expect(doc.components.schemas.DraftJson!.properties).toHaveProperty("review");
    expect(doc.components.schemas.DraftJson!.required).toContain("review");
    expect(Object.keys(doc.components.schemas.DraftReview!.properties ?? {})).toEqual(["placeholders", "checks"]);
    expect(doc.components.schemas.Problem!.properties).toHaveProperty("placeholders");
    expect(doc.paths["/api/drafts"]!.post!.responses["200"]!.headers).toHaveProperty("X-Motionera-Placeholders");
  });
});

describe("POST /api/campaigns", () => {
  it("the summary in the zip has the placeholders and checks columns", async () => {
    const res = await app.request("/api/campaigns", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: JSON.stringify({
        template: "fyll-i",
        municipalities: ["Lidingö"],
        authors: [{ name: "Anna Andersson", party: "S" }],
        date: "2026-11-24",
        formats: ["md"],
      }),
    });
    expect(res.status).toBe(200);
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const [row] = parse(strFromU8(entries["sammanstallning.csv"]!).replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[];
    expect(row!.placeholders).toBe("beslutets datum | nämndens namn");
    expect(row!.checks).toMatch(
      /^Uppgiften "Avtal med Mikamottagningen och KAST i Stockholm" för Lidingö .*äldre än mallen godtar/,
    );
    const json = JSON.parse(strFromU8(entries["sammanstallning.json"]!)) as {
      municipalities: { placeholders: string[]; checks: { code: string }[] }[];
    };
    expect(json.municipalities[0]).toMatchObject({
      placeholders: ["beslutets datum", "nämndens namn"],
      checks: [{ code: "fact_stale" }],
    });
  });
});
