/**
 * Every shipped template, for every municipality, with one signer and with two: the Markdown it composes is read
 * without marked (src/compose/plain-markdown.ts), into the Draft blocks marked's tokens give. The texts are taken as
 * composing passes them to markdownToBlocks (this file mocks that module: it runs in a module cache of its own).
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { markedTokens, tokensToBlocks } from "../../src/compose/markdown-to-draft.js";
import { plainTokens } from "../../src/compose/plain-markdown.js";
import { allMunicipalities } from "../../src/data/places.js";
import type { Signer } from "../../src/domain/signer.js";
import { Workspace } from "../../src/workspace.js";
import { requiredInputs } from "../helpers/template-inputs.js";

const composed: { markdown: string; placeholders: readonly string[] }[] = [];
vi.mock("../../src/compose/markdown-to-draft.js", async (original) => {
  const real = (await original()) as typeof import("../../src/compose/markdown-to-draft.js");
  return {
    ...real,
    markdownToBlocks: (markdown: string, placeholders: readonly string[] = []) => {
      composed.push({ markdown, placeholders });
      return real.markdownToBlocks(markdown, placeholders);
    },
  };
});

const today = "2026-12-02";
const signerSets: Signer[][] = [
  [{ name: "Eva Ek", party: "S", role: "ledamot i kommunfullmäktige" }],
  [
    { name: "Eva Ek", party: "S" },
    { name: "Per Berg", party: "V", role: "gruppledare" },
  ],
];

describe("the shipped templates' Markdown", () => {
  let templates: string[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-plain-"));
    const db = join(dir, "motionera.json");
    copyFileSync(fileURLToPath(new URL("../../corpus/motionera.json", import.meta.url)), db);
    const ws = await Workspace.open({ db, today });
    const library = await ws.templates();
    templates = library.all().map((t) => t.frontMatter.id);
    for (const template of library.all())
      for (const place of allMunicipalities())
        for (const authors of signerSets)
          await ws.compose({
            template: template.frontMatter.id,
            municipality: place.name,
            authors,
            inputs: requiredInputs(template.frontMatter.inputs ?? [], today),
            date: today,
            arguments: [],
            strict: false,
          });
  }, 120_000);

  it("is read without marked, into marked's blocks, for every municipality", () => {
    expect(templates.length).toBeGreaterThanOrEqual(12);
    expect(composed.length).toBe(templates.length * allMunicipalities().length * signerSets.length);
    const unread = composed.filter((c) => plainTokens(c.markdown) === undefined);
    expect(unread.map((c) => c.markdown.slice(0, 200))).toEqual([]);
    for (const { markdown, placeholders } of composed)
      expect(tokensToBlocks(plainTokens(markdown)!, placeholders)).toEqual(
        tokensToBlocks(markedTokens(markdown), placeholders),
      );
  });
});
