/**
 * Templates compiled ahead of time by the build (compiled-templates.ts, precompile-templates.ts):
 * every shipped template is compiled; one read back from its compiled file drafts exactly what
 * the same template compiled from its text drafts; a file that is damaged, or made for another
 * text, is passed over; the names a catalog has dropped since the build are still refused.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compiledTemplateSchema } from "../../src/compose/compiled-templates.js";
import { composeDraft } from "../../src/compose/compose.js";
import { precompileTemplates } from "../../src/compose/precompile-templates.js";
import {
  compiledTemplateKey,
  parseTemplate,
  TemplateLibrary,
  type Template,
} from "../../src/compose/template-library.js";
import { useFactCatalog } from "../../src/facts/catalog.js";
import { FactCatalog, shippedFactKeys } from "../../src/facts/fact-catalog.js";
import { addFactKey } from "../../src/facts/fact-key-changes.js";
import type { FactRegistry } from "../../src/facts/registry.js";
import { defaultTemplatesDir } from "../../src/project-paths.js";
import { Workspace } from "../../src/workspace.js";
import { refusalOf } from "../helpers/refusal.js";
import { requiredInputs } from "../helpers/template-inputs.js";
import { tempDir } from "../render/helpers.js";
import { snowCostKey as snow } from "../helpers/facts.js";

const corpus = fileURLToPath(new URL("../../corpus/motionera.json", import.meta.url));
const date = "2026-12-02";

function shippedTemplateFiles(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const kind of readdirSync(defaultTemplatesDir)) {
    for (const name of readdirSync(join(defaultTemplatesDir, kind))) {
      if (!name.endsWith(".hbs")) continue;
      const path = join(defaultTemplatesDir, kind, name);
      out.push({ file: relative(join(defaultTemplatesDir, ".."), path), text: readFileSync(path, "utf8") });
    }
  }
  return out;
}

describe("templates compiled ahead of time", () => {
  const tmp = tempDir("motionera-compiled-");
  const compiledDir = join(tmp.dir, "compiled");
  const shipped = shippedTemplateFiles();
  let facts: FactRegistry;

  beforeAll(async () => {
    const db = join(tmp.dir, "motionera.json");
    copyFileSync(corpus, db);
    facts = await (await Workspace.open({ db, today: date })).facts();
  });
  afterAll(() => tmp.cleanup());

  it("the build compiles every shipped template, one file each", () => {
    const { written, leftOut } = precompileTemplates(defaultTemplatesDir, compiledDir);
    expect(leftOut).toEqual([]);
    expect(written.sort()).toEqual(shipped.map((t) => t.file).sort());
    const files = readdirSync(compiledDir);
    expect(files).toHaveLength(shipped.length);
    for (const f of files) {
      const entry = compiledTemplateSchema.parse(JSON.parse(readFileSync(join(compiledDir, f), "utf8")));
      expect(`${entry.key}.json`).toBe(f);
    }
  });

  it("the built program carries every shipped template compiled (npm run build)", () => {
    const built = join(defaultTemplatesDir, "..", "dist", "templates");
    for (const { file, text } of shipped) {
      const path = join(built, `${compiledTemplateKey(text)}.json`);
      expect(existsSync(path), `${file} compiled as ${path}`).toBe(true);
    }
  });

  it("a compiled template drafts exactly what the same template compiled from its text drafts", () => {
    const fromText: Template[] = [];
    const fromBuild: Template[] = [];
    for (const { file, text } of shipped) {
      const fresh = parseTemplate(file, text, { compiledDir: undefined });
      const built = parseTemplate(file, text, { compiledDir });
      expect(built.frontMatter).toEqual(fresh.frontMatter);
      expect([built.body, built.bodyLine]).toEqual([fresh.body, fresh.bodyLine]);
      fromText.push(fresh);
      fromBuild.push(built);
    }
    const libraries = [new TemplateLibrary(fromText), new TemplateLibrary(fromBuild)] as const;
    let drafts = 0;
    for (const template of fromText) {
      const inputs = requiredInputs(template.frontMatter.inputs, date);
      for (const municipality of ["Lidingö", "Pajala"]) {
        const authors = [{ name: "Anna Andersson", party: "L" }];
        const request = { template: template.frontMatter.id, municipality, authors, inputs, date } as never;
        const [a, b] = libraries.map((templates) => composeDraft(request, { templates, facts, today: date }));
        expect(b!.draft).toEqual(a!.draft);
        expect(b!.draft.blocks.length).toBeGreaterThan(0);
        drafts++;
      }
    }
    expect(drafts).toBe(shipped.length * 2);
  });

  it("reads the compiled file, not the text, when the build made one for this text", () => {
    const { file, text } = shipped[0]!;
    const path = join(compiledDir, `${compiledTemplateKey(text)}.json`);
    const original = readFileSync(path, "utf8");
    try {
      const entry = JSON.parse(original) as { body: string };
      writeFileSync(path, JSON.stringify({ ...entry, body: `${entry.body}\n<!-- ur byggets fil -->` }));
      expect(parseTemplate(file, text, { compiledDir }).body).toMatch(/ur byggets fil -->$/);
      expect(parseTemplate(file, text, { compiledDir: undefined }).body).not.toMatch(/ur byggets fil/);
    } finally {
      writeFileSync(path, original);
    }
  });

  it("a damaged or foreign compiled file is passed over and the template compiled from its text", () => {
    const [first, second] = shipped;
    const firstPath = join(compiledDir, `${compiledTemplateKey(first!.text)}.json`);
    const original = readFileSync(firstPath, "utf8");
    try {
      writeFileSync(firstPath, "{ not json");
      expect(parseTemplate(first!.file, first!.text, { compiledDir }).body).toBe(
        parseTemplate(first!.file, first!.text, { compiledDir: undefined }).body,
      );
      // Another template's compiled file under this text's name: its key does not match, so it is not used.
      writeFileSync(firstPath, readFileSync(join(compiledDir, `${compiledTemplateKey(second!.text)}.json`)));
      const t = parseTemplate(first!.file, first!.text, { compiledDir });
      expect(t.frontMatter.id).toBe(parseTemplate(first!.file, first!.text, { compiledDir: undefined }).frontMatter.id);
    } finally {
      writeFileSync(firstPath, original);
    }
  });

  it("a fact key the catalog no longer has is refused, compiled or not", async () => {
    const text = "---\nid: x\nkind: motion\ntitle: X\ndescription: X.\nfacts:\n  - key: snow_cost\n---\n# T\n";
    const templates = join(tmp.dir, "templates");
    const own = join(tmp.dir, "own-compiled");
    writeTemplate(templates, "motion/x.hbs", text);
    const before = useFactCatalog(new FactCatalog(addFactKey(shippedFactKeys, snow).keys));
    try {
      expect(precompileTemplates(templates, own).written).toEqual(["templates/motion/x.hbs"]);
      expect(parseTemplate("templates/motion/x.hbs", text, { compiledDir: own }).frontMatter.id).toBe("x");
    } finally {
      useFactCatalog(before);
    }
    const refusal = await refusalOf(
      (async () => parseTemplate("templates/motion/x.hbs", text, { compiledDir: own }))(),
    );
    expect(refusal).toMatchObject({ code: "template_invalid", file: "templates/motion/x.hbs", line: 7 });
    expect(String((refusal as { problem?: string }).problem)).toMatch(/okänd faktanyckel "snow_cost"/);
  });

  it("a template that fails its checks is left out of the build, with its problem", () => {
    const templates = join(tmp.dir, "broken-templates");
    writeTemplate(
      templates,
      "motion/trasig.hbs",
      "---\nid: trasig\nkind: motion\ntitle: X\ndescription: X.\n---\n{{#if x}}\n",
    );
    const { written, leftOut } = precompileTemplates(templates, join(tmp.dir, "broken-compiled"));
    expect(written).toEqual([]);
    expect(leftOut).toEqual([{ file: "broken-templates/motion/trasig.hbs", problem: expect.stringMatching(/if/) }]);
  });
});

function writeTemplate(root: string, file: string, text: string): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
