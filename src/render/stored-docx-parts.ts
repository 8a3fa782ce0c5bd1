/**
 * The DOCX parts that are the same for every Motionera document (docx-package.ts), as the build's representative
 * draft made them (`npm run build`, src/cli/build-code-cache.ts): saved deflated with the build's id, so that a
 * command of the same build writes its one document without formatting and deflating them again (one `motionera
 * draft` → DOCX took 4 ms less, 112 → 108 ms; README, "Speed"). A file of another build, or none, and the parts are
 * made as before. The file is checked with zod like any file read; test/render/stored-docx-parts.test.ts holds a
 * built draft's parts to those the docx package writes itself.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "../domain/zod.js";
import { readJsonFile } from "../files/read-json-file.js";
import { replaceFileSync } from "../files/replace-file.js";
import { projectRoot } from "../project-paths.js";

/** One file of the zip, deflated. */
export interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  data: Uint8Array;
}

export const storedPartsFile = join(projectRoot, "dist", "docx", "shared-parts.json");

const fileSchema = z.object({
  build: z.string().min(1),
  parts: z.array(
    z.object({
      path: z.string().min(1),
      crc: z.number().int().nonnegative(),
      size: z.number().int().nonnegative(),
      deflated: z.base64(),
    }),
  ),
});

/** The parts `build` saved in `file`, by path, when it holds every one of `paths`; else undefined. */
export function readStoredParts(file: string, build: string, paths: readonly string[]): Map<string, Entry> | undefined {
  const stored = readJsonFile(file, fileSchema);
  if (stored?.build !== build) return undefined;
  const parts = new Map(
    stored.parts.map((p) => [
      p.path,
      { name: Buffer.from(p.path, "utf8"), crc: p.crc, size: p.size, data: Buffer.from(p.deflated, "base64") },
    ]),
  );
  return paths.every((path) => parts.has(path)) ? parts : undefined;
}

/** Saves the parts for `build` (whole or not at all, replace-file.ts). */
export function saveStoredParts(file: string, build: string, parts: ReadonlyMap<string, Entry>): void {
  const json = {
    build,
    parts: [...parts].map(([path, e]) => ({
      path,
      crc: e.crc,
      size: e.size,
      deflated: Buffer.from(e.data).toString("base64"),
    })),
  };
  mkdirSync(dirname(file), { recursive: true });
  replaceFileSync(file, JSON.stringify(json));
}
