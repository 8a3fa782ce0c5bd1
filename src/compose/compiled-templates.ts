/**
 * Templates compiled ahead of time, so a command that drafts one document neither parses YAML
 * nor runs the Handlebars compiler: together the two are a tenth of a `motionera draft` process
 * (bench/draft-pipeline.ts, "one command"). `npm run build` compiles every template in the
 * shipped templates/ folder (see precompile-templates.ts) into dist/templates/, one JSON file per
 * template, named by a hash of the template's text and of how this build compiles (Handlebars'
 * version, the helpers, the options). A template whose text is not one of those (a user's own,
 * an edited one, any template under vitest before a build) is compiled as before; so is one
 * whose file is missing or unreadable. A file found is checked with zod like any file read.
 */
import { createHash } from "node:crypto";

import { join } from "node:path";
import { z } from "../domain/zod.js";
import { readJsonFile } from "../files/read-json-file.js";
import { projectRoot } from "../project-paths.js";

export const compiledTemplatesDir = join(projectRoot, "dist", "templates");

/** What a compiled template holds: the front matter as YAML gave it (before zod), the body, Handlebars' spec. */
export const compiledTemplateSchema = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  frontMatter: z.unknown(),
  body: z.string(),
  bodyLine: z.number().int().positive(),
  spec: z.string().min(1),
});
export type CompiledTemplate = z.infer<typeof compiledTemplateSchema>;

/** The file name of a template's text compiled by `compiler` (a string naming the compiler and its options). */
export function compiledKey(text: string, compiler: string): string {
  return createHash("sha256").update(compiler).update("\0").update(text).digest("hex");
}

export const compiledFile = (key: string, dir = compiledTemplatesDir): string => join(dir, `${key}.json`);

/** The compiled template stored under this key, if the build made one; else undefined (the caller compiles). */
export function findCompiled(key: string, dir = compiledTemplatesDir): CompiledTemplate | undefined {
  const compiled = readJsonFile(compiledFile(key, dir), compiledTemplateSchema);
  return compiled?.key === key ? compiled : undefined;
}
