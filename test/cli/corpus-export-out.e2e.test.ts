/**
 * Issue 11, point 6: `corpus export --out` writes its file atomically and leaves no temp file,
 * also when it fails (the path is a folder) — and then says that nothing was written.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempWorkspace } from "../helpers/cli.js";

const tempFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

describe("motionera corpus export --out", () => {
  it("into a path that is a folder: fails, says nothing was written, and leaves no temp file", () => {
    const ws = tempWorkspace();
    const folder = join(ws.dir, "exporter");
    mkdirSync(folder);
    writeFileSync(join(folder, "keep.txt"), "mine");
    const r = runCli(["corpus", "export", "--format", "csv", "--out", folder, "--db", ws.db]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`Kunde inte skriva filerna i ${folder}`);
    expect(r.stderr).toContain("Inga filer skrevs");
    expect(tempFiles(ws.dir)).toEqual([]);
    expect(readdirSync(folder)).toEqual(["keep.txt"]);
    expect(readFileSync(join(folder, "keep.txt"), "utf8")).toBe("mine");
  });

  it("into a file: writes it whole and leaves no temp file", () => {
    const ws = tempWorkspace();
    const out = join(ws.dir, "export.json");
    writeFileSync(out, "an older export");
    const r = runCli(["corpus", "export", "--format", "json", "--out", out, "--db", ws.db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(
      JSON.parse(runCli(["corpus", "export", "--format", "json", "--db", ws.db]).stdout),
    );
    expect(tempFiles(ws.dir)).toEqual([]);
  });
});
