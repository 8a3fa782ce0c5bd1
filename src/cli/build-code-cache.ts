/**
 * The build's last step (`npm run build`): runs two representative commands through
 * bin/motionera.js with `MOTIONERA_SAVE_CODE_CACHE=1`, so each bundle in dist/cli saves the V8
 * code cache of the code those commands ran beside itself (`<bundle>.cjs.cache`; see
 * src/loading/cached-script.ts):
 * - a campaign of two municipalities on two threads, for the command line and the campaign worker;
 * - then one draft (Lidingö, two signers, DOCX and PDF), for the draft's bundle (draft-line.cjs) and the PDF thread's
 *   render worker.
 * They use a copy of the shipped database and the shipped templates, whatever the environment names
 * (MOTIONERA_DB, MOTIONERA_DATABASE_URL, MOTIONERA_TEMPLATES are left out): installing never reads or
 * writes a user's data. Their files go to a temporary folder, removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { saveCodeCacheVariable } from "../loading/cached-script.js";
import { projectRoot } from "../project-paths.js";

const signers = ["--author", "Anna Andersson (L)", "--author", "Bo Berg (L)", "--date", "2026-11-24"];
const runs = (root: string, out: string, db: string): string[][] =>
  [
    ["campaign", "--template", "kast-avtal", "--kommun", "Lidingö,Bjurholm", "--workers", "2", ...signers],
    ["draft", "--template", "kast-avtal", "--kommun", "Lidingö", "--format", "docx,pdf", ...signers],
  ].map((args, i) => [...args, "--db", db, "--templates", join(root, "templates"), "--out", join(out, String(i))]);

/** The environment of the runs: the caller's, without what would point them at other data. */
function runEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [saveCodeCacheVariable]: "1" };
  for (const name of ["MOTIONERA_DB", "MOTIONERA_DATABASE_URL", "MOTIONERA_TEMPLATES"]) delete env[name];
  return env;
}

export function buildCodeCache(root: string = projectRoot): void {
  const out = mkdtempSync(join(tmpdir(), "motionera-code-cache-"));
  try {
    const db = join(out, "motionera.json");
    copyFileSync(join(root, "corpus", "motionera.json"), db);
    for (const args of runs(root, out, db)) {
      const run = spawnSync(process.execPath, [join(root, "bin", "motionera.js"), ...args], {
        cwd: root,
        env: runEnvironment(),
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
