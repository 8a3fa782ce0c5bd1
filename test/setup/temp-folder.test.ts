/** The run's own temp folder (temp-folder.ts): the tests and the processes they start make their folders in it. */
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";

describe("the test run's temp folder", () => {
  it("is where this test process and the processes it starts make their temp folders", () => {
    expect(basename(tmpdir())).toMatch(/^motionera-tests-/);
    // One folder for the whole run, not one inside another per vitest project (Chromium's socket path is short).
    expect(basename(dirname(tmpdir()))).not.toMatch(/^motionera-tests-/);
    const child = execFileSync(process.execPath, ["-p", "require('node:os').tmpdir()"], { encoding: "utf8" }).trim();
    expect(child).toBe(tmpdir());
    expect(dirname(tmpdir())).not.toBe(tmpdir());
  });
});
