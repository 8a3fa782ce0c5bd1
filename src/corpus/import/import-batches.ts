/**
 * The one import of the CLI (`motionera corpus import`) and the service (POST /api/corpus/import): files read and
 * tagged on the import thread, a write per batch (`defaultBatchSize` documents unless asked), and the search index
 * file beside the embedded store following each write (IndexUpdater: the batch added, not a rebuild), saved when the
 * import ends. Neither edge holds the collection: what stays in memory is one batch, the chunks being read, and the
 * ids and content hashes of what the store holds.
 */
import type { Store } from "../../store/store.js";
import { IndexUpdater } from "../search/update-index.js";
import { importStream, type ImportInput, type ImportSummary, type StreamOptions } from "./import-files.js";

/** Documents per write when the caller does not say (the CLI's `--batch`). */
export const defaultBatchSize = 1000;

export async function importInBatches(
  store: Store,
  files: readonly ImportInput[],
  options: Omit<StreamOptions, "afterWrite"> = {},
): Promise<ImportSummary> {
  const index = options.dryRun ? undefined : IndexUpdater.for(store);
  const summary = await importStream(store, files, {
    ...options,
    batchSize: options.batchSize ?? defaultBatchSize,
    ...(index ? { afterWrite: (records, before, after) => index.added(records, before, after) } : {}),
  });
  await index?.save();
  return summary;
}
