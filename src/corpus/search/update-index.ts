/**
 * Keeping the index file beside a store in step with a batched import: after each write of a batch, the index
 * (held in memory between batches, else read from its file) gets the batch's documents (CorpusIndex.withDocuments,
 * which analyses only them) and is saved with the store's new revision. When the index at hand is not of the
 * revision before the write (no file yet, a stale or damaged one, another process wrote between), it is built
 * from the store's documents instead, once.
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";
import type { Store } from "../../store/store.js";
import type { CorpusIndex } from "./corpus-index.js";
import { defaultIndexPath, openIndex, readIndexFile, writeIndexFile } from "./open-index.js";

export class IndexUpdater {
  readonly #store: Pick<Store, "location" | "revision" | "documents">;
  readonly #path: string;
  #index: CorpusIndex | undefined;
  #revision: string | undefined;
  /** How many updates had to build the index from every document (figures, tests). */
  rebuilds = 0;

  private constructor(store: Pick<Store, "location" | "revision" | "documents">, path: string) {
    this.#store = store;
    this.#path = path;
  }

  /** An updater for the store's index file; undefined for a store with none (PostgreSQL builds its index in memory). */
  static for(store: Pick<Store, "location" | "revision" | "documents">): IndexUpdater | undefined {
    const path = defaultIndexPath(store);
    return path === undefined ? undefined : new IndexUpdater(store, path);
  }

  /** After a write of `docs` that took the store from revision `before` to `after`. */
  async added(docs: readonly CorpusDocument[], before: string, after: string): Promise<void> {
    let base = this.#revision === before ? this.#index : undefined;
    base ??= await readIndexFile(this.#path, before);
    if (base) {
      this.#index = base.withDocuments(docs);
      await writeIndexFile(this.#path, this.#index, after);
    } else {
      this.rebuilds++;
      this.#index = (await openIndex(this.#store, this.#path)).index;
    }
    this.#revision = after;
  }
}
