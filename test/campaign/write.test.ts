/**
 * A campaign's files are written atomically (src/campaign/write.ts): each to a hidden temporary name, then renamed.
 * When one of them cannot be put in place, the call fails with output_failed and leaves no temporary file behind.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFilesAtomically } from "../../src/campaign/write.js";

describe("writeFilesAtomically", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes every file under its own name and nothing else", () => {
    dir = mkdtempSync(join(tmpdir(), "motionera-write-"));
    writeFilesAtomically(dir, [
      { name: "a.md", data: "# Motion" },
      { name: "b.pdf", data: new Uint8Array([37, 80, 68, 70]) },
    ]);
    expect(readdirSync(dir).sort()).toEqual(["a.md", "b.pdf"]);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("# Motion");
  });

  it("fails with output_failed when a file cannot be put in place, and leaves no temporary file", () => {
    dir = mkdtempSync(join(tmpdir(), "motionera-write-"));
    mkdirSync(join(dir, "b.pdf")); // a folder where the file should go: the rename fails
    expect(() =>
      writeFilesAtomically(dir, [
        { name: "a.md", data: "# Motion" },
        { name: "b.pdf", data: "x" },
      ]),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ code: "output_failed", path: dir }) }));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
