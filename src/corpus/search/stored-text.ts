/**
 * The stored records of an index's documents (a hit's fields and snippet text, UTF-8, tab-separated; hits.ts), one per
 * ordinal, wherever their bytes lie: in memory (an index built here, or read whole from its file), or in the index
 * file on disk, read when a record is asked for. An index with documents added (build.ts) shares the records it kept
 * with the index it came from and holds only the new ones in memory, so an import's index never copies, nor holds,
 * the snippet text of the whole corpus (IndexUpdater points its records at the file it saved: open-index.ts).
 */
import { closeSync } from "node:fs";
import { readInto } from "../../files/read-at.js";

/** Where records' bytes lie: a buffer, or a range of an open file read through a window. */
interface Source {
  /** The bytes [start, end); `window`: how much a source read from a file reads at least (the rest kept for next). */
  bytes(start: number, end: number, window?: number): Buffer;
}

class BufferSource implements Source {
  constructor(readonly buf: Buffer) {}
  bytes(start: number, end: number): Buffer {
    return this.buf.subarray(start, end);
  }
}

/** Closes a file's descriptor once no index reads from it any more. */
const closeWhenGone = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
});

/**
 * Records in an open file from `base` on, read through a window (a scan in order reads each part once). The window is
 * one buffer refilled in place (a record's bytes are valid until the next read), so a scan over the records allocates
 * nothing per window: a merge reads every kept record's id and date (build.ts).
 */
class FileSource implements Source {
  #buf: Buffer = Buffer.alloc(0);
  #window: Buffer = this.#buf;
  #at = 0;
  constructor(
    private readonly fd: number,
    private readonly base: number,
  ) {
    closeWhenGone.register(this, fd);
  }
  bytes(start: number, end: number, window = 64 * 1024): Buffer {
    if (start < this.#at || end > this.#at + this.#window.length) {
      if (this.#buf.length < end - start) this.#buf = Buffer.allocUnsafe(Math.max(end - start, 64 * 1024));
      const got = readInto(this.fd, this.#buf.subarray(0, Math.max(end - start, window)), this.base + start);
      if (got < end - start) throw new Error("index damaged: stored records cut short");
      this.#window = this.#buf.subarray(0, got);
      this.#at = start;
    }
    return this.#window.subarray(start - this.#at, end - this.#at);
  }
}

/** The bytes read for a record's id alone (ids are far shorter; a longer one is read with its whole record). */
const idBytes = 256;

export class StoredText {
  private constructor(
    private readonly sources: readonly Source[],
    /** Per ordinal: which source, and the bytes [start, end) of its record there. */
    private readonly src: Uint16Array,
    private readonly start: Uint32Array,
    private readonly end: Uint32Array,
  ) {}

  /** Records back to back in `buf`, record i at [off[i], off[i + 1]). */
  static of(buf: Buffer, off: Uint32Array): StoredText {
    const n = off.length - 1;
    return new StoredText([new BufferSource(buf)], new Uint16Array(n), off.subarray(0, n), off.subarray(1));
  }

  /** Records back to back in an open file from byte `base` on, record i at [off[i], off[i + 1]). */
  static inFile(fd: number, base: number, off: Uint32Array): StoredText {
    const n = off.length - 1;
    return new StoredText([new FileSource(fd, base)], new Uint16Array(n), off.subarray(0, n), off.subarray(1));
  }

  get n(): number {
    return this.src.length;
  }

  /** Record i's bytes (valid until the next read of this index's records). */
  bytes(i: number): Buffer {
    return this.sources[this.src[i]!]!.bytes(this.start[i]!, this.end[i]!);
  }

  record(i: number): string {
    return this.bytes(i).toString("utf8");
  }

  /**
   * Record i's id (its first field), read alone: where the records lie in a file, only the record's first bytes are
   * read (a merge looks up ids out of order, a few per document added).
   */
  id(i: number): string {
    const start = this.start[i]!;
    const end = this.end[i]!;
    const head = this.sources[this.src[i]!]!.bytes(start, Math.min(end, start + idBytes), idBytes);
    const tab = head.indexOf(9);
    if (tab >= 0) return head.toString("utf8", 0, tab);
    return head.length === end - start ? head.toString("utf8") : this.field(i, 0);
  }

  /** Field k of record i (0 the id). */
  field(i: number, k: number): string {
    const b = this.bytes(i);
    let from = 0;
    for (let f = 0; f < k; f++) {
      const tab = b.indexOf(9, from);
      if (tab < 0) return "";
      from = tab + 1;
    }
    const tab = b.indexOf(9, from);
    return b.toString("utf8", from, tab < 0 ? b.length : tab);
  }

  /** The records' byte lengths back to back: the offsets of the records written in order (the index file's). */
  offsets(): Uint32Array {
    const off = new Uint32Array(this.n + 1);
    for (let i = 0; i < this.n; i++) off[i + 1] = off[i]! + (this.end[i]! - this.start[i]!);
    return off;
  }

  /**
   * The records in order, in pieces of about `size` bytes (for writing them out without holding them all). Each piece
   * is valid until the next is asked for: the pieces are one buffer filled again (a save of a large index allocates
   * one piece, not one per megabyte of its records).
   */
  *pieces(size = 1 << 20): Generator<Buffer> {
    let piece = Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < this.n; i++) {
      const b = this.bytes(i);
      if (at + b.length > piece.length) {
        if (at > 0) yield piece.subarray(0, at);
        if (b.length > piece.length) piece = Buffer.allocUnsafe(b.length);
        at = 0;
      }
      at += b.copy(piece, at);
    }
    if (at > 0) yield piece.subarray(0, at);
  }

  /** Every record in one buffer, back to back (a small index serialised as JSON). */
  whole(): Buffer {
    const parts: Buffer[] = [];
    for (const piece of this.pieces()) parts.push(Buffer.from(piece));
    return Buffer.concat(parts);
  }

  /**
   * A new set of n records: record i is `kept[i]`'s record of this set (when >= 0), else the next of `added`
   * (records back to back in `buf`, at `off`), in order. The kept records are shared, not copied.
   */
  with(n: number, kept: Int32Array, buf: Buffer, off: Uint32Array): StoredText {
    const sources = [...this.sources, new BufferSource(buf)];
    if (sources.length > 65535) return StoredText.of(buf, off).#flattened(this, n, kept);
    const fresh = sources.length - 1;
    const src = new Uint16Array(n);
    const start = new Uint32Array(n);
    const end = new Uint32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const j = kept[i]!;
      if (j >= 0) {
        src[i] = this.src[j]!;
        start[i] = this.start[j]!;
        end[i] = this.end[j]!;
      } else {
        src[i] = fresh;
        start[i] = off[k]!;
        end[i] = off[k + 1]!;
        k++;
      }
    }
    return new StoredText(sources, src, start, end);
  }

  /** The same merge with every record copied into one buffer (when the sources would be too many to number). */
  #flattened(base: StoredText, n: number, kept: Int32Array): StoredText {
    const parts: Buffer[] = [];
    const off = new Uint32Array(n + 1);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const b = Buffer.from(kept[i]! >= 0 ? base.bytes(kept[i]!) : this.bytes(k++));
      parts.push(b);
      off[i + 1] = off[i]! + b.length;
    }
    return StoredText.of(Buffer.concat(parts), off);
  }
}
