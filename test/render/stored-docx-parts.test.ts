/**
 * The DOCX parts the build's representative draft saved (src/render/stored-docx-parts.ts): a built `motionera draft`
 * writes its shared parts from them, and they are the XML the docx package writes itself; the file is the build's
 * own, and one of another build, or one that lacks a part, is not used.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { docxDocument } from "../../src/render/docx.js";
import { readStoredParts, saveStoredParts, storedPartsFile } from "../../src/render/stored-docx-parts.js";
import { sampleDraft } from "../fixtures/sample-draft.js";
import { repoRoot, runCli, tempWorkspace } from "../helpers/cli.js";

const xmlOf = (zip: Uint8Array): Map<string, string> =>
  new Map(Object.entries(unzipSync(zip)).map(([path, data]) => [path, strFromU8(data)]));

/** The id of the build in dist/ (every bundle holds it). */
function builtId(): string {
  const bundle = readFileSync(join(repoRoot, "dist", "cli", "draft-line.cjs"), "utf8");
  const stored = JSON.parse(readFileSync(storedPartsFile, "utf8")) as { build: string };
  expect(bundle).toContain(JSON.stringify(stored.build));
  return stored.build;
}

describe("the DOCX parts saved by the build", () => {
  it("are this build's, and a built draft writes them: the XML the docx package writes itself", async () => {
    const build = builtId();
    const stored = readStoredParts(storedPartsFile, build, []);
    expect(stored?.size).toBeGreaterThanOrEqual(10);

    const ws = tempWorkspace();
    const run = runCli([
      "draft",
      "--template",
      "kast-avtal",
      "--kommun",
      "Bjurholm",
      "--author",
      "Eva Ek (S)",
      "--format",
      "docx",
      "--db",
      ws.db,
      "--out",
      ws.out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [file] = readdirSync(ws.out).filter((f) => f.endsWith(".docx"));
    const built = xmlOf(readFileSync(join(ws.out, file!)));
    const fresh = xmlOf(await Packer.toBuffer(docxDocument(sampleDraft)));
    for (const path of stored!.keys()) {
      expect(built.get(path), path).toBe(fresh.get(path));
      expect(built.get(path), path).toBeDefined();
    }
  });

  it("are not taken from a file of another build, nor from one that lacks a part", () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-parts-"));
    const file = join(dir, "shared-parts.json");
    const entry = { name: Buffer.from("word/styles.xml"), crc: 1, size: 3, data: new Uint8Array([1, 2, 3]) };
    saveStoredParts(file, "build-a", new Map([["word/styles.xml", entry]]));
    expect(readStoredParts(file, "build-a", ["word/styles.xml"])?.get("word/styles.xml")?.size).toBe(3);
    expect(readStoredParts(file, "build-b", ["word/styles.xml"])).toBeUndefined();
    expect(readStoredParts(file, "build-a", ["word/styles.xml", "word/theme/theme1.xml"])).toBeUndefined();
    writeFileSync(file, "{ not json");
    expect(readStoredParts(file, "build-a", [])).toBeUndefined();
    expect(existsSync(`${file}.${process.pid}.partial`)).toBe(false);
  });
});
