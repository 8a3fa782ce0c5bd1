/** The progress line of a long command (src/cli/progress.ts): a line rewritten on a terminal, a quiet log elsewhere. */
import { describe, expect, it } from "vitest";
import { texts } from "../../src/cli/messages.sv.js";
import { progressLine } from "../../src/cli/progress.js";

function run(tty: boolean, total: number, msPerUnit: number): string {
  let out = "";
  let clock = 0;
  const p = progressLine({ write: (s) => (out += s), tty, line: texts.corpus.progress, now: () => clock });
  for (let done = 1; done <= total; done++) {
    clock += msPerUnit;
    p.update(done, total);
  }
  p.finish();
  return out;
}

describe("the progress line", () => {
  it("elsewhere than a terminal: a line per tenth, none rewritten, the last at the end", () => {
    const out = run(false, 20_000, 2);
    const lines = out.trimEnd().split("\n");
    expect(out).not.toContain("\r");
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("Importerar: 2\u00a0000 av 20\u00a0000 filer, 500 per sekund, ca 36 s kvar");
    expect(lines.at(-1)).toBe("Importerar: 20\u00a0000 av 20\u00a0000 filer, 500 per sekund, ca 0 s kvar");
  });

  it("elsewhere, slowly: also a line every 10 seconds", () => {
    const lines = run(false, 100, 3000).trimEnd().split("\n");
    // 300 s in all: a line per tenth (every 30 s) and one 10 s after each, never one per file.
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.length).toBeLessThanOrEqual(31);
    expect(lines[0]).toMatch(/^Importerar: [1-9] av 100 filer, 0 per sekund, ca \d+ min \d+ s kvar$/);
  });

  it("on a terminal: one line rewritten in place a few times a second, ended once", () => {
    const out = run(true, 10_000, 1);
    const frames = out.split("\r").filter(Boolean);
    // 10 s at most 5 rewrites a second, and the last state.
    expect(frames.length).toBeLessThanOrEqual(52);
    expect(frames.length).toBeGreaterThan(10);
    expect(out.endsWith("\n")).toBe(true);
    expect(out.split("\n")).toHaveLength(2);
    expect(frames.at(-1)!.trimEnd()).toBe(
      "Importerar: 10\u00a0000 av 10\u00a0000 filer, 1\u00a0000 per sekund, ca 0 s kvar",
    );
  });

  it("on a terminal: clears its line for other output, and draws it again on the next update", () => {
    let out = "";
    let clock = 0;
    const p = progressLine({ write: (s) => (out += s), tty: true, line: texts.corpus.progress, now: () => clock });
    clock = 1000;
    p.update(10, 100);
    const drawn = out.length;
    p.clear();
    expect(out.slice(drawn)).toMatch(/^\r +\r$/);
    clock = 1001;
    p.update(11, 100);
    expect(out.endsWith("Importerar: 11 av 100 filer, 11 per sekund, ca 8 s kvar")).toBe(true);
  });
});
