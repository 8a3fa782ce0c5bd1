/** Where a pool finds its worker (src/loading/worker-entry.ts): a code-cached bundle first, then an ES module. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { builtWorker } from "../../src/loading/worker-entry.js";

/** A folder with the given files; the URL of a module in it, as a pool passes its own `import.meta.url`. */
function folderWith(files: string[]): { dir: string; beside: string } {
  const dir = mkdtempSync(join(tmpdir(), "worker-entry-"));
  for (const f of files) writeFileSync(join(dir, f), "\n");
  return { dir, beside: pathToFileURL(join(dir, "pool.js")).href };
}

describe("builtWorker", () => {
  it("runs the worker's CommonJS bundle through cached-worker.cjs, naming the bundle in argv", () => {
    const { dir, beside } = folderWith(["render-worker.cjs", "cached-worker.cjs", "render-worker.js"]);
    expect(builtWorker(beside, "render-worker")).toEqual({
      script: pathToFileURL(join(dir, "cached-worker.cjs")),
      argv: [join(dir, "render-worker.cjs")],
    });
  });

  it("takes the worker's ES module where there is no bundle (the compiled sources) or no loader", () => {
    const compiled = folderWith(["campaign-worker.js"]);
    expect(builtWorker(compiled.beside, "campaign-worker")).toEqual({
      script: pathToFileURL(join(compiled.dir, "campaign-worker.js")),
      argv: [],
    });
    const noLoader = folderWith(["campaign-worker.cjs", "campaign-worker.js"]);
    expect(builtWorker(noLoader.beside, "campaign-worker")?.argv).toEqual([]);
  });

  it("finds none beside the TypeScript sources: the pool works in the calling thread", () => {
    const { beside } = folderWith(["render-worker.ts"]);
    expect(builtWorker(beside, "render-worker")).toBeUndefined();
  });
});
