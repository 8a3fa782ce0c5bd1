/**
 * What the command line's bundle entry (src/command-line.ts) sets before a command is parsed: a draft checks with
 * zod's jitless validators; other commands keep the compiled ones. (Test files share modules: zod's setting is put
 * back after each case.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { prepare } from "../../src/command-line.js";
import { z } from "../../src/domain/zod.js";
import { closeEarlyPdfThread } from "../../src/render/pdf-thread.js";

const jitlessBefore = z.config().jitless;
afterEach(async () => {
  z.config({ jitless: jitlessBefore });
  await closeEarlyPdfThread();
});

describe("prepare", () => {
  it("has a draft check without compiling validators, and the check still refuses what is wrong", async () => {
    await prepare(["node", "motionera", "draft", "--format", "docx"]);
    expect(z.config().jitless).toBe(true);
    const schema = z.object({ kommun: z.string().min(2), antal: z.number().int() });
    expect(schema.safeParse({ kommun: "Pajala", antal: 3 }).success).toBe(true);
    expect(schema.safeParse({ kommun: "P", antal: 3.5 }).error?.issues.map((i) => i.path.join("."))).toEqual([
      "kommun",
      "antal",
    ]);
  });

  it("leaves the compiled validators to the other commands", async () => {
    for (const command of ["campaign", "serve", "facts"]) {
      await prepare(["node", "motionera", command, "--help"]);
      expect(z.config().jitless, command).not.toBe(true);
    }
  });
});
