/** Reading a range of an open file, synchronously (a few kilobytes at a time, where a thread-pool trip costs more). */
import { readSync } from "node:fs";

/** Fills `buf` from an open file at `position` (less at its end); returns how many bytes were read. */
export function readInto(fd: number, buf: Uint8Array, position: number): number {
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Up to `length` bytes of an open file from `position` (fewer at its end). */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  return buf.subarray(0, readInto(fd, buf, position));
}
