/** POST /api/drafts: every format, by body and by Accept, and every kind of bad request. */
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem, json, lidingoRequest, makeApp, paths } from "./helpers.js";

let app: Awaited<ReturnType<typeof makeApp>>["app"];
beforeAll(async () => {
  ({ app } = await makeApp());
});

const request = lidingoRequest;
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const post = (body: unknown, headers: Record<string, string> = {}) => app.request("/api/drafts", json(body, headers));

function warningsOf(res: Response): string[] {
  const h = res.headers.get("x-motionera-warnings");
  expect(h).not.toBeNull();
  expect(h).toMatch(/^[\x21-\x7e]*$/);
  const list = JSON.parse(decodeURIComponent(h!)) as unknown;
  expect(Array.isArray(list)).toBe(true);
  return list as string[];
}

describe("POST /api/drafts", () => {
  it("writes DOCX (a zip whose document names the municipality) as an attachment", async () => {
    const res = await post({ ...request, format: "docx" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(docx);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="2026-11-24-lidingo-motion-kast-avtal\.docx"; filename\*=UTF-8''/,
    );
    warningsOf(res);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(strFromU8(bytes.slice(0, 2))).toBe("PK");
    const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"]!);
    expect(xml).toContain("Lidingö");
  });

  it("writes PDF", async () => {
    const res = await post({ ...request, format: "pdf" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain(".pdf");
    expect(strFromU8(new Uint8Array(await res.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("writes HTML (a page), an HTML fragment and Markdown", async () => {
    const html = await post({ ...request, format: "html" });
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-disposition")).toBeNull();
    const page = await html.text();
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain("Lidingö");

    const frag = await post({ ...request, format: "html-fragment" });
    expect(frag.status).toBe(200);
    expect(frag.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const article = (await frag.text()).trim();
    expect(article).toMatch(/^<article[\s>]/);
    expect(article).not.toMatch(/<html|<head/i);

    const md = await post({ ...request, format: "md" });
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.headers.get("content-disposition")).toContain(".md");
    expect(await md.text()).toMatch(/^# /m);
  });

  it("chooses by Accept when there is no format: JSON, DOCX, Markdown; DOCX for */*", async () => {
    const j = await post(request, { Accept: "application/json" });
    expect(j.status).toBe(200);
    expect(j.headers.get("content-type")).toMatch(/^application\/json/);
    expect(j.headers.get("vary")).toContain("Accept");
    const out = (await j.json()) as {
      draft: { meta: { municipality: { name: string }; title: string }; blocks: unknown[]; citations: unknown[] };
      warnings: { code: string; message: string }[];
    };
    expect(out.draft.meta.municipality.name).toBe("Lidingö");
    expect(out.draft.blocks.length).toBeGreaterThan(0);
    expect(Array.isArray(out.warnings)).toBe(true);
    for (const w of out.warnings) expect(typeof w.message).toBe("string");

    expect((await post(request, { Accept: docx })).headers.get("content-type")).toBe(docx);
    expect(
      (await post(request, { Accept: "text/markdown, application/json;q=0.5" })).headers.get("content-type"),
    ).toMatch(/^text\/markdown/);
    expect((await post(request, { Accept: "application/json;q=0.4, text/html" })).headers.get("content-type")).toMatch(
      /^text\/html/,
    );
    expect((await post(request, { Accept: "*/*" })).headers.get("content-type")).toBe(docx);
    await expectProblem(await post(request, { Accept: "image/png" }), 406);
  });

  it("answers an unknown municipality with 422 at municipality", async () => {
    const body = await expectProblem(await post({ ...request, municipality: "Lidingoo" }), 422);
    expect(paths(body)).toEqual(["municipality"]);
    expect(body.suggestions).toContain("Lidingö");
  });

  it("answers an unknown template with 404 at template", async () => {
    expect(paths(await expectProblem(await post({ ...request, template: "kast" }), 404))).toEqual(["template"]);
  });

  it("answers invalid fields with 400 and their paths", async () => {
    expect(paths(await expectProblem(await post({ ...request, authors: [{ name: "" }] }), 400))).toEqual([
      "authors/0/name",
    ]);
    expect(paths(await expectProblem(await post({ ...request, authors: [] }), 400))).toEqual(["authors"]);
    expect(paths(await expectProblem(await post({ ...request, date: "2026-02-30", format: "docx2" }), 400))).toEqual(
      expect.arrayContaining(["date", "format"]),
    );
    expect(paths(await expectProblem(await post({ municipality: "Lidingö" }), 400))).toEqual(
      expect.arrayContaining(["template", "authors"]),
    );
  });

  it("answers an unknown input with 422 at inputs/<name>", async () => {
    const body = await expectProblem(await post({ ...request, inputs: { komitte: "x" } }), 422);
    expect(paths(body)).toEqual(["inputs/komitte"]);
  });

  it("answers malformed JSON, a wrong content type and a 2 MB body with problems", async () => {
    const bad = await expectProblem(
      await app.request("/api/drafts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"template": ',
      }),
      400,
    );
    expect(bad.title).toBe("Ogiltig JSON");
    await expectProblem(
      await app.request("/api/drafts", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify(request),
      }),
      415,
    );
    const big = JSON.stringify({ ...request, inputs: { background: "x".repeat(2 * 1024 * 1024) } });
    const tooLarge = await expectProblem(
      await app.request("/api/drafts", { method: "POST", headers: { "content-type": "application/json" }, body: big }),
      413,
    );
    expect(tooLarge.title).toBe("För stor begäran");
    const withLength = await app.request("/api/drafts", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(big.length) },
      body: big,
    });
    await expectProblem(withLength, 413);
  });

  it("takes an edited text (from the JSON's editable) and refuses an invented note mark with its line", async () => {
    const first = (await (await post({ ...request, format: "json" })).json()) as {
      editable: { markdown: string; notes: string[]; edited: boolean };
    };
    expect(first.editable.edited).toBe(false);
    expect(first.editable.markdown).toContain("[^1]");
    const sentence = "Det här borde inte vara en fråga som delar partierna.";
    expect(first.editable.markdown).toContain(sentence);
    const editedFrom = { template: "kast-avtal", municipality: "Lidingö", notes: first.editable.notes };
    const editedMarkdown = first.editable.markdown.replace(sentence, "Frågan har väntat länge nog.");
    const md = await post({ ...request, format: "md", editedMarkdown, editedFrom });
    expect(md.status).toBe(200);
    const text = await md.text();
    expect(text).toContain("Frågan har väntat länge nog.");
    expect(text).not.toContain(sentence);
    expect(text).toMatch(/^\[\^1\]: /m);

    const bad = await post({
      ...request,
      format: "md",
      editedMarkdown: `${editedMarkdown}\nOch påhittat.[^99]`,
      editedFrom,
    });
    const problem = await expectProblem(bad, 422);
    expect(JSON.stringify(problem)).toContain("noten [^99] finns inte i utkastet");
    expect(JSON.stringify(problem)).toMatch(/rad \d+/);
  });
});
