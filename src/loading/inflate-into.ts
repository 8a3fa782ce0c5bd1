/**
 * tiny-inflate's one function, by Node's zlib: what every bundled package that imports tiny-inflate gets instead
 * (the esbuild plugin in native-codecs.ts).
 */
import { inflateRawSync } from "node:zlib";

/**
 * tiny-inflate's `inflate(source, dest)`: inflates the raw DEFLATE data `source` into `dest` and returns it, or, when
 * the data is shorter, its first bytes (as tiny-inflate: `slice`, a copy for a typed array, a view for a Buffer).
 */
export function inflateInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source, { maxOutputLength: Math.max(dest.length, 1) });
  dest.set(out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
}
