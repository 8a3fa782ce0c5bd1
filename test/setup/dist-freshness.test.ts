import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildStamp, distStaleness } from "./dist-freshness.js";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "motionera-dist-"));
  mkdirSync(join(root, "src", "render"), { recursive: true });
  writeFileSync(join(root, "src", "render", "pdf.ts"), "export {};\n");
  writeFileSync(join(root, "package.json"), "{}\n");
  return root;
}

function build(root: string, at: Date): void {
  mkdirSync(join(root, "dist", "cli"), { recursive: true });
  writeFileSync(join(root, buildStamp), "\n");
  utimesSync(join(root, buildStamp), at, at);
}

describe("dist freshness", () => {
  it("calls a dist/ that was never built stale", () => {
    expect(distStaleness(project())).toMatch(/never built/);
  });

  it("calls dist/ fresh when it was built after every source changed", () => {
    const root = project();
    const before = new Date(Date.now() - 60_000);
    utimesSync(join(root, "src", "render", "pdf.ts"), before, before);
    utimesSync(join(root, "package.json"), before, before);
    build(root, new Date());
    expect(distStaleness(root)).toBeUndefined();
  });

  it("calls dist/ stale when a source file (however deep) changed after the build, and names it", () => {
    const root = project();
    const old = new Date(Date.now() - 120_000);
    utimesSync(join(root, "package.json"), old, old);
    build(root, new Date(Date.now() - 60_000));
    utimesSync(join(root, "src", "render", "pdf.ts"), new Date(), new Date());
    expect(distStaleness(root)).toBe(`${join("src", "render", "pdf.ts")} changed after dist/ was built`);
  });
});
