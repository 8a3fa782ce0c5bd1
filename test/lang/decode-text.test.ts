import { describe, expect, it } from "vitest";
import { DecodeError, decodeText, detectEncoding } from "../../src/lang/decode-text.js";

const problemOf = (bytes: Uint8Array): string | undefined => {
  try {
    detectEncoding(bytes);
    return undefined;
  } catch (e) {
    return e instanceof DecodeError ? e.problem.reason : "other";
  }
};

describe("decodeText: bytes to text", () => {
  it("reads UTF-8, dropping a byte order mark", () => {
    expect(decodeText(new TextEncoder().encode("\uFEFFÅsa på Öland"))).toEqual({
      text: "Åsa på Öland",
      encoding: "utf-8",
    });
  });

  it("reads Latin-1 (Windows-1252) when the bytes are not UTF-8", () => {
    const latin1 = Uint8Array.from([0xc5, 0x73, 0x61, 0x20, 0x70, 0xe5, 0x20, 0xd6, 0x6c, 0x61, 0x6e, 0x64]);
    expect(decodeText(latin1)).toEqual({ text: "Åsa på Öland", encoding: "windows-1252" });
  });

  it("refuses binary data and bytes Windows-1252 leaves undefined, saying which", () => {
    expect(problemOf(Uint8Array.from([0x41, 0x00, 0x42]))).toBe("binary");
    expect(problemOf(Uint8Array.from([0xe5, 0x81, 0x41]))).toBe("undecodable");
    expect(problemOf(new TextEncoder().encode("hej"))).toBeUndefined();
  });
});
