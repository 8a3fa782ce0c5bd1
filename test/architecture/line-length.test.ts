/**
 * No line in a tracked source file (.ts, .tsx, .js, .mjs) is longer than 120 characters, counted in
 * characters (code points), not bytes: the width Biome formats to. Biome's formatter leaves long
 * strings, templates and regular expressions as they are, so this test catches what it cannot.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const maxLength = 120;

/** The 1-based numbers of the lines longer than the limit. */
function longLines(text: string): number[] {
  return text.split("\n").flatMap((line, i) => ([...line].length > maxLength ? [i + 1] : []));
}

function trackedSources(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return listed.split("\0").filter((f) => /\.(ts|tsx|js|mjs)$/.test(f));
}

describe("line length", () => {
  it("counts characters, not bytes, and names the long lines", () => {
    expect(longLines(`short\n${"x".repeat(maxLength + 1)}\n${"ä".repeat(maxLength)}`)).toEqual([2]);
    expect(longLines("x".repeat(maxLength))).toEqual([]);
  });

  it(`no tracked .ts, .tsx, .js or .mjs file has a line over ${maxLength} characters`, () => {
    const files = trackedSources();
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      longLines(readFileSync(join(root, file), "utf8")).map((line) => `${file}:${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
