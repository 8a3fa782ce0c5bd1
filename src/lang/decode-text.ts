/**
 * Bytes to text: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Latin-1 in
 * practice, as older Swedish files are written); binary data and bytes no Swedish text holds
 * are refused. Corpus imports (src/corpus/import/read-text.ts) and fact imports use it.
 */
import { isUtf8 } from "node:buffer";

/** Why bytes are not text. */
export type DecodeProblem = { reason: "binary" } | { reason: "undecodable" };

export class DecodeError extends Error {
  constructor(readonly problem: DecodeProblem) {
    super(problem.reason);
  }
}

/** Bytes that are not text: NUL, or many control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** Bytes Windows-1252 leaves undefined: they decode to C1 controls, which no Swedish text holds. */
const undefinedIn1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/**
 * UTF-8 when the bytes are valid UTF-8; else Windows-1252 (a superset of Latin-1 in
 * practice) when they read as text. Decides without decoding, so a caller can decode in pieces.
 */
export function detectEncoding(bytes: Uint8Array): "utf-8" | "windows-1252" {
  if (looksBinary(bytes)) throw new DecodeError({ reason: "binary" });
  if (isUtf8(bytes)) return "utf-8";
  // Swedish text in Latin-1 shows å ä ö as single bytes; undefined bytes decode to controls.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (undefinedIn1252.some((b) => buffer.includes(b))) throw new DecodeError({ reason: "undecodable" });
  return "windows-1252";
}

/** The text of the bytes (see detectEncoding), without a byte order mark. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  const encoding = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes);
  return { text: encoding === "utf-8" ? text.replace(/^\uFEFF/, "") : text, encoding };
}
