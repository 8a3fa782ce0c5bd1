/** Runs the built CLI (bin/motionera.js) as a user would, in a temp workspace. */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = join(repoRoot, "bin", "motionera.js");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, ...opts.env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temp folder with a copy of the shipped database, so tests never touch corpus/. */
export function tempWorkspace(): { dir: string; db: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "motionera-test-"));
  const db = join(dir, "db.json");
  copyFileSync(join(repoRoot, "corpus", "motionera.json"), db);
  const out = join(dir, "out");
  return { dir, db, out };
}

/** Writes template files (path relative to a new templates folder → content). */
export function templatesFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "motionera-templates-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", file, "-"], { encoding: "utf8" });
}

/** A command refused as a user should see it: a failing exit code, the message, and no English error or stack. */
export function expectRefused(r: Run, message: RegExp, what: string): void {
  expect(r.code, what).toBeGreaterThan(0);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\berror\b|Error:|at .*\.js/);
}
