/**
 * A build step (`npm run build`, after the templates are compiled and before the code caches): writes PDFs of
 * drafts of the shipped templates in this process and saves the shapes of their words in dist/fonts/word-shapes.json
 * (src/render/word-shapes.ts), so a process's first PDF need not shape them:
 * - every shipped template for each municipality the shipped database has facts about;
 * - one motion template for every municipality, for the names.
 * It also notes which faces may be shaped without their mark features (pdf-fonts.ts, `marksMoveOnlyMarkClass`).
 * A template's inputs get sample values of their type (`sampleInputs`), so the shapes are of the template's own
 * text and the facts; a draft that still cannot be made is left out. The drafts use a copy of the shipped database
 * and the shipped templates, whatever the environment names; the signer is a placeholder name, not one of the
 * benchmark's. The PDFs are not kept.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { municipalities } from "../data/municipalities.js";
import type { TemplateInput } from "../domain/template.js";
import { projectRoot } from "../project-paths.js";
import { renderDraft } from "../render/index.js";
import { facesShaper, facesWithSafeMarks, shapedWords } from "../render/pdf-fonts.js";
import { wordShapesFile, wordShapesText } from "../render/word-shapes.js";
import { Workspace } from "../workspace.js";

const signer = { name: "Förnamn Efternamn" };

/** A value of each input's type: its default, a choice's first option, a number in range, a date, a word. */
function sampleInputs(inputs: readonly TemplateInput[]): Record<string, string | number | boolean> {
  const sample = (input: TemplateInput): string | number | boolean => {
    if (input.default !== undefined) return input.default;
    switch (input.type) {
      case "number":
        return input.min ?? 1;
      case "boolean":
        return true;
      case "date":
        return "2024-03-01";
      case "choice":
        return input.options[0]!;
      default:
        return "Exempel";
    }
  };
  return Object.fromEntries(inputs.map((input) => [input.name, sample(input)]));
}

export async function buildWordShapes(): Promise<{ drafts: number; words: number }> {
  rmSync(wordShapesFile, { force: true });
  const dir = mkdtempSync(join(tmpdir(), "motionera-word-shapes-"));
  try {
    const db = join(dir, "motionera.json");
    copyFileSync(join(projectRoot, "corpus", "motionera.json"), db);
    const ws = await Workspace.open({ db, templatesDir: join(projectRoot, "templates") });
    const library = await ws.templates();
    const templates = library.ids().sort();
    const withFacts = new Set((await ws.store.facts()).map((f) => f.subject));
    const places = municipalities.filter((m) => withFacts.has(m.code)).map((m) => m.name);
    const motion = templates.find((t) => library.entry(t)?.kind === "motion") ?? templates[0];
    const requests = [
      ...templates.flatMap((template) => places.map((municipality) => ({ template, municipality }))),
      ...(motion ? municipalities.map((m) => ({ template: motion, municipality: m.name })) : []),
    ];
    let drafts = 0;
    for (const { template, municipality } of requests) {
      const inputs = sampleInputs(library.get(template).frontMatter.inputs);
      const request = { template, municipality, authors: [signer], inputs, arguments: [] };
      const composed = await ws.compose(request).catch(() => null);
      if (!composed) continue;
      await renderDraft(composed.draft, "pdf");
      drafts++;
    }
    const faces = shapedWords();
    const text = wordShapesText(faces, facesShaper(), facesWithSafeMarks());
    mkdirSync(dirname(wordShapesFile), { recursive: true });
    writeFileSync(wordShapesFile, text);
    return { drafts, words: [...faces.values()].reduce((n, f) => n + f.size, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { drafts, words } = await buildWordShapes();
  process.stdout.write(`Word shapes written: ${words} words from ${drafts} drafts (dist/fonts/word-shapes.json)\n`);
}
