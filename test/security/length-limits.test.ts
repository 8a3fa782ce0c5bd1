/**
 * The web service holds free text to the schemas' limits: POST /api/facts, a facts import
 * row and its source, a signer, a corpus import's title; every refusal is a problem naming
 * the field with a Swedish message, nothing is written, and the OpenAPI document states
 * each limit as maxLength.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { auth, expectProblem, json, lidingoRequest, makeApp } from "../server/api/helpers.js";

const x = (n: number) => "x".repeat(n);
/** Messages use a no-break space in 2 000; compare with plain spaces. */
const plain = (s: string | undefined) => (s ?? "").replace(/\u00a0/g, " ");

let app: Awaited<ReturnType<typeof makeApp>>["app"];
let db: string;
beforeAll(async () => {
  const made = await makeApp();
  app = made.app;
  db = made.ws.db;
});

const entry = {
  subject: "Lidingö",
  key: "prostitution_unit_name",
  value: "Mottagningen",
  asOf: "2026-01-15",
  source: { title: "Titel", publisher: "Utgivare", date: "2026-01-15", url: "https://example.se/" },
  note: "testvärde",
};

describe("POST /api/facts", () => {
  const cases: [string, object, string][] = [
    ["value", { value: x(2001) }, "värdet får vara högst 2 000 tecken, men är 2 001"],
    ["note", { note: x(1001) }, "förbehållet (note) får vara högst 1 000 tecken, men är 1 001"],
    [
      "source/title",
      { source: { ...entry.source, title: x(501) } },
      "källans titel får vara högst 500 tecken, men är 501",
    ],
    [
      "source/publisher",
      { source: { ...entry.source, publisher: x(201) } },
      "källans utgivare får vara högst 200 tecken, men är 201",
    ],
    [
      "source/url",
      { source: { ...entry.source, url: `https://example.se/${x(1990)}` } },
      "källans webbadress får vara högst 2 000 tecken, men är 2 009",
    ],
  ];

  it.each(cases)("%s too long: 400 naming the field, nothing written", async (path, change, message) => {
    const before = readFileSync(db);
    const body = await expectProblem(await app.request("/api/facts", json({ ...entry, ...change }, auth)), 400);
    expect(body.errors?.map((e) => [e.path, plain(e.message)])).toEqual([[path, message]]);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it("at the limits the fact is stored", async () => {
    const res = await app.request(
      "/api/facts",
      json(
        { ...entry, value: x(2000), note: x(1000), source: { ...entry.source, title: x(500), publisher: x(200) } },
        auth,
      ),
    );
    expect(res.status, await res.clone().text()).toBe(201);
  });
});

describe("POST /api/facts/import", () => {
  const form = (content: string, fields: Record<string, string>) => {
    const fd = new FormData();
    fd.append("file", new File([content], "namn.csv"));
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    return fd;
  };
  const source = { key: "prostitution_unit_name", sourceTitle: "Titel", publisher: "Utgivare", asOf: "2026" };

  it("a row with a too long value: 422 with its line, column and the limit; nothing written", async () => {
    const before = readFileSync(db);
    const p = await expectProblem(
      await app.request("/api/facts/import", {
        method: "POST",
        headers: auth,
        body: form(`Kommun;Värde\nLidingö;Mottagningen\nSolna;${x(2001)}\n`, source),
      }),
      422,
    );
    expect(plain(p.errors?.[0]?.message)).toBe(
      'rad 3, kolumn "Värde": värdet får vara högst 2 000 tecken, men är 2 001.',
    );
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it("a too long source title or publisher: 400 naming the field", async () => {
    const title = await expectProblem(
      await app.request("/api/facts/import", {
        method: "POST",
        headers: auth,
        body: form("Kommun;Värde\nSolna;Mottagningen\n", { ...source, sourceTitle: x(501) }),
      }),
      400,
    );
    expect(title.errors?.map((e) => [e.path, e.message])).toEqual([
      ["sourceTitle", "källans titel får vara högst 500 tecken, men är 501"],
    ]);
    const publisher = await expectProblem(
      await app.request("/api/facts/import", {
        method: "POST",
        headers: auth,
        body: form("Kommun;Värde\nSolna;Mottagningen\n", { ...source, publisher: x(201) }),
      }),
      400,
    );
    expect(publisher.errors?.map((e) => [e.path, e.message])).toEqual([
      ["publisher", "källans utgivare får vara högst 200 tecken, men är 201"],
    ]);
  });
});

describe("other requests", () => {
  it("POST /api/drafts: a signer's name over 200 characters is named", async () => {
    const body = await expectProblem(
      await app.request("/api/drafts", json({ ...lidingoRequest, format: "md", authors: [{ name: x(201) }] })),
      400,
    );
    expect(body.errors?.map((e) => [e.path, e.message])).toEqual([
      ["authors/0/name", "undertecknarens namn får vara högst 200 tecken, men är 201"],
    ]);
  });

  it("POST /api/drafts: an input over its template's maxLength (300 for committee) is named with 422", async () => {
    const body = await expectProblem(
      await app.request("/api/drafts", json({ ...lidingoRequest, format: "md", inputs: { committee: x(301) } })),
      422,
    );
    // (The problem puts an invalid input at "committee", an unknown one at "inputs/komitte".)
    expect(body.errors?.map((e) => e.path)).toEqual([expect.stringMatching(/(^|\/)committee$/)]);
    expect(body.errors?.[0]?.message).toMatch(/300/);
  });

  it("POST /api/corpus/import: a title over 500 characters fails that file, naming the field", async () => {
    const fd = new FormData();
    fd.append(
      "files",
      new File(["Motion om KAST\n\natt kommunen tecknar avtal med KAST\n\nAnna Andersson (L)\n"], "motion.txt"),
    );
    fd.append("set", `title=${x(501)}`);
    const body = await expectProblem(
      await app.request("/api/corpus/import", { method: "POST", headers: auth, body: fd }),
      422,
    );
    expect(body.results).toEqual([
      { file: "motion.txt", ok: false, error: expect.stringContaining("titeln får vara högst 500 tecken, men är 501") },
    ]);
  });
});

describe("the OpenAPI document states the limits", () => {
  type Schema = {
    maxLength?: number;
    properties?: Record<string, Schema>;
    items?: Schema;
    $ref?: string;
    allOf?: Schema[];
  };
  let schemas: Record<string, Schema>;
  beforeAll(async () => {
    schemas = (
      (await (await app.request("/api/openapi.json")).json()) as { components: { schemas: Record<string, Schema> } }
    ).components.schemas;
  });
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(schemas[s.$ref.split("/").pop()!]!) : s);
  const prop = (s: Schema, ...path: string[]): Schema =>
    path.reduce((at, p) => resolve(resolve(at).properties![p]!), s);

  it("FactEntry: value 2 000, note 1 000, source title 500, publisher 200, url 2 000", () => {
    const e = schemas.FactEntry!;
    expect(
      [
        prop(e, "value"),
        prop(e, "note"),
        prop(e, "source", "title"),
        prop(e, "source", "publisher"),
        prop(e, "source", "url"),
      ].map((s) => s.maxLength),
    ).toEqual([2000, 1000, 500, 200, 2000]);
  });

  it("FactImportUpload: source title 500, publisher 200, url 2 000", () => {
    const u = schemas.FactImportUpload!;
    expect([prop(u, "sourceTitle"), prop(u, "publisher"), prop(u, "url")].map((s) => s.maxLength)).toEqual([
      500, 200, 2000,
    ]);
  });

  it("Fact and CorpusDocument as served carry the same limits", () => {
    expect(prop(schemas.Fact!, "note").maxLength).toBe(1000);
    const d = schemas.CorpusDocument!;
    expect(
      [
        prop(d, "title"),
        prop(d, "summary"),
        prop(d, "addressee"),
        prop(d, "outlet"),
        resolve(prop(d, "proposals").items!),
        prop(d, "source", "publisher"),
      ].map((s) => s.maxLength),
    ).toEqual([500, 5000, 300, 200, 2000, 2000]);
  });
});
