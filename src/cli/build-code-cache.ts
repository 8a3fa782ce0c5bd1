/**
 * The build's last step (`npm run build`): runs two representative commands through
 * bin/motionera.js with `MOTIONERA_SAVE_CODE_CACHE=1`, so each bundle in dist/cli saves the V8
 * code cache of the code those commands ran beside itself (`<bundle>.cjs.cache`; see
 * src/loading/cached-script.ts):
 * - a campaign of two municipalities on two threads, for the campaign worker;
 * - then one draft (Lidingö, two signers, DOCX and PDF), for the command line (the last
 *   process to save it wins) and the PDF thread's render worker.
 * Their files go to a temporary folder, removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../project-paths.js";

const signers = ["--author", "Anna Andersson (L)", "--author", "Bo Berg (L)", "--date", "2026-11-24"];
const runs = (out: string): string[][] =>
  [
    ["campaign", "--template", "kast-avtal", "--kommun", "Lidingö,Bjurholm", "--workers", "2", ...signers],
    ["draft", "--template", "kast-avtal", "--kommun", "Lidingö", "--format", "docx,pdf", ...signers],
  ].map((args, i) => [...args, "--out", join(out, String(i))]);

export function buildCodeCache(root: string = projectRoot): void {
  const out = mkdtempSync(join(tmpdir(), "motionera-code-cache-"));
  try {
    for (const args of runs(out)) {
      const run = spawnSync(process.execPath, [join(root, "bin", "motionera.js"), ...args], {
        cwd: root,
        env: { ...process.env, MOTIONERA_SAVE_CODE_CACHE: "1" },
        encoding: "utf8",
      });
      if (run.status !== 0)
        throw new Error(`\`motionera ${args.join(" ")}\`, run to make the code cache, failed:\n${run.stderr}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

buildCodeCache();
process.stdout.write("Code caches written: dist/cli/*.cjs.cache\n");
