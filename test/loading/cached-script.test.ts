/**
 * The command line's code cache (src/loading/cached-script.ts): a CommonJS script runs with its
 * cache when the cache was made for that very file, and compiles as usual when the cache is
 * missing, made for another build of the file, or refused by V8. The caches `npm run build` makes
 * for the command line and its worker threads are the ones V8 takes when the commands run.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCachedScript } from "../../src/loading/cached-script.js";
import { repoRoot, runCli, tempWorkspace } from "../helpers/cli.js";

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

describe("the built command line's caches (npm run build)", () => {
  const report = { MOTIONERA_CODE_CACHE_REPORT: "1" };
  const signer = ["--author", "Anna Andersson (L)", "--date", "2026-11-24"];

  it("are taken by V8 in a draft with a PDF (its bundle, the PDF thread) and a campaign (command line, worker)", () => {
    const { db, out } = tempWorkspace();
    const draft = runCli(
      ["draft", "--template", "kast-avtal", "--kommun", "Pajala", ...signer, "--db", db, "--out", out],
      {
        env: report,
      },
    );
    expect(draft.code).toBe(0);
    expect(draft.stderr).toContain("code cache draft-line.cjs: used");
    expect(draft.stderr).not.toContain("command-line.cjs");
    expect(draft.stderr).toContain("code cache render-worker.cjs: used");
    const campaign = runCli(
      [
        "campaign",
        "--template",
        "kast-avtal",
        "--kommun",
        "Pajala,Bjurholm",
        "--workers",
        "2",
        ...signer,
        "--db",
        db,
        "--out",
        `${out}-campaign`,
      ],
      { env: report },
    );
    expect(campaign.code).toBe(0);
    expect(campaign.stderr).toContain("code cache command-line.cjs: used");
    expect(campaign.stderr).toContain("code cache campaign-worker.cjs: used");
  });

  it("are taken by V8 in the service too, which never tunes V8 (every cache is made untuned)", async () => {
    const { db } = tempWorkspace();
    const child = spawn(process.execPath, [join(repoRoot, "bin", "motionera.js"), "serve", "--port", "0", "--db", db], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...report },
    });
    let out = "";
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Motionera körs på")) child.kill("SIGTERM");
    });
    await new Promise((resolve) => child.once("exit", resolve));
    expect(out).toContain("Motionera körs på");
    expect(err).toContain("code cache command-line.cjs: used");
  });

  it("say nothing unless asked", () => {
    const { db } = tempWorkspace();
    const r = runCli(["facts", "keys", "--db", db]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("code cache");
  });

  it("import no package by name: Node 20 cannot serve import() in a script run from a code cache", () => {
    for (const name of ["command-line", "draft-line", "render-worker", "campaign-worker"]) {
      const bundle = readFileSync(join(repoRoot, "dist", "cli", `${name}.cjs`), "utf8");
      expect(bundle.match(/\bimport\(\s*["'`][^"'`]*/g) ?? [], name).toEqual([]);
    }
  });
});
