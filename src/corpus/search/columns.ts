/** Typed arrays to and from JSON (base64 of their bytes) or file bytes, varint streams, and a growable Uint32 list. */

export type ArrayKind = "u8" | "u16" | "u32" | "f32";
export type Typed = Uint8Array | Uint16Array | Uint32Array | Float32Array;

export interface EncodedArray {
  t: ArrayKind;
  n: number;
  b64: string;
}

const widths: Record<ArrayKind, number> = { u8: 1, u16: 2, u32: 4, f32: 4 };

export function kindOf(a: Typed): ArrayKind {
  return a instanceof Uint8Array ? "u8" : a instanceof Uint16Array ? "u16" : a instanceof Uint32Array ? "u32" : "f32";
}

export function bytesOf(a: Typed): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export function encodeArray(a: Typed): EncodedArray {
  return { t: kindOf(a), n: a.length, b64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64") };
}

/**
 * A typed array over `bytes` (length in elements): a view when the bytes are aligned for the
 * type, else a copy.
 */
export function viewAs(t: ArrayKind, bytes: Uint8Array): Typed {
  const w = widths[t];
  if (bytes.byteLength % w !== 0) throw new Error("array length mismatch");
  let buf = bytes.buffer as ArrayBuffer;
  let off = bytes.byteOffset;
  if (off % w !== 0) {
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    buf = copy;
    off = 0;
  }
  const len = bytes.byteLength / w;
  return t === "u8"
    ? new Uint8Array(buf, off, len)
    : t === "u16"
      ? new Uint16Array(buf, off, len)
      : t === "u32"
        ? new Uint32Array(buf, off, len)
        : new Float32Array(buf, off, len);
}

export function decodeArray(e: unknown, t: ArrayKind): Typed {
  if (!e || typeof e !== "object") throw new Error("array missing");
  const { t: kind, n, b64 } = e as Partial<EncodedArray>;
  if (kind !== t || typeof n !== "number" || typeof b64 !== "string") throw new Error(`array of ${t} expected`);
  const bytes = Buffer.from(b64, "base64");
  if (bytes.length !== n * widths[t]) throw new Error("array length mismatch");
  return viewAs(t, bytes);
}

/** A growable byte buffer for LEB128 varints. */
export class VarintWriter {
  #buf: Uint8Array;
  length = 0;

  /** `capacity`: the bytes expected (a merge knows about how many its seed held), so the buffer seldom grows. */
  constructor(capacity = 1 << 16) {
    this.#buf = new Uint8Array(Math.max(16, Math.ceil(capacity)));
  }

  write(v: number): void {
    if (this.length + 5 > this.#buf.length) {
      const next = new Uint8Array(this.#buf.length * 2);
      next.set(this.#buf);
      this.#buf = next;
    }
    while (v >= 0x80) {
      this.#buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.#buf[this.length++] = v;
  }

  /** The bytes written: a view when they fill most of the buffer (no second copy alive), else a copy that fits. */
  bytes(): Uint8Array {
    return this.length >= this.#buf.length * 0.9 ? this.#buf.subarray(0, this.length) : this.#buf.slice(0, this.length);
  }
}

/**
 * Reads LEB128 varints (as `VarintWriter` writes them) one after another: the one decoder for
 * postings and token streams. Set `pos` to start; `next(end)` returns the next value and moves
 * past it, never reading at or past `end` (a truncated last value ends there).
 */
export class VarintReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  next(end: number): number {
    const bytes = this.bytes;
    let i = this.pos;
    let b = bytes[i++]!;
    let v = b & 0x7f;
    let shift = 7;
    while (b & 0x80 && i < end) {
      b = bytes[i++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    this.pos = i;
    return v >>> 0;
  }
}

/** Decodes the varints in bytes[from, to) into `out.a` (grown as needed); returns how many. */
export function readVarints(bytes: Uint8Array, from: number, to: number, out: { a: Uint32Array }): number {
  const r = new VarintReader(bytes);
  r.pos = from;
  let n = 0;
  while (r.pos < to) {
    const v = r.next(to);
    if (n >= out.a.length) {
      const next = new Uint32Array(out.a.length * 2);
      next.set(out.a);
      out.a = next;
    }
    out.a[n++] = v;
  }
  return n;
}

/** Growable Uint32 list (`capacity`: the room it starts with, when the caller can tell how much it will hold). */
export class U32List {
  a: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.a = new Uint32Array(Math.max(16, Math.ceil(capacity)));
  }
  push(v: number): void {
    if (this.length === this.a.length) {
      const next = new Uint32Array(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.length++] = v;
  }
}

/** Growable Uint16 list (`capacity` as U32List's). */
export class U16List {
  a: Uint16Array;
  length = 0;
  constructor(capacity = 1024) {
    this.a = new Uint16Array(Math.max(16, Math.ceil(capacity)));
  }
  push(v: number): void {
    if (this.length === this.a.length) {
      const next = new Uint16Array(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.length++] = v;
  }
}

/** The buffers `grown` allocated: only their room beyond a view's end is free to take (never another array's bytes). */
const ownBuffers = new WeakSet<ArrayBufferLike>();

/** Room allocated beyond what a growing array needs now (amortised: a merge per batch seldom reallocates). */
const headroom = 1.5;

/**
 * `a` as `length` elements, in its own buffer when that is one of `grown`'s with room for them (the first `keep`
 * elements then stay where they are), else in a new buffer with headroom, the first `keep` elements copied. For an
 * array whose owner is done with it (an index merged into the next one, build.ts): the bytes it held are reused.
 */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array>(a: T, length: number, keep: number): T {
  const width = a.BYTES_PER_ELEMENT;
  const make = a.constructor as {
    new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
    new (length: number): T;
  };
  if (ownBuffers.has(a.buffer) && a.byteOffset + length * width <= a.buffer.byteLength)
    return new make(a.buffer, a.byteOffset, length);
  const next = new make(Math.ceil(length * headroom) + 16);
  ownBuffers.add(next.buffer);
  next.set(a.subarray(0, Math.min(keep, length, a.length)));
  return next.subarray(0, length) as T;
}
