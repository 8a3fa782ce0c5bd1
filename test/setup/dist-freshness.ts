/**
 * Whether dist/ was built from the source as it stands. Worker, pool and end-to-end tests run
 * the built code (bin/motionera.js, dist/cli/*, dist/src/*), so a dist/ older than src/ would
 * test stale code without a word.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** What the build reads: a change to any of them makes dist/ stale. */
export const buildInputs = ["src", "bench", "package.json", "tsconfig.json", "tsconfig.build.json"];
/** Written last by `npm run build` (its code cache step; the bundle step empties dist/cli first). */
export const buildStamp = join("dist", "cli", "command-line.cjs.cache");

/** The newest modification time (ms) of the files under `path`, with the file that has it. */
export function newestFile(path: string): { file: string; mtimeMs: number } | undefined {
  if (!existsSync(path)) return undefined;
  const st = statSync(path);
  if (!st.isDirectory()) return { file: path, mtimeMs: st.mtimeMs };
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(path)) {
    const found = newestFile(join(path, name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why dist/ under `root` cannot be trusted, or undefined when it was built after every input changed. */
export function distStaleness(root: string): string | undefined {
  const stamp = join(root, buildStamp);
  if (!existsSync(stamp)) return `${buildStamp} is missing: dist/ was never built`;
  const built = statSync(stamp).mtimeMs;
  for (const input of buildInputs) {
    const newest = newestFile(join(root, input));
    if (newest && newest.mtimeMs > built) return `${relative(root, newest.file)} changed after dist/ was built`;
  }
  return undefined;
}
