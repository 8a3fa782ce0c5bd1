/**
 * The writer threads (src/render/render-pool.ts), on the built code in dist/ (the worker
 * script exists only there): the same documents as rendering in this thread, jobs spread over
 * the workers, a writer's error reaching its caller without breaking the pool.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Draft } from "../../src/domain/draft.js";
import { renderDocx } from "../../src/render/docx.js";
import type { RenderPool } from "../../src/render/render-pool.js";
import { sampleDraft } from "../fixtures/sample-draft.js";
import { repoRoot } from "../helpers/cli.js";

let pool: RenderPool;
beforeAll(async () => {
  const { startRenderPool } = (await import(
    join(repoRoot, "dist", "src", "render", "render-pool.js")
  )) as typeof import("../../src/render/render-pool.js");
  pool = startRenderPool({ size: 2, warm: ["docx", "pdf"] });
  await pool.ready();
});
afterAll(async () => pool?.close());

/** word/document.xml, with the random relationship ids the docx package gives hyperlinks made equal. */
const documentXml = (bytes: Uint8Array) =>
  strFromU8(unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"]!).replace(
    /r:id="rId[^"]*"/g,
    'r:id="rId"',
  );
const pdfText = (bytes: Uint8Array) => {
  const file = join(mkdtempSync(join(tmpdir(), "motionera-pool-")), "d.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
};

describe("render pool", () => {
  it("runs real threads", () => {
    expect(pool.size).toBe(2);
  });

  it("renders the same DOCX as this thread, and PDFs whose text survives (å ä ö –), many at once", async () => {
    const draft = sampleDraft;
    const here = documentXml(await renderDocx(draft));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => pool.render(draft, i % 2 === 0 ? "docx" : "pdf")),
    );
    for (const [i, r] of results.entries()) {
      expect(r).toBeInstanceOf(Uint8Array);
      if (i % 2 === 0) expect(documentXml(r as Uint8Array)).toBe(here);
      else {
        const text = pdfText(r as Uint8Array);
        expect(text).toMatch(/[åäö]/);
        expect(text).toContain("–");
      }
    }
    expect(await pool.render(draft, "md")).toContain(draft.meta.municipality.name);
  });

  it("passes a writer's error to its caller and keeps working", async () => {
    const broken = { ...sampleDraft, blocks: null } as unknown as Draft;
    await expect(pool.render(broken, "docx")).rejects.toThrow();
    const ok = await pool.render(sampleDraft, "docx");
    expect(documentXml(ok as Uint8Array).length).toBeGreaterThan(100);
  });

  it("replaces a writer thread that dies: its job fails, the next ones are answered", async () => {
    const { startRenderPool } = (await import(
      join(repoRoot, "dist", "src", "render", "render-pool.js")
    )) as typeof import("../../src/render/render-pool.js");
    const script = new URL("./crashing-worker.mjs", import.meta.url);
    const crashing = startRenderPool({ size: 1, script });
    try {
      await crashing.ready();
      expect(await crashing.render(sampleDraft, "docx")).toEqual(new Uint8Array([1, 2, 3]));
      const dying = { ...sampleDraft, meta: { ...sampleDraft.meta, title: "krascha" } };
      await expect(crashing.render(dying, "docx")).rejects.toThrow(/exit code 3/);
      // a new thread has taken its place
      expect(await crashing.render(sampleDraft, "pdf")).toEqual(new Uint8Array([1, 2, 3]));
    } finally {
      await crashing.close();
    }
  });
});
