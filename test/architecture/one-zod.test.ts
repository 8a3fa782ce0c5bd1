/**
 * Every schema is built from the one extended zod (src/domain/zod.ts): a schema made from
 * plain "zod" before the extension loads lacks `.openapi()` (this load order once broke
 * `serve`). No file but src/domain/zod.ts may import "zod" (or a "zod/…" subpath), nor take
 * `z` from "@hono/zod-openapi".
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const home = "src/domain/zod.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** The places a file imports zod past the one home: `"zod"`, `"zod/v4/…"`, or `z` from Hono's zod-openapi. */
export function directZodImports(text: string): string[] {
  const found: string[] = [];
  const statements = /\b(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/g;
  for (const m of text.matchAll(statements)) {
    const [whole, , clause = "", specifier = ""] = m;
    if (specifier === "zod" || specifier.startsWith("zod/")) found.push(whole);
    else if (specifier === "@hono/zod-openapi" && /[{,]\s*(type\s+)?z\s*[,}]/.test(clause)) found.push(whole);
  }
  for (const m of text.matchAll(/\b(?:import|require)\s*\(\s*["'](zod(?:\/[^"']*)?)["']\s*\)/g)) found.push(m[0]);
  for (const m of text.matchAll(/^\s*import\s+["'](zod(?:\/[^"']*)?)["']/gm)) found.push(m[0]);
  return found;
}

describe("one zod", () => {
  it("finds the imports it forbids (and lets others be)", () => {
    expect(directZodImports('import { z } from "zod";')).toHaveLength(1);
    expect(directZodImports('import type { ZodError } from "zod";')).toHaveLength(1);
    expect(directZodImports('import sv from "zod/v4/locales/sv.js";')).toHaveLength(1);
    expect(
      directZodImports('import {\n  createRoute,\n  z,\n  type OpenAPIHono,\n} from "@hono/zod-openapi";'),
    ).toHaveLength(1);
    expect(directZodImports('const m = await import("zod");')).toHaveLength(1);
    expect(directZodImports('import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";')).toEqual([]);
    expect(directZodImports('import { z } from "../domain/zod.js";\nimport { zodTo } from "zod-to-x";')).toEqual([]);
  });

  it("no file in src/ or bench/ but src/domain/zod.ts imports zod directly", () => {
    const offenders = ["src", "bench"]
      .flatMap((d) => sourceFiles(join(root, d)))
      .map((path) => ({
        file: relative(root, path).split("\\").join("/"),
        hits: directZodImports(readFileSync(path, "utf8")),
      }))
      .filter((x) => x.file !== home && x.hits.length > 0)
      .map((x) => `${x.file}: ${x.hits.join(" | ")} (import z from ${home} instead)`);
    expect(offenders).toEqual([]);
  });

  it("the home itself still imports zod (the scan looks at the right files)", () => {
    expect(directZodImports(readFileSync(join(root, home), "utf8")).length).toBeGreaterThan(0);
  });
});
