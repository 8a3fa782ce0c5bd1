/**
 * The build's last step (`npm run build`): runs one representative `motionera draft` (Lidingö, two
 * signers, DOCX and PDF) through bin/motionera.js, which then saves the V8 code cache of all the
 * command-line code that draft ran beside the bundle (dist/cli/command.cjs.cache; see
 * src/loading/cached-script.ts). The draft's files go to a temporary folder, removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../project-paths.js";

export function buildCodeCache(root: string = projectRoot): void {
  const out = mkdtempSync(join(tmpdir(), "motionera-code-cache-"));
  try {
    const args = ["draft", "--template", "kast-avtal", "--kommun", "Lidingö", "--date", "2026-11-24"];
    args.push("--author", "Anna Andersson (L)", "--author", "Bo Berg (L)", "--format", "docx,pdf", "--out", out);
    const run = spawnSync(process.execPath, [join(root, "bin", "motionera.js"), ...args], {
      cwd: root,
      env: { ...process.env, MOTIONERA_SAVE_CODE_CACHE: "1" },
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`the draft that makes the code cache failed:\n${run.stderr}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

buildCodeCache();
process.stdout.write("Code cache of the command line written: dist/cli/command.cjs.cache\n");
