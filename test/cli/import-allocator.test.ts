/**
 * `motionera corpus import` through the bin runs in a child process with glibc's mmap threshold fixed
 * (src/cli/import-allocator.ts): the child has the variable, its output and exit code are the command's, and other
 * commands run in the bin's own process. (Killing the bin with SIGKILL takes the child with it:
 * corpus-scale.e2e.test.ts cuts an import short that way.)
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { processTree } from "../../bench/process-tree.js";
import { dokumentstatusFile } from "../../bench/riksdagen-generate.js";
import { wantsFixedMmap } from "../../src/cli/import-allocator.js";
import { bin, repoRoot } from "../helpers/cli.js";

/** Runs the bin; while it runs, notes the MALLOC_MMAP_THRESHOLD_ of each process below it. */
function runWatched(args: string[]): Promise<{ code: number | null; stdout: string; thresholds: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env } });
    let stdout = "";
    const thresholds = new Set<string>();
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.resume();
    const poll = setInterval(() => {
      for (const pid of processTree(child.pid!).slice(1))
        try {
          const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
          const v = env.find((e) => e.startsWith("MALLOC_MMAP_THRESHOLD_="));
          thresholds.add(v ?? "none");
        } catch {
          // Gone meanwhile.
        }
    }, 10);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({ code, stdout, thresholds: [...thresholds] });
    });
  });
}

describe("the corpus import's process", () => {
  it("is asked for the corpus import on Linux only, and not again in the child", () => {
    const argv = ["node", "motionera", "corpus", "import", "mapp"];
    expect(wantsFixedMmap(argv, {})).toBe(process.platform === "linux");
    expect(wantsFixedMmap(argv, { MALLOC_MMAP_THRESHOLD_: "131072" })).toBe(false);
    expect(wantsFixedMmap(["node", "motionera", "corpus", "search", "x"], {})).toBe(false);
    expect(wantsFixedMmap(["node", "motionera", "draft", "--template", "x"], {})).toBe(false);
  });

  it.runIf(process.platform === "linux")(
    "runs in a child with the threshold fixed; its report and exit code are the command's",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "motionera-allocator-"));
      const folder = join(dir, "filer");
      mkdirSync(folder);
      for (let i = 0; i < 400; i++) {
        const f = dokumentstatusFile(i);
        writeFileSync(join(folder, f.name), f.json);
      }
      const db = join(dir, "db.json");
      const ok = await runWatched(["corpus", "import", folder, "--db", db]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain("400 filer importerade (400 nya, 0 uppdaterade), 0 misslyckades.");
      expect(ok.thresholds).toContain("MALLOC_MMAP_THRESHOLD_=131072");

      // A file the import cannot read: exit 1 from the child, passed on.
      writeFileSync(join(folder, "trasig.json"), "{ inte json");
      const failed = await runWatched(["corpus", "import", join(folder, "trasig.json"), "--db", db]);
      expect(failed.code).toBe(1);
    },
    120_000,
  );
});
