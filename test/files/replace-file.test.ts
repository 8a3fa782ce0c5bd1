/** A file written whole or not at all (src/files/replace-file.ts). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceFileSync } from "../../src/files/replace-file.js";

describe("replaceFileSync", () => {
  it("replaces a file's contents and leaves nothing else beside it", () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-replace-"));
    const file = join(dir, "cache.json");
    writeFileSync(file, "old");
    replaceFileSync(file, "new");
    replaceFileSync(file, Buffer.from("newer"));
    expect(readFileSync(file, "utf8")).toBe("newer");
    expect(readdirSync(dir)).toEqual(["cache.json"]);
  });

  it("throws when it cannot replace the file, and leaves no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "motionera-replace-"));
    const file = join(dir, "a-folder");
    mkdirSync(file);
    expect(() => replaceFileSync(file, "data")).toThrow();
    expect(readdirSync(dir)).toEqual(["a-folder"]);
  });
});
