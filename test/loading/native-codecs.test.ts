/**
 * tiny-inflate and base64-js replaced by Node's zlib and Buffer in the bundles (src/loading/native-codecs.ts,
 * inflate-into.ts, base64-bytes.ts): the same bytes as the packages give, and, bundled, the installed linebreak and
 * unicode-properties (whose Unicode tries are decoded from base64 and inflated) answer exactly as they do installed.
 */
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { runInThisContext } from "node:vm";
import { deflateRawSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { byteLength, fromByteArray, toByteArray } from "../../src/loading/base64-bytes.js";
import { inflateInto } from "../../src/loading/inflate-into.js";
import { nativeCodecs } from "../../src/loading/native-codecs.js";
import { projectRoot } from "../../src/project-paths.js";

const load = createRequire(join(projectRoot, "package.json"));
const tinyInflate = load("tiny-inflate") as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const base64js = load("base64-js") as {
  toByteArray(b64: string): Uint8Array;
  fromByteArray(bytes: Uint8Array): string;
  byteLength(b64: string): number;
};

describe("inflateInto", () => {
  it("gives tiny-inflate's bytes, into the same buffer, for text, random and empty data", () => {
    const texts = [Buffer.from("Motionera – åäö ".repeat(500)), randomBytes(5000), Buffer.alloc(0)];
    for (const data of texts) {
      const compressed = deflateRawSync(data);
      const ours = new Uint8Array(data.length);
      const theirs = new Uint8Array(data.length);
      const out = inflateInto(compressed, ours);
      expect(out).toBe(ours);
      expect(Buffer.from(out).equals(Buffer.from(tinyInflate(compressed, theirs)))).toBe(true);
      expect(Buffer.from(out).equals(data)).toBe(true);
    }
  });

  it("returns the first bytes, as tiny-inflate does, when the data is shorter than the buffer", () => {
    const data = Buffer.from("kort text");
    const out = inflateInto(deflateRawSync(data), new Uint8Array(100));
    const theirs = tinyInflate(deflateRawSync(data), new Uint8Array(100));
    expect(out).toHaveLength(data.length);
    expect(Buffer.from(out).equals(Buffer.from(theirs))).toBe(true);
  });
});

describe("base64 by Buffer", () => {
  it("gives base64-js's bytes, text and lengths, for inputs of every length up to three blocks and a large one", () => {
    const samples = [...Array.from({ length: 13 }, (_, n) => randomBytes(n)), randomBytes(100_000)];
    for (const bytes of samples) {
      const text = base64js.fromByteArray(bytes);
      expect(fromByteArray(bytes)).toBe(text);
      expect(Buffer.from(toByteArray(text)).equals(Buffer.from(base64js.toByteArray(text)))).toBe(true);
      expect(byteLength(text)).toBe(base64js.byteLength(text));
    }
  });

  it("gives bytes of their own, not a view into Node's shared pool", () => {
    const bytes = toByteArray("AAEC");
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(3);
  });
});

interface Bundled {
  LineBreaker: new (text: string) => { nextBreak(): { position: number; required: boolean } | null };
  getScript(codePoint: number): string;
  getCategory(codePoint: number): string;
}

/** linebreak and unicode-properties bundled with the plugin, run. */
async function bundled(): Promise<Bundled> {
  const { outputFiles } = await build({
    stdin: {
      contents:
        'module.exports = { LineBreaker: require("linebreak"), getScript: require("unicode-properties").getScript,' +
        ' getCategory: require("unicode-properties").getCategory };',
      resolveDir: projectRoot,
    },
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    plugins: [nativeCodecs],
    logLevel: "silent",
  });
  const text = outputFiles[0]!.text;
  expect(text).not.toContain("tinf_build_tree");
  expect(text).not.toContain("tripletToBase64");
  const run = runInThisContext(`(function (exports, require, module) {${text}\n})`) as (...a: unknown[]) => void;
  const module = { exports: {} as Bundled };
  run(module.exports, load, module);
  return module.exports;
}

const breaks = (LineBreaker: Bundled["LineBreaker"], text: string) => {
  const out: { position: number; required: boolean }[] = [];
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak())
    out.push({ position: b.position, required: b.required });
  return out;
};

describe("the bundled packages that inflate Unicode tries", () => {
  it("answer as the installed packages do, for every code point and for line breaks", async () => {
    const ours = await bundled();
    const theirs = { LineBreaker: load("linebreak"), ...(load("unicode-properties") as Omit<Bundled, "LineBreaker">) };
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (ours.getScript(codePoint) !== theirs.getScript(codePoint))
        expect.fail(`script of U+${codePoint.toString(16)}`);
      if (ours.getCategory(codePoint) !== theirs.getCategory(codePoint))
        expect.fail(`category of U+${codePoint.toString(16)}`);
    }
    const text = "Motion till kommunfullmäktige – 7,5 procent (18–65 år)\nsäger Eva Ek. مرحبا بالعالم नमस्ते 你好世界 ";
    expect(breaks(ours.LineBreaker, text)).toEqual(breaks(theirs.LineBreaker, text));
    expect(breaks(ours.LineBreaker, text).length).toBeGreaterThan(10);
  });
});
