/**
 * The command line's code cache (src/loading/cached-script.ts): a CommonJS script runs with its
 * cache when the cache was made for that very file, and compiles as usual when the cache is
 * missing, made for another build of the file, or refused by V8. The built command line's own
 * cache (made by `npm run build`) is the one V8 takes under the flags a command runs with.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCachedScript } from "../../src/loading/cached-script.js";
import { repoRoot } from "../helpers/cli.js";

interface Probe {
  twice(n: number): number;
  file: string;
  dir: string;
  hasRequire: boolean;
}

/** A CommonJS script with its own text (V8 keeps a compiled script per source within a process). */
function probeScript(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "cached-script-"));
  const file = join(dir, "probe.cjs");
  writeFileSync(
    file,
    `"use strict";\n// ${tag}\n` +
      "const path = require('node:path');\n" +
      "module.exports = { twice: (n) => n * 2, file: __filename, dir: __dirname, hasRequire: !!path.join };\n",
  );
  return file;
}

describe("loadCachedScript", () => {
  it("runs a script as CommonJS, then with the cache it saved", () => {
    const file = probeScript("first");
    const first = loadCachedScript<Probe>(file);
    expect(first.cache).toBe("missing");
    expect(first.exports.twice(21)).toBe(42);
    expect(first.exports.file).toBe(file);
    expect(first.exports.dir).toBe(join(file, ".."));
    expect(first.exports.hasRequire).toBe(true);
    first.saveCache();
    const again = loadCachedScript<Probe>(file);
    expect(again.cache).toBe("used");
    expect(again.exports.twice(4)).toBe(8);
  });

  it("ignores a cache made for another build of the script, even of the same length", () => {
    const file = probeScript("second");
    loadCachedScript<Probe>(file).saveCache();
    writeFileSync(file, readFileSync(file, "utf8").replace("n * 2", "n + n"));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    const rebuilt = loadCachedScript<Probe>(file);
    expect(rebuilt.cache).toBe("stale");
    expect(rebuilt.exports.twice(5)).toBe(10);
  });

  it("compiles as usual when V8 refuses the cache", () => {
    const file = probeScript("third");
    // The header names this very build of the file (its size and modification time); V8's data behind it is noise.
    const header = Buffer.alloc(16);
    header.writeDoubleLE(statSync(file).size, 0);
    header.writeDoubleLE(statSync(file).mtimeMs, 8);
    writeFileSync(`${file}.cache`, Buffer.concat([header, Buffer.alloc(4096, 0x5a)]));
    const refused = loadCachedScript<Probe>(file);
    expect(refused.cache).toBe("rejected");
    expect(refused.exports.twice(6)).toBe(12);
  });

  it("treats a cache too short for its header as another build's", () => {
    const file = probeScript("fourth");
    writeFileSync(`${file}.cache`, Buffer.from([1, 2, 3]));
    expect(loadCachedScript<Probe>(file).cache).toBe("stale");
  });
});

describe("the built command line's cache", () => {
  it("is taken by V8 under the flags a command runs with", () => {
    const state = (command: string) =>
      execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const dir = ${JSON.stringify(join(repoRoot, "dist", "cli"))};
           (await import(dir + "/v8-tuning.js")).tuneForCommand(["node", "motionera", ${JSON.stringify(command)}]);
           const { loadCachedScript } = await import(dir + "/cached-script.js");
           process.stdout.write(loadCachedScript(dir + "/command.cjs").cache);`,
        ],
        { encoding: "utf8" },
      );
    expect(state("draft")).toBe("used");
    expect(state("campaign")).toBe("used");
  });

  it("imports no package by name itself: Node 20 cannot serve import() in a script run from a code cache", () => {
    const bundle = readFileSync(join(repoRoot, "dist", "cli", "command.cjs"), "utf8");
    expect(bundle.match(/\bimport\(\s*["'`][^"'`]*/g) ?? []).toEqual([]);
  });
});
