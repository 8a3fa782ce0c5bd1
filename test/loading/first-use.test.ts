/**
 * Modules loaded on first use in the bundles (src/loading/bundle.ts): a stand-in takes the module's place and loads
 * it from node_modules when one of its names is first used; until then the module's own code has not run (nor is it
 * in the bundle), and afterwards the library gets the module's own function and values.
 */
import { createCipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runInThisContext } from "node:vm";
import { brotliCompressSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { firstUse, ownFirstUse, ownModulesOnFirstUse } from "../../src/loading/first-use.js";
import { projectRoot } from "../../src/project-paths.js";

/** Bundles the file `entry` with `plugins` and runs it; returns its exports. */
async function runBundle(entry: string, plugins: Plugin[]): Promise<Record<string, unknown>> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    plugins,
    logLevel: "silent",
  });
  const text = outputFiles[0]!.text;
  writeFileSync(join(dirname(entry), "bundle.js"), text);
  const run = runInThisContext(`(function (exports, require, module) {${text}\n})`) as (...a: unknown[]) => void;
  // The real modules stay outside the bundle: found from the entry's folder, else from the project's node_modules.
  const here = createRequire(entry);
  const project = createRequire(join(projectRoot, "package.json"));
  const load = (id: string): unknown => {
    try {
      return here(id);
    } catch {
      return project(id);
    }
  };
  const module = { exports: {} as Record<string, unknown> };
  run(module.exports, load, module);
  return module.exports;
}

/** Bundles `entry` (CommonJS, in a folder of its own) with the plugin and runs it; returns its exports. */
function bundled(
  dir: string,
  entry: string,
  modules: Record<string, readonly string[]>,
  inside: Record<string, readonly string[]> = {},
): Promise<Record<string, unknown>> {
  writeFileSync(join(dir, "entry.js"), entry);
  return runBundle(join(dir, "entry.js"), [firstUse(modules, inside)]);
}

/** A package in `dir`/node_modules whose code counts how often it has run. */
function countingPackage(dir: string): void {
  const pkg = join(dir, "node_modules", "heavy");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "heavy", main: "index.js" }));
  writeFileSync(
    join(pkg, "index.js"),
    "globalThis.heavyLoads = (globalThis.heavyLoads ?? 0) + 1;\n" +
      "exports.double = (n) => 2 * n;\nexports.table = [1, 2, 3];\n",
  );
  writeFileSync(
    join(pkg, "fn.js"),
    "globalThis.heavyLoads = (globalThis.heavyLoads ?? 0) + 1;\n" +
      "module.exports = function (a, b) { return a + b; };\n",
  );
}

declare global {
  var heavyLoads: number | undefined;
}

describe("modules loaded on first use", () => {
  it("runs a module's code only when one of its names is first used, once, with its own values", async () => {
    const dir = mkdtempSync(join(tmpdir(), "first-use-"));
    countingPackage(dir);
    globalThis.heavyLoads = 0;
    const out = await bundled(
      dir,
      'const heavy = require("heavy"); const add = require("heavy/fn.js");\n' +
        "exports.loadsAtStart = globalThis.heavyLoads;\n" +
        "exports.use = () => [heavy.double(21), heavy.table.length, add(2, 3), globalThis.heavyLoads];\n",
      { heavy: ["double", "table"], "heavy/fn.js": ["default"] },
    );
    expect(out.loadsAtStart).toBe(0);
    expect(readFileSync(join(dir, "bundle.js"), "utf8")).not.toContain("2 * n");
    expect((out.use as () => number[])()).toEqual([42, 3, 5, 2]);
    expect((out.use as () => number[])()[3]).toBe(2);
    delete globalThis.heavyLoads;
  });

  it("keeps a module named to run on first use in the bundle, and runs it then, once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "first-use-"));
    const pkg = join(dir, "node_modules", "rules");
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "rules", type: "module", main: "index.js" }));
    writeFileSync(
      join(pkg, "index.js"),
      "globalThis.heavyLoads = (globalThis.heavyLoads ?? 0) + 1;\nexport class Rules { triple(n) { return 3 * n; } }\n",
    );
    globalThis.heavyLoads = 0;
    const out = await bundled(
      dir,
      'import { Rules } from "rules";\nexports.loadsAtStart = globalThis.heavyLoads;\n' +
        "exports.use = () => [new Rules().triple(14), globalThis.heavyLoads];\n",
      {},
      { rules: ["Rules"] },
    );
    expect(out.loadsAtStart).toBe(0);
    expect(readFileSync(join(dir, "bundle.js"), "utf8")).toContain("3 * n");
    expect((out.use as () => number[])()).toEqual([42, 1]);
    expect((out.use as () => number[])()).toEqual([42, 1]);
    delete globalThis.heavyLoads;
  });

  it("runs a module of ours named to run on first use when a name of it is first used, wherever imported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "first-use-"));
    mkdirSync(join(dir, "domain"));
    writeFileSync(
      join(dir, "domain", "schemas.ts"),
      "globalThis.heavyLoads = (globalThis.heavyLoads ?? 0) + 1;\n" +
        "export const big = { parse: (n: number) => 4 * n };\nexport type Big = number;\n" +
        'export { small } from "./small.ts";\n',
    );
    writeFileSync(join(dir, "domain", "small.ts"), "export const small = 7;\n");
    writeFileSync(
      join(dir, "user.ts"),
      'import { big } from "./domain/schemas.ts";\nexport const use = () => big.parse(10);\n',
    );
    writeFileSync(
      join(dir, "entry.ts"),
      'import { use } from "./user.ts";\nimport { small } from "./domain/schemas.ts";\n' +
        "export const loadsAtStart = globalThis.heavyLoads;\n" +
        "export const run = () => [use(), small, globalThis.heavyLoads];\n",
    );
    globalThis.heavyLoads = 0;
    const exports = await runBundle(join(dir, "entry.ts"), [ownFirstUse(["domain/schemas.ts"], dir)]);
    expect(exports.loadsAtStart).toBe(0);
    expect((exports.run as () => number[])()).toEqual([40, 7, 1]);
    expect((exports.run as () => number[])()).toEqual([40, 7, 1]);
    delete globalThis.heavyLoads;
  });

  it("names our modules that exist", () => {
    for (const file of ownModulesOnFirstUse) expect(existsSync(join(projectRoot, "src", file)), file).toBe(true);
  });

  it("gives fontkit its brotli and pdfkit its AES unchanged: a round trip through each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "first-use-"));
    const out = await bundled(
      dir,
      'import decompress from "brotli/decompress.js";\nimport { cbc } from "@noble/ciphers/aes";\n' +
        "export { decompress, cbc };\n",
      { "brotli/decompress.js": ["default"], "@noble/ciphers/aes": ["cbc", "ecb"] },
    );
    const text = Buffer.from("Motionera – åäö ÅÄÖ ".repeat(40));
    const decompress = out.decompress as (b: Uint8Array) => Uint8Array;
    expect(Buffer.from(decompress(brotliCompressSync(text))).equals(text)).toBe(true);

    const key = randomBytes(16);
    const iv = randomBytes(16);
    const cbc = out.cbc as (k: Uint8Array, i: Uint8Array) => { encrypt(d: Uint8Array): Uint8Array };
    const ours = Buffer.from(cbc(key, iv).encrypt(text));
    const cipher = createCipheriv("aes-128-cbc", key, iv);
    expect(ours.equals(Buffer.concat([cipher.update(text), cipher.final()]))).toBe(true);
  });
});
