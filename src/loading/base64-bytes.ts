/**
 * base64-js's three functions, by Node's Buffer: what every bundled package that imports base64-js gets instead (the
 * esbuild plugin in native-codecs.ts). Same results for the well-formed base64 the packages decode.
 */

/** base64-js's `toByteArray`: the bytes, in a Uint8Array of their own (a small Buffer may be a view into a pool). */
export function toByteArray(base64: string): Uint8Array {
  const decoded = Buffer.from(base64, "base64");
  const bytes = new Uint8Array(decoded.length);
  bytes.set(decoded);
  return bytes;
}

/** base64-js's `fromByteArray`: the bytes as base64, padded. */
export const fromByteArray = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");

/** base64-js's `byteLength`: how many bytes the base64 text decodes to. */
export const byteLength = (base64: string): number => Buffer.byteLength(base64, "base64");
