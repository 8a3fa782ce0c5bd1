/**
 * The PDF thread a `motionera draft` starts before its command line loads (src/render/pdf-prestart.ts), on the built
 * code: only for a draft that asks for a PDF, and with its young generation kept small.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const { startEarlyPdfWorker, pdfThreadLimits } = (await import(
  join(repoRoot, "dist", "src", "render", "pdf-prestart.js")
)) as typeof import("../../src/render/pdf-prestart.js");

const argv = (...args: string[]) => ["node", "motionera", "draft", "--template", "kast-avtal", ...args];

describe("the draft's early PDF thread", () => {
  it("starts for a draft with a PDF, with the small young generation it is given", async () => {
    const early = startEarlyPdfWorker(argv("--format", "docx,pdf"));
    expect(early).toBeDefined();
    try {
      expect(early!.worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(pdfThreadLimits.maxYoungGenerationSizeMb);
    } finally {
      await early!.worker.terminate();
    }
  });

  it("does not start for a draft without a PDF, nor for another command", () => {
    expect(startEarlyPdfWorker(argv("--format", "docx"))).toBeUndefined();
    expect(startEarlyPdfWorker(["node", "motionera", "campaign", "--format", "pdf"])).toBeUndefined();
  });
});
