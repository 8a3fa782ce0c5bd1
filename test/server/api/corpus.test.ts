/** Corpus search, one record, export and import of uploaded files. */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultIndexPath, readIndexHeader } from "../../../src/corpus/search/index.js";
import { auth, expectProblem, makeApp, paths } from "./helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
let workspace: Awaited<ReturnType<typeof makeApp>>["workspace"];
beforeAll(async () => {
  ({ app, workspace } = await makeApp());
});

type Facet = { value: string; label: string; count: number };
type Result = {
  query: string;
  total: number;
  hits: { id: string; kind: string; parties: string[]; snippet: { text: string; marks: [number, number][] } }[];
  facets: Record<string, Facet[]>;
};

describe("GET /api/corpus/search", () => {
  it("finds documents by words, with facet counts over all matches", async () => {
    const res = await app.request(`/api/corpus/search?q=${encodeURIComponent("sexköp")}`);
    expect(res.status).toBe(200);
    const r = (await res.json()) as Result;
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.length).toBe(Math.min(r.total, 20));
    expect(Object.keys(r.facets).sort()).toEqual(["county", "kind", "municipality", "party", "topic", "year"]);
    const kinds = r.facets.kind!.reduce((n, f) => n + f.count, 0);
    expect(kinds).toBe(r.total);
    expect(r.hits[0]!.snippet.marks.length).toBeGreaterThan(0);
  });

  it("filters: repeated and comma-separated values, names and letters", async () => {
    const all = (await (await app.request("/api/corpus/search")).json()) as Result;
    expect(all.total).toBe(5);
    const deb = (await (await app.request("/api/corpus/search?kind=debattartikel")).json()) as Result;
    expect(deb.total).toBe(3);
    expect(deb.hits.every((h) => h.kind === "debattartikel")).toBe(true);
    const two = (await (await app.request("/api/corpus/search?party=v&party=s")).json()) as Result;
    const comma = (await (await app.request("/api/corpus/search?party=V,S")).json()) as Result;
    expect(two.total).toBe(3);
    expect(comma.hits.map((h) => h.id)).toEqual(two.hits.map((h) => h.id));
    const lid = (await (await app.request("/api/corpus/search?kommun=lidingo")).json()) as Result;
    expect(lid.hits.map((h) => h.id)).toEqual(["2023-02-21-lidingo-debattartikel-l"]);
    const ab = (await (await app.request("/api/corpus/search?lan=AB&from=2020&to=2024")).json()) as Result;
    expect(ab.total).toBe(1);
    const years = (await (await app.request("/api/corpus/search?from=2020&to=2023")).json()) as Result;
    expect(years.total).toBe(3);
    const paged = (await (await app.request("/api/corpus/search?limit=2&offset=1")).json()) as Result;
    expect(paged.total).toBe(5);
    expect(paged.hits.map((h) => h.id)).toEqual(all.hits.slice(1, 3).map((h) => h.id));
  });

  it("answers bad filters with a problem at the parameter", async () => {
    expect(paths(await expectProblem(await app.request("/api/corpus/search?kind=roman"), 422))).toEqual(["kind"]);
    const k = await expectProblem(await app.request("/api/corpus/search?kommun=Lidingoo"), 422);
    expect(paths(k)).toEqual(["kommun"]);
    expect(k.suggestions).toContain("Lidingö");
    expect(paths(await expectProblem(await app.request("/api/corpus/search?lan=Atlantis"), 422))).toEqual(["lan"]);
    expect(paths(await expectProblem(await app.request("/api/corpus/search?topic=rymden"), 422))).toEqual(["topic"]);
    expect(paths(await expectProblem(await app.request("/api/corpus/search?from=tjugo"), 400))).toEqual(["from"]);
    expect(paths(await expectProblem(await app.request("/api/corpus/search?limit=5000"), 400))).toEqual(["limit"]);
  });
});

describe("GET /api/corpus/{id}", () => {
  it("gives the record", async () => {
    const res = await app.request("/api/corpus/2018-umea-debattartikel-s");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { id: string; municipality: { name: string }; source: { title: string } };
    expect(doc.id).toBe("2018-umea-debattartikel-s");
    expect(doc.municipality.name).toBe("Umeå");
  });

  it("answers an unknown id with 404 and the nearest ids", async () => {
    const body = await expectProblem(await app.request("/api/corpus/2018-umea-debattartikel"), 404);
    expect(body.suggestions).toContain("2018-umea-debattartikel-s");
  });
});

describe("GET /api/corpus/export", () => {
  it("exports CSV with a BOM, one row per record, as an attachment", async () => {
    const res = await app.request("/api/corpus/export?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="motionera-korpus\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const rows = parse(new TextDecoder().decode(bytes), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveProperty("source_title");
  });

  it("exports JSON and JSON Lines, filtered by q and filters", async () => {
    const j = await app.request("/api/corpus/export?format=json&kind=debattartikel");
    expect(j.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(j.headers.get("content-disposition")).toContain("motionera-korpus.json");
    const docs = (await j.json()) as { id: string; kind: string }[];
    expect(docs).toHaveLength(3);
    expect(docs.every((d) => d.kind === "debattartikel")).toBe(true);

    const l = await app.request(`/api/corpus/export?format=jsonl&q=${encodeURIComponent("Lidingö")}&party=L`);
    expect(l.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const lines = (await l.text()).trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.map((x) => (JSON.parse(x) as { id: string }).id)).toContain("2023-02-21-lidingo-debattartikel-l");
    expect(l.headers.get("x-motionera-count")).toBe(String(lines.length));
  });

  it("answers a bad format with 400", async () => {
    expect(paths(await expectProblem(await app.request("/api/corpus/export?format=xml"), 400))).toEqual(["format"]);
  });
});

describe("POST /api/corpus/import", () => {
  const motion = `Motion om KAST i Lidingö

Lidingö stad bör teckna avtal med Mikamottagningen och KAST för att ge stöd till personer som köper sex.

Vi föreslår kommunfullmäktige

att kommunen tecknar avtal med KAST

Anna Andersson (L)
Lidingö 2024-03-01
`;
  const form = (files: [string, string | Uint8Array][], fields: Record<string, string | string[]> = {}) => {
    const fd = new FormData();
    for (const [name, content] of files) fd.append("files", new File([content], name));
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
    return fd;
  };

  it("needs a token", async () => {
    await expectProblem(
      await app.request("/api/corpus/import", { method: "POST", body: form([["a.txt", motion]]) }),
      401,
    );
    const { app: ro } = await makeApp({});
    await expectProblem(
      await ro.request("/api/corpus/import", { method: "POST", headers: auth, body: form([["a.txt", motion]]) }),
      403,
    );
  });

  it("imports a good file and reports the failures per file (207)", async () => {
    const res = await app.request("/api/corpus/import", {
      method: "POST",
      headers: auth,
      body: form(
        [
          ["../../etc/motion.txt", motion],
          ["tom.txt", ""],
          ["bild.png", "x"],
        ],
        { set: ["kind=motion", "kommun=Lidingö"] },
      ),
    });
    expect(res.status).toBe(207);
    const out = (await res.json()) as {
      dryRun: boolean;
      results: (
        | {
            file: string;
            ok: true;
            action: string;
            record: { id: string; kind: string; municipality: { name: string }; imported: { file: string } };
          }
        | { file: string; ok: false; error: string }
      )[];
    };
    expect(out.dryRun).toBe(false);
    expect(out.results.map((r) => [r.file, r.ok])).toEqual([
      ["motion.txt", true],
      ["tom.txt", false],
      ["bild.png", false],
    ]);
    const ok = out.results[0]!;
    if (!ok.ok) throw new Error("expected success");
    expect(ok.action).toBe("added");
    expect(ok.record).toMatchObject({
      kind: "motion",
      municipality: { name: "Lidingö" },
      imported: { file: "motion.txt" },
    });
    const [, empty, png] = out.results;
    expect(empty!.ok ? "" : empty!.error).toContain("tom");
    expect(png!.ok ? "" : png!.error).toContain(".png");
    expect(JSON.stringify(out)).not.toMatch(/\/tmp\/|motionera-upload/);

    // The CLI's batched import: the index file beside the store was updated with the batch (of the store's revision
    // now), not left for a rebuild.
    const store = workspace.store;
    expect((await readIndexHeader(defaultIndexPath(store)!))?.revision).toBe(await store.revision());
    // Stored, searchable and readable at once.
    expect((await app.request(`/api/corpus/${ok.record.id}`)).status).toBe(200);
    const found = (await (await app.request("/api/corpus/search?kind=motion")).json()) as Result;
    expect(found.hits.map((h) => h.id)).toContain(ok.record.id);
  });

  it("does not store anything with dryRun", async () => {
    const res = await app.request("/api/corpus/import", {
      method: "POST",
      headers: auth,
      body: form([["ny.md", `${motion}\nEtt tillägg.`]], { dryRun: "true" }),
    });
    expect(res.status).toBe(200);
    const out = (await res.json()) as { dryRun: boolean; results: { ok: boolean; record: { id: string } }[] };
    expect(out.dryRun).toBe(true);
    expect((await app.request(`/api/corpus/${out.results[0]!.record.id}`)).status).toBe(404);
  });

  it("answers 422 with the per-file results when every file failed", async () => {
    const body = await expectProblem(
      await app.request("/api/corpus/import", { method: "POST", headers: auth, body: form([["tom.txt", ""]]) }),
      422,
    );
    expect(body.results).toEqual([{ file: "tom.txt", ok: false, error: expect.any(String) }]);
  });

  it("rejects a missing file, a bad set and a non-multipart body", async () => {
    const none = await expectProblem(
      await app.request("/api/corpus/import", { method: "POST", headers: auth, body: form([], { dryRun: "true" }) }),
      400,
    );
    expect(paths(none)).toContain("files");
    expect(
      paths(
        await expectProblem(
          await app.request("/api/corpus/import", {
            method: "POST",
            headers: auth,
            body: form([["a.txt", motion]], { set: "kind" }),
          }),
          400,
        ),
      ),
    ).toEqual(["set/0"]);
    expect(
      paths(
        await expectProblem(
          await app.request("/api/corpus/import", {
            method: "POST",
            headers: auth,
            body: form([["a.txt", motion]], { set: "colour=red" }),
          }),
          422,
        ),
      ),
    ).toEqual(["set"]);
    expect(
      paths(
        await expectProblem(
          await app.request("/api/corpus/import", {
            method: "POST",
            headers: auth,
            body: form([["a.txt", motion]], { set: "kind=roman" }),
          }),
          422,
        ),
      ),
    ).toEqual(["set"]);
    await expectProblem(
      await app.request("/api/corpus/import", {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: "{}",
      }),
      415,
    );
    const garbled = { ...auth, "content-type": "multipart/form-data; boundary=abc" };
    await expectProblem(
      await app.request("/api/corpus/import", { method: "POST", headers: garbled, body: "not a form" }),
      400,
    );
  });

  it("refuses a body over the import limit with 413", async () => {
    const { app: small } = await makeApp({ token: "t0ken", maxImportBytes: 1000 });
    const body = await expectProblem(
      await small.request("/api/corpus/import", {
        method: "POST",
        headers: auth,
        body: form([["big.txt", "x".repeat(5000)]]),
      }),
      413,
    );
    expect(body.title).toBe("För stor begäran");
  });
});
