/**
 * lowdb's adapter for the database file, with a durable write. lowdb's own `DataFile` writes
 * through steno (temp file + rename) without fsync, so a power cut shortly after a write can
 * leave an empty or old file; this one writes temp → fsync(file) → rename → fsync(folder)
 * (`writeFileDurably`). Reading is lowdb's: the whole file, a missing file is empty.
 */
import { readFile } from "node:fs/promises";
import type { Adapter } from "lowdb";
import { nodeFs, writeFileDurably, type DurableFs } from "../files/durable-write.js";

export class DurableDataFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #parse: (text: string) => T;
  readonly #stringify: (data: T) => string;
  readonly #fs: DurableFs;

  constructor(file: string, options: { parse: (text: string) => T; stringify: (data: T) => string; fs?: DurableFs }) {
    this.#file = file;
    this.#parse = options.parse;
    this.#stringify = options.stringify;
    this.#fs = options.fs ?? nodeFs;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
    return this.#parse(text);
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.#file, this.#stringify(data), this.#fs);
  }
}
