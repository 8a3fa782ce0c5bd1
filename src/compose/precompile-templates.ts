/**
 * The build's last step (`npm run build`): every template in a templates folder checked and
 * compiled ahead of time into one JSON file each (see compiled-templates.ts). A template that
 * does not pass its checks is left out, so it is compiled, and refused with its located
 * problem, when a command asks for it. Run as a script, it compiles the shipped templates/
 * into dist/templates/.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMotioneraError } from "../domain/errors.js";
import { explainError } from "../messages.sv.js";
import { defaultTemplatesDir } from "../project-paths.js";
import { compiledFile, compiledTemplatesDir } from "./compiled-templates.js";
import { precompileTemplate, TemplateLibrary } from "./template-library.js";
import { replaceFileSync } from "../files/replace-file.js";

/**
 * Compiles every `<kind>/<id>.hbs` under `templatesDir` into `outDir` (emptied first); gives the files written and
 * those left out.
 */
export function precompileTemplates(
  templatesDir: string,
  outDir: string,
): { written: string[]; leftOut: { file: string; problem: string }[] } {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const leftOut: { file: string; problem: string }[] = [];
  const refused = (e: unknown, file: string) => {
    if (!isMotioneraError(e)) throw e;
    leftOut.push({ file, problem: explainError(e.details) });
  };
  let library: TemplateLibrary;
  try {
    library = TemplateLibrary.load(templatesDir);
  } catch (e) {
    // A folder the library refuses (a duplicate id, a folder that is no kind) is refused again, by name, when used.
    refused(e, templatesDir);
    return { written, leftOut };
  }
  for (const id of library.ids()) {
    const { path, file } = library.entry(id)!;
    try {
      const compiled = precompileTemplate(file, readFileSync(path, "utf8"));
      replaceFileSync(compiledFile(compiled.key, outDir), JSON.stringify(compiled));
      written.push(file);
    } catch (e) {
      refused(e, file);
    }
  }
  return { written, leftOut };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { written, leftOut } = precompileTemplates(defaultTemplatesDir, compiledTemplatesDir);
  process.stdout.write(`Templates compiled ahead of time: ${written.length}\n`);
  for (const t of leftOut) process.stdout.write(`  left out (compiled when used): ${t.file}: ${t.problem}\n`);
}
