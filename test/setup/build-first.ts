/**
 * vitest globalSetup: the tests that run dist/ never run stale code. When dist/ is older than
 * src/ (say, `npx vitest` after an edit), it is built first (`npm run build`, a few seconds);
 * `npm test` builds before vitest, so this finds dist/ fresh. With MOTIONERA_TEST_NO_BUILD=1
 * a stale dist/ fails the run instead, saying to run `npm run build`.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { distStaleness } from "./dist-freshness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default function buildFirst(): void {
  const stale = distStaleness(root);
  if (!stale) return;
  if (process.env.MOTIONERA_TEST_NO_BUILD === "1") {
    throw new Error(`dist/ is stale (${stale}); the worker, pool and CLI tests run dist/: run npm run build first`);
  }
  process.stdout.write(
    `dist/ is stale (${stale}): running npm run build so the tests that run dist/ test the current code\n`,
  );
  try {
    execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  } catch {
    throw new Error(
      `dist/ is stale (${stale}) and npm run build failed: run npm run build, fix what it reports, then run ` +
        `the tests again`,
    );
  }
  const still = distStaleness(root);
  if (still) throw new Error(`dist/ is still stale after npm run build (${still}): run npm run build`);
}
