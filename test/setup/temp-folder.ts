/**
 * vitest globalSetup: every temp folder of a run (the tests', and those of the CLI processes, workers, LibreOffice
 * and Chromium they start) is made inside one folder of that run, removed when the run ends. TMPDIR points there
 * (Node's os.tmpdir() reads it; the test processes and what they start inherit it), so a test that forgets to
 * clean up leaves nothing behind: thousands of runs had left gigabytes in the system's temp folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Set while a run's folder is in use: each vitest project runs the global setup, and they share the one folder. */
const IN_USE = "MOTIONERA_TEST_TMPDIR";

export default function tempFolder(): () => void {
  // A second project's setup: the folder is made, and the first setup removes it. (Nesting a folder per project
  // made paths too long for Chromium's socket.)
  if (process.env[IN_USE] !== undefined && process.env[IN_USE] === process.env.TMPDIR) return () => undefined;
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "motionera-tests-"));
  process.env.TMPDIR = dir;
  process.env[IN_USE] = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env[IN_USE];
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
