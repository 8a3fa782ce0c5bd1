/**
 * Keeping the index file beside a store in step with a batched import: after each write of a batch, the index
 * (held in memory between batches, else read from its file) gets the batch's documents (CorpusIndex.withDocuments,
 * which analyses only them) and is saved with the store's new revision. When the index at hand is not of the
 * revision before the write (no file yet, a stale or damaged one, another process wrote between), it is built
 * from the store's documents instead, once.
 *
 * Saving the file costs about as much as the update itself at 20 000 documents (its stored snippet text is most
 * of it), so an import saves it at most every `saveEveryMs` and when it ends (`save`); an import cut short between
 * saves leaves a file of an older revision, which the next import or search builds again from the store. The index
 * held keeps its stored records in the file it was read from or last saved to (stored-text.ts), so the snippet text
 * of the corpus is never in memory, only that of the batches since the last save.
 *
 * Memory stays flat as the corpus grows: a batch is merged into the index held in place (its forward arrays,
 * postings and token streams written over and grown with headroom, `withDocuments` with `reuse`), and a save keeps
 * the arrays held and only points the stored records at the file written (`saveIndexFile`), so neither leaves a
 * second copy of the index's arrays to the collector.
 */
import type { CorpusDocument } from "../../domain/corpus-document.js";
import type { Store } from "../../store/store.js";
import type { CorpusIndex } from "./corpus-index.js";
import { defaultIndexPath, openIndex, readIndexFile, saveIndexFile } from "./open-index.js";

export class IndexUpdater {
  readonly #store: Pick<Store, "location" | "revision" | "documents">;
  readonly #path: string;
  #index: CorpusIndex | undefined;
  #revision: string | undefined;
  /** How many updates had to build the index from every document (figures, tests). */
  rebuilds = 0;
  readonly #saveEveryMs: number;
  #savedAt = performance.now();
  #unsaved = false;

  private constructor(store: Pick<Store, "location" | "revision" | "documents">, path: string, saveEveryMs: number) {
    this.#store = store;
    this.#path = path;
    this.#saveEveryMs = saveEveryMs;
  }

  /** An updater for the store's index file; undefined for a store with none (PostgreSQL builds its index in memory). */
  static for(
    store: Pick<Store, "location" | "revision" | "documents">,
    options: { saveEveryMs?: number } = {},
  ): IndexUpdater | undefined {
    const path = defaultIndexPath(store);
    return path === undefined ? undefined : new IndexUpdater(store, path, options.saveEveryMs ?? 5000);
  }

  /** After a write of `docs` that took the store from revision `before` to `after`. */
  async added(docs: readonly CorpusDocument[], before: string, after: string): Promise<void> {
    let base = this.#revision === before ? this.#index : undefined;
    base ??= await readIndexFile(this.#path, before, { storedOnDisk: true });
    if (base) {
      // The index held is merged into in place: until the merge is done, none is held (one that threw part-way is
      // not whole; the next batch then reads the file saved or builds it again).
      this.#index = undefined;
      this.#revision = undefined;
      this.#index = base.withDocuments(docs, { reuse: true });
      this.#revision = after;
      this.#unsaved = true;
      if (performance.now() - this.#savedAt >= this.#saveEveryMs) await this.save();
    } else {
      this.rebuilds++;
      const built = (await openIndex(this.#store, this.#path)).index;
      this.#index = (await readIndexFile(this.#path, after, { storedOnDisk: true })) ?? built;
      this.#revision = after;
      this.#savedAt = performance.now();
    }
  }

  /**
   * Saves the index file if an update is not saved yet, and goes on from the file saved, its stored records left on
   * disk: between saves the updater holds only the records of the batches added since.
   */
  async save(): Promise<void> {
    if (!this.#unsaved || !this.#index || this.#revision === undefined) return;
    this.#index = await saveIndexFile(this.#path, this.#index, this.#revision);
    this.#unsaved = false;
    this.#savedAt = performance.now();
  }
}
